// Min side as a guardian, on a 390 px phone: her kindergarten child's page is sections the mother jumps
// between, with the long parts closed until she opens them; she sees the child's relay log and who
// holds the baton, withdraws the consent with the keyboard — and the relay holder loses access at once
// — then sees who has read the child's data, and gives a new consent digitally with one action.
// Everyone is found by role (the `forelder` log-in, her younger child, the kindergarten teacher), and
// the test clicks and reads the names the database has for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/app.ts';
import { demoPeople, expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, startBrowserApp, whoOf, type BrowserApp } from './support.ts';
import { unitOf } from '../support/factories.ts';
import { today as todayInOslo, typedDate } from '../support/clock.ts';

let env: BrowserApp;
let childId: string;
/** The names the pages show: the mother, her younger child (and the child's given name), the teacher, the kindergarten, the teacher as the access log names her; the youth. */
const names = { mother: '', child: '', childGiven: '', teacher: '', kindergarten: '', teacherWho: '', youth: '' };
beforeAll(async () => {
  env = await startBrowserApp();
  const { app, database } = env.testApp;
  const db = database.db;
  const demo = await demoPeople(env);
  childId = demo.youngerChild.id;
  const sofie = demo.mother.id;
  const kindergarten = await unitOf(db, 'fagperson.barnehage');
  const solsikken = kindergarten.id;
  Object.assign(names, {
    mother: demo.mother.name, child: demo.youngerChild.name, childGiven: demo.youngerChild.givenName, teacher: await nameOf(env, 'fagperson.barnehage'),
    kindergarten: kindergarten.name, teacherWho: await whoOf(env, 'fagperson.barnehage'), youth: demo.youth.name,
  });
  const teacherId = (await db.selectFrom('staff_user').select('id').where('username', '=', 'fagperson.barnehage').executeTakeFirstOrThrow()).id;
  // The kindergarten's story so far, through the API: a worry, the mother's paper consent, a measure.
  const teacher = await signedIn(app, 'fagperson.barnehage');
  const today = todayInOslo();
  const caseId = (await teacher.post('/api/worries', { personId: childId, categories: ['language'], description: 'Sier lite.', noticedOn: today })).json().caseId;
  expect((await teacher.post(`/api/people/${childId}/consents`, {
    method: 'paper', giverIds: [sofie], purposes: ['collaboration'], categories: ['language'], recipientUnitIds: [solsikken],
    validFrom: today, validTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
  })).statusCode).toBe(201);
  expect((await teacher.post(`/api/cases/${caseId}/entries`, {
    kind: 'measure', category: 'language', title: 'Språkgruppe to ganger i uka', responsibleStaffId: teacherId, startsOn: today, evaluateOn: today,
  })).statusCode).toBe(201);
});
afterAll(async () => {
  await env?.close();
});

