// An early-intervention team in the browser: the school refers a pupil (the `forelder` mother's older
// child, 9), the primary-school team for his area (the one the demo's team leader leads) is proposed, the leader accepts and schedules a meeting with both guardians (the
// invitations carry a calendar file), writes minutes with a three-item action plan and closes the
// meeting (not before it has a plan); the copies reach every participant; an overdue item is
// flagged on the owner's task list and the plan is reviewed at the next meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPeople, expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { teamLedBy, unitOf } from '../support/factories.ts';
import { daysFromToday, typedDate } from '../support/clock.ts';

let env: BrowserApp;
let jonasId: string;
/** The story's people and teams by role, with the names and addresses the pages and mails have for them. */
const names = {
  child: '', childGiven: '', mother: '', father: '', motherEmail: '', fatherEmail: '', teacher: '', school: '', leader: '', leaderUnit: '', team: '', kindergartenTeam: '',
};
beforeAll(async () => {
  env = await startBrowserApp();
  const db = env.testApp.database.db;
  const demo = await demoPeople(env);
  const jonas = demo.olderChild.id;
  const martin = demo.fatherWithoutResponsibility.id;
  // Both parents share parental responsibility for the child in this story.
  await db.updateTable('guardianship').set({ parental_responsibility: true }).where('child_id', '=', jonas).where('guardian_id', '=', martin).execute();
  jonasId = jonas;
  const email = async (id: string) => {
    const { email } = await db.selectFrom('person').select('email').where('id', '=', id).executeTakeFirstOrThrow();
    if (!email) throw new Error(`the demo's ${id} has no e-mail address`);
    return email;
  };
  // Another early-intervention team to choose instead: the one serving the kindergarten teacher's kindergarten.
  const kindergarten = await unitOf(db, 'fagperson.barnehage');
  const kindergartenTeam = await db.selectFrom('team as t').innerJoin('team_service_unit as tu', 'tu.team_id', 't.id').select('t.name')
    .where('tu.service_unit_id', '=', kindergarten.id).where('t.kind', '=', 'early_intervention').where('t.active', '=', true).execute();
  if (kindergartenTeam.length !== 1) throw new Error(`expected one early-intervention team serving ${kindergarten.id}, found ${kindergartenTeam.length}`);
  Object.assign(names, {
    child: demo.olderChild.name, childGiven: demo.olderChild.givenName, mother: demo.mother.name, father: demo.fatherWithoutResponsibility.name,
    motherEmail: await email(demo.mother.id), fatherEmail: await email(martin),
    teacher: await nameOf(env, 'fagperson.skole'), school: await unitNameOf(env, 'fagperson.skole'),
    leader: await nameOf(env, 'teamleder'), leaderUnit: await unitNameOf(env, 'teamleder'), team: (await teamLedBy(db, 'teamleder')).name, kindergartenTeam: kindergartenTeam[0]!.name,
  });
});
afterAll(async () => {
  await env?.close();
});

/** Less frequent actions on a child's page are folded: open the panel by its summary. */
async function panelForm(page: Page, title: string) {
  const panel = page.locator('details.action-panel').filter({ has: page.locator('summary', { hasText: title }) });
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  return panel.locator('form');
}

async function openTheChild(page: Page, who: string) {
  await signInAs(page, who);
  await page.getByRole('main').getByRole('link', { name: names.child }).first().click();
  await page.getByRole('heading', { level: 1, name: names.child }).waitFor();
}

async function schedule(page: Page, days: number, family: string[]) {
  const card = page.getByTestId('referral').filter({ hasText: names.child });
  const scheduleForm = card.locator('form').filter({ has: page.getByRole('heading', { name: 'Sett opp møte' }) });
  await scheduleForm.getByLabel('Dato').fill(typedDate(days));
  await scheduleForm.getByLabel('Klokkeslett').fill('12:30');
  for (const name of family) await scheduleForm.getByRole('group', { name: 'Fra familien' }).getByRole('checkbox', { name }).check();
  await scheduleForm.getByRole('checkbox', { name: `${names.teacher}, ${names.school}` }).check();
  await scheduleForm.getByRole('button', { name: 'Sett opp møte og send invitasjoner' }).click();
  await page.getByText('Møtet er satt opp, og invitasjonene er sendt.').waitFor();
}

