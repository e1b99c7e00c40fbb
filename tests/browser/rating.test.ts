// The family's rating of a meeting in the browser. After two case meetings about the `forelder`
// mother's older child are closed, his mother (who reads nynorsk) rates the first from the e-mailed link without signing in, with the
// keyboard only, and the page is in her language; the link then refuses a second answer. Signed in on
// Min side she finds the other meeting waiting for her answer and rates it there. The meetings are
// written straight into the database, closed the way the meeting module does (offerRating).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerRating } from '../../server/modules/teams/ratings.ts';
import { demoPeople, expectNoAxeViolations, expectNoProblems, openPage, signInAs, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { teamLedBy } from '../support/factories.ts';
import { testClock } from '../support/clock.ts';

let env: BrowserApp;
const shots = process.env.SCREENSHOTS;
const meetings: string[] = [];
let token: string;
/** The team whose meetings these are (the one the demo's team leader leads), and the mother, as the pages name them. */
let teamName: string;
let motherName: string;
let motherEmail: string;

beforeAll(async () => {
  env = await startBrowserApp();
  const db = env.testApp.database.db;
  const demo = await demoPeople(env);
  const jonas = demo.olderChild.id;
  const sofie = demo.mother.id;
  motherName = demo.mother.name;
  const tone = (await db.selectFrom('staff_user').select('id').where('username', '=', 'teamleder').executeTakeFirstOrThrow()).id;
  const led = await teamLedBy(db, 'teamleder');
  const team = led.id;
  teamName = led.name;
  const place = await unitNameOf(env, 'teamleder');
  const { email } = await db.selectFrom('person').select('email').where('id', '=', sofie).executeTakeFirstOrThrow();
  if (!email) throw new Error('the demo mother has no e-mail address');
  motherEmail = email;
  await db.updateTable('person').set({ language: 'nn' }).where('id', '=', sofie).execute();
  for (const daysAgo of [14, 2]) {
    const startsAt = new Date(testClock.now().getTime() - daysAgo * 86_400_000);
    const m = await db.insertInto('team_meeting').values({
      team_id: team, kind: 'case', person_id: jonas, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000), place,
      chair_staff_id: tone, created_by: tone,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('meeting_participant').values([{ meeting_id: m.id, staff_user_id: tone, role: 'chair' }, { meeting_id: m.id, person_id: sofie, role: 'guardian' }]).execute();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('team_meeting').set({ status: 'closed', closed_at: testClock.now(), closed_by: tone }).where('id', '=', m.id).execute();
      await offerRating(trx, m.id, testClock.now());
    });
    meetings.push(m.id);
  }
  // The link from the first meeting's e-mail.
  const mails = await db.selectFrom('outbound_email').select('body_text').where('to_address', '=', motherEmail).where('subject', '=', 'Korleis var møtet?').orderBy('created_at').execute();
  token = /\/vurdering\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.body_text)![1]!;
});
afterAll(async () => {
  await env?.close();
});

describe('the family rates a meeting', () => {
  it('from the e-mailed link, in the family\'s language, with the keyboard', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto(`/vurdering/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Korleis var møtet?' }).waitFor();
    await page.getByText(`Du var med på eit møte i ${teamName}`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'rating from the link');

    // Keyboard only: into the first scale, arrow keys to choose, Tab to the next, the comment, send.
    const first = page.getByRole('radio', { name: '1 – nei, ikkje i det heile' }).first();
    await first.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('group', { name: /Kjende du deg høyrd/ }).getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: /Var hjelpa nyttig/ }).getByRole('radio', { name: '5 – ja, heilt' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Godt å bli høyrd.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Takk for svaret!' }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/rating-link-thanks.png`, fullPage: true });
    await expectNoAxeViolations(page, 'rating sent');

    const stored = await env.testApp.database.db.selectFrom('meeting_rating').select(['felt_heard', 'useful', 'comment']).where('meeting_id', '=', meetings[0]!).executeTakeFirstOrThrow();
    expect(stored).toEqual({ felt_heard: 4, useful: 5, comment: 'Godt å bli høyrd.' });

    // The link works once.
    await page.goto(`/vurdering/${token}`);
    await page.getByText('Du har alt sagt kva du synest om dette møtet. Takk!').waitFor();
    await expectNoAxeViolations(page, 'used link');
    expectNoProblems(t);
    await t.close();
  });

  it('refuses a scale left empty, naming the question', async () => {
    const db = env.testApp.database.db;
    // A fresh link for the second meeting is in the newest mail.
    const mails = await db.selectFrom('outbound_email').select('body_text').where('to_address', '=', motherEmail).where('subject', '=', 'Korleis var møtet?').orderBy('created_at', 'desc').execute();
    const second = /\/vurdering\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.body_text)![1]!;
    const t = await openPage(env);
    const { page } = t;
    await page.goto(`/vurdering/${second}`);
    await page.getByRole('heading', { level: 1, name: 'Korleis var møtet?' }).waitFor();
    await page.getByRole('radio', { name: '3' }).first().check();
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await page.getByRole('link', { name: 'Var hjelpa nyttig?: Vel eit tal frå 1 til 5 for om hjelpa var nyttig.' }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/rating-link-refused.png`, fullPage: true });
    await expectNoAxeViolations(page, 'rating refused');
    expect(await db.selectFrom('meeting_rating').select('id').where('meeting_id', '=', meetings[1]!).execute()).toEqual([]);
    expectNoProblems(t);
    await t.close();
  });

  it('on Min side, where the other meeting waits for an answer', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, motherName);
    await page.getByRole('link', { name: 'Møter som venter på svaret ditt: 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Si hva du synes om møtene' }).waitFor();
    const rated = page.locator('li').filter({ hasText: 'Du svarte: hørt 4 av 5, nyttig 5 av 5' });
    await rated.waitFor();
    const open = page.getByTestId('meeting-rating');
    await open.getByRole('radio', { name: '2' }).first().check();
    await open.getByRole('group', { name: /Var hjelpen nyttig/ }).getByRole('radio', { name: '3' }).check();
    await open.getByRole('button', { name: 'Send svaret' }).click();
    await page.getByText('Du svarte: hørt 2 av 5, nyttig 3 av 5', { exact: false }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/rating-min-side.png`, fullPage: true });
    await expectNoAxeViolations(page, 'ratings on Min side');
    expect((await env.testApp.database.db.selectFrom('meeting_rating').select('useful').where('meeting_id', '=', meetings[1]!).executeTakeFirstOrThrow()).useful).toBe(3);
    expectNoProblems(t);
    await t.close();
  });
});