describe('Min side', () => {
  it('lets a guardian read the log, withdraw consent, see the access log and give consent again', async () => {
    const t = await openPage(env, { width: 390, height: 844 });
    const { page } = t;
    await signInAs(page, names.mother);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    // The mother is listed as herself and the child as her child: the server says who she is to each.
    await page.locator('section[aria-labelledby="my-self"]').getByRole('link', { name: names.mother }).waitFor();
    await expectFitsWidth(page, 'Min side');
    await page.locator('section[aria-labelledby="my-children"]').getByRole('link', { name: names.child }).click();
    await page.getByRole('heading', { level: 1, name: names.child }).waitFor();
    await page.getByTestId('log-entry').filter({ hasText: 'Språkgruppe to ganger i uka' }).waitFor();
    expect(await page.getByTestId('relay-holder').textContent()).toContain(names.teacher);
    await expectFitsWidth(page, 'Min side: the child');
    await expectNoAxeViolations(page, 'Min side: the child\'s relay log');

    // The sections to jump between; a jump brings the section's heading onto the screen.
    const contents = page.getByRole('navigation', { name: 'Innhold på siden' });
    const jumps = await contents.getByRole('link').allTextContents();
    expect(jumps.slice(0, 4)).toEqual(['Saken', 'Stafettlogg', 'Individuell plan', 'Samtykker du har gitt']);
    expect(jumps).toContain('Hvem har sett opplysningene');
    await contents.getByRole('link', { name: 'Hvem har sett opplysningene' }).click();
    await page.waitForURL((url) => url.hash === '#access-log');
    const heading = await page.getByRole('heading', { level: 2, name: 'Hvem har sett opplysningene' }).boundingBox();
    expect(heading && heading.y >= 0 && heading.y < 844).toBe(true);
    // The long parts start closed: the form to give consent and the access log.
    expect(await page.locator('section[aria-labelledby="give-consent"] form').isVisible()).toBe(false);
    expect(await page.getByTestId('access-log').isVisible()).toBe(false);

    // Withdraw with the keyboard only; it asks first.
    const withdraw = page.locator('.consent-card').first().getByRole('button', { name: 'Trekk tilbake samtykket' });
    await withdraw.focus();
    await page.keyboard.press('Enter');
    const confirm = page.locator('.consent-card').first().getByRole('button', { name: 'Ja, trekk tilbake' });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Samtykket er trukket tilbake.').waitFor();
    await page.locator('.consent-card').first().getByText('Trukket tilbake', { exact: true }).waitFor();

    // The relay holder is refused at once.
    const teacher = await signedIn(env.testApp.app, 'fagperson.barnehage');
    expect((await teacher.get(`/api/people/${childId}/case`)).statusCode).toBe(403);

    // Who has read the child's data: the teacher, by name, title and unit, in words, one line per look.
    await page.reload();
    await page.getByText('Vis hvem som har sett opplysningene').click();
    const log = page.getByTestId('access-log');
    await log.waitFor();
    const lines = await log.getByRole('listitem').allTextContents();
    expect(lines.some((l) => l.startsWith(`${names.teacherWho}, `) && l.includes('skrev i saken')), lines.slice(0, 8).join('\n')).toBe(true);
    expect(lines.join('\n')).not.toMatch(/\b(case|person|consent)\.[a-z]+/i);
    await expectNoAxeViolations(page, 'Min side: after withdrawing, with the access log');

    // A new consent, given here with one action.
    await page.getByTestId('give-consent').getByText('Gi samtykke').first().click();
    const give = page.locator('section[aria-labelledby="give-consent"] form');
    await give.getByRole('checkbox', { name: 'Stafettlogg og tverrfaglig samarbeid' }).check();
    await give.getByRole('group', { name: 'Hvilke opplysninger' }).getByRole('checkbox', { name: 'Språk' }).check();
    await give.getByRole('checkbox', { name: names.kindergarten }).check();
    await give.getByLabel('Gjelder til').fill(typedDate(365));
    await give.getByRole('button', { name: 'Gi samtykke' }).click();
    await page.getByText('Samtykket er gitt.').waitFor();
    await page.getByTestId('log-entry').filter({ hasText: 'Språkgruppe to ganger i uka' }).waitFor();
    expect((await teacher.get(`/api/people/${childId}/case`)).statusCode).toBe(200);
    await expectNoAxeViolations(page, 'Min side: consent given');
    // Written to the mother about her child: the child's name where the staff read "barnet", and "du" for what
    // she did herself (the versioned consent text is the same for everyone and is left out).
    const given = page.locator('.consent-card').filter({ hasText: 'Samtykke fra' }).first().locator('.facts__row').filter({ hasText: 'Gitt av' }).locator('dd');
    expect(await given.textContent()).toBe('Du');
    const words = await page.evaluate(() => {
      const copy = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('details.consent-text').forEach((e) => e.remove());
      return copy.textContent ?? '';
    });
    expect(words).not.toMatch(/\b(barnet|barnets|Barnets)\b/);
    expect(words).toContain(`Et samtykke gir tjenestene lov til å dele opplysninger om ${names.childGiven} med hverandre.`);
    expect(words).toContain(`Bor med ${names.childGiven}`);
    expectNoProblems(t);
    await t.close();
  });

  it('speaks to a youth about themself ("du"), not about "the child"', async () => {
    const t = await openPage(env, { width: 390, height: 844 });
    const { page } = t;
    await signInAs(page, names.youth);
    await page.locator('section[aria-labelledby="my-self"]').getByRole('link', { name: names.youth }).click();
    await page.getByRole('heading', { level: 1, name: names.youth }).waitFor();
    await page.getByText('Et samtykke gir tjenestene lov til å dele opplysninger om deg med hverandre.', { exact: false }).waitFor();
    expect(await page.locator('section[aria-labelledby="case-heading"]').textContent()).toContain('Ingen tjeneste følger deg opp i Sammen nå.');
    expect(await page.locator('section[aria-labelledby="team-request"]').textContent()).toMatch(/Du kan selv be .+ om en drøfting\. Du er med i møtet\./);
    await expectFitsWidth(page, 'Min side: a youth');
    await expectNoAxeViolations(page, 'Min side: a youth');
    expectNoProblems(t);
    await t.close();
  });
});