describe('an early-intervention team meeting', () => {
  it('goes from referral to a reviewed action plan', async () => {
    const t = await openPage(env);
    const { page } = t;
    const db = env.testApp.database.db;

    // The school refers the child; the team for his age and area is proposed.
    await openTheChild(page, names.teacher);
    const refer = await panelForm(page, 'Henvis til tidlig innsatsteam');
    await page.getByTestId('proposed-team').getByText(`Foreslått team: ${names.team}`).waitFor();
    await refer.getByRole('radio', { name: 'Familien deltar i møtet' }).check();
    await refer.getByLabel('Hva ønsker dere hjelp til?').fill('Uro i timene og lite mestring i lesing.');
    // The picker marks the proposed team; choosing another asks why, and nothing is sent without it.
    const team = refer.getByRole('group', { name: 'Team', exact: true });
    const proposedTeam = team.getByRole('radio', { name: `${names.team} (foreslått)` });
    expect(await proposedTeam.isChecked()).toBe(true);
    const why = refer.getByLabel('Hvorfor et annet team enn det foreslåtte');
    expect(await why.count()).toBe(0);
    await team.getByRole('radio', { name: names.kindergartenTeam, exact: true }).check();
    await why.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await refer.getByRole('button', { name: 'Send henvisning' }).click();
    await refer.getByText('Skriv hvorfor saken skal til et annet team enn det som er foreslått.').first().waitFor();
    await expectNoAxeViolations(page, 'the referral form asking why another team, on a phone');
    await expectFitsWidth(page, 'the referral form on a phone');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/referral-other-team-390.png`, fullPage: true });
    expect(await db.selectFrom('referral').select('id').where('person_id', '=', jonasId).execute()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await proposedTeam.check();
    await why.waitFor({ state: 'detached' });
    await refer.getByRole('button', { name: 'Send henvisning' }).click();
    await page.getByText(`Henvisningen er sendt til ${names.team}.`).waitFor();
    await expectNoAxeViolations(page, 'child page after referral');
    await signOut(page);

    // The team leader accepts and schedules a meeting with both guardians.
    await signInAs(page, names.leader);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Inntak' }).click();
    const card = page.getByTestId('referral').filter({ hasText: names.child });
    await card.getByText('Venter', { exact: true }).waitFor();
    expect(await card.textContent()).toContain(`Henvist av ${names.teacher}, ${names.school}`);
    await expectNoAxeViolations(page, 'intake queue');
    await card.getByRole('button', { name: 'Ta imot' }).click();
    await page.getByText('Henvisningen er tatt imot.').waitFor();
    await schedule(page, 7, [names.mother, names.father]);
    const invitations = await db.selectFrom('outbound_email as e').innerJoin('outbound_email_attachment as a', 'a.email_id', 'e.id')
      .select(['e.to_address', 'a.content_type']).where('a.filename', '=', 'moete.ics').execute();
    expect(invitations.map((i) => i.to_address)).toEqual(expect.arrayContaining([names.motherEmail, names.fatherEmail]));
    expect(invitations.every((i) => i.content_type.startsWith('text/calendar'))).toBe(true);

    // Minutes: closing without a plan is refused; then three items, saved and closed.
    await card.getByRole('link', { name: /^Møte / }).first().click();
    await page.getByRole('heading', { level: 1, name: `Møte i ${names.team}` }).waitFor();
    expect(await page.getByTestId('participants').textContent()).toContain(`${names.leaderUnit} (møteleder)`);
    await page.getByRole('button', { name: 'Avslutt møtet' }).click();
    await page.locator('ds-error-summary').getByText('Møtet kan ikke avsluttes uten en handlingsplan.').waitFor();
    await expectNoAxeViolations(page, 'meeting with the refusal');
    await page.getByLabel('Bakgrunn').fill('Uro i timene siden høsten.');
    await page.getByLabel('Barnets syn').fill(`${names.childGiven} synes lesing er kjedelig.`);
    await page.getByLabel('Familiens syn').fill('Foreldrene ser det samme hjemme.');
    await page.getByLabel('Tjenestenes vurderinger').fill('Skolen vurderer lesevansker.');
    await page.getByLabel('Beslutninger').fill('Kartlegging og tett oppfølging.');
    const items: [string, string, number][] = [
      ['Kartlegge lesing', `${names.teacher}, ${names.school}`, 14],
      ['Samtale med helsesykepleier', names.leader, 21],
      // The family can own an item too: the mother marks it done on Min side.
      ['Lesestund hjemme hver dag', names.mother, 30],
    ];
    for (const [i, [what, owner, days]] of items.entries()) {
      await page.getByRole('button', { name: 'Legg til punkt' }).click();
      const row = page.getByTestId('action-row').nth(i);
      await row.getByLabel(`Punkt ${i + 1}: Hva`).fill(what);
      await row.getByLabel('Ansvarlig').selectOption({ label: (await row.getByLabel('Ansvarlig').locator('option', { hasText: owner }).first().textContent()) ?? owner });
      await row.getByLabel('Frist').fill(typedDate(days));
    }
    await page.getByRole('button', { name: 'Lagre referatet' }).click();
    await page.getByText('Referatet er lagret.').waitFor();
    await page.getByRole('button', { name: 'Avslutt møtet' }).click();
    await page.getByText(/Møtet er avsluttet\./).waitFor();
    await expect.poll(() => page.getByTestId('action-plan').getByRole('listitem').count()).toBe(3);
    // Every participant has the copy.
    const participants = await page.getByTestId('participants').getByRole('listitem').allTextContents();
    for (const name of [names.leader, names.teacher, names.mother, names.father]) {
      expect(participants.find((p) => p.includes(name)), name).toContain('Kopi sendt');
    }
    await page.getByRole('link', { name: 'Last ned referatet (PDF)' }).waitFor();
    await expectNoAxeViolations(page, 'closed meeting');
    await signOut(page);

    // A guardian sees the meeting and its minutes on Min side.
    await signInAs(page, names.mother);
    await page.getByRole('link', { name: names.child }).click();
    await page.getByTestId('meeting-item').getByRole('link', { name: 'Last ned referatet (PDF)' }).waitFor();
    expect(await page.getByTestId('meeting-item').textContent()).toContain(names.team);
    // She rates the meeting.
    const rating = page.getByTestId('meeting-item').getByTestId('meeting-rating');
    await rating.getByRole('group', { name: 'Følte du deg hørt i møtet?' }).getByRole('radio', { name: '4' }).check();
    await rating.getByRole('group', { name: 'Var hjelpen nyttig?' }).getByRole('radio', { name: '5 – ja, helt' }).check();
    await rating.getByRole('button', { name: 'Send svaret' }).click();
    await rating.getByText(/Du svarte: hørt 4 av 5, nyttig 5 av 5/).waitFor();
    const stored = await db.selectFrom('meeting_rating').select(['felt_heard', 'useful']).execute();
    expect(stored).toEqual([{ felt_heard: 4, useful: 5 }]);
    await expectNoAxeViolations(page, 'Min side with the meeting rated');
    const ours = page.getByTestId('family-items');
    await ours.getByText('Lesestund hjemme hver dag', { exact: true }).waitFor();
    await ours.getByRole('button', { name: 'Merk «Lesestund hjemme hver dag» som gjort' }).click();
    await page.getByText('Fint! Punktet er merket som gjort.').waitFor();
    await ours.getByText(/^Gjort \d\d\.\d\d\.\d{4}$/).waitFor();
    expect((await db.selectFrom('action_item').select('status').where('what', '=', 'Lesestund hjemme hver dag').executeTakeFirstOrThrow()).status).toBe('done');
    await expectNoAxeViolations(page, 'Min side with the family\'s item done');
    await signOut(page);

    // An item goes overdue: flagged on the owner's task list.
    await db.updateTable('action_item').set({ due_on: daysFromToday(-2) }).where('what', '=', 'Kartlegge lesing').execute();
    await signInAs(page, names.teacher);
    const task = page.getByTestId('task-action-item').filter({ hasText: 'Kartlegge lesing' });
    await task.getByText('Forfalt').waitFor();
    await signOut(page);

    // At the next meeting the plan is reviewed.
    await signInAs(page, names.leader);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Inntak' }).click();
    await schedule(page, 40, [names.mother]);
    const meetingLinks = page.getByTestId('referral').filter({ hasText: names.child }).getByRole('link', { name: /^Møte / });
    await expect.poll(() => meetingLinks.count()).toBe(2);
    await meetingLinks.last().click();
    await page.getByRole('heading', { name: 'Gjennomgang av handlingsplanen fra forrige møte' }).waitFor();
    const first = page.getByTestId('review-item').filter({ hasText: 'Kartlegge lesing' });
    await first.getByRole('radio', { name: 'Gjort', exact: true }).check();
    const second = page.getByTestId('review-item').filter({ hasText: 'Samtale med helsesykepleier' });
    await second.getByRole('radio', { name: 'Ikke gjort' }).check();
    await second.getByLabel(/Hvorfor ikke\?/).fill('Helsesykepleier var syk.');
    await page.getByRole('button', { name: 'Lagre gjennomgangen' }).click();
    await page.getByText('Gjennomgangen er lagret.').waitFor();
    await page.getByText('Samtale med helsesykepleier – Helsesykepleier var syk.').waitFor();
    await expectNoAxeViolations(page, 'the next meeting after the review');
    expectNoProblems(t);
    await t.close();
  });
});
