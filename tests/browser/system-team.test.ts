// A system-level team's meeting in the browser: the demo's team leader (a member of a system-level
// team) schedules a meeting on a trend, types a parent's name (the `forelder` mother's, as the database has it) from the person register into the minutes and is refused
// with a message naming the field — nothing is stored — then closes the meeting with minutes and an
// action plan without it, and the report reaches the SBU coordinator, who opens it from the notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, escapeRegExp, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { today } from '../support/clock.ts';

let env: BrowserApp;
const shots = process.env.SCREENSHOTS;

const inDays = (n: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  const iso = d.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
};

beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('a system-level team meeting', () => {
  it('refuses a name from the person register, then closes and forwards the report to the SBU coordinator', async () => {
    const db = env.testApp.database.db;
    const demo = await demoPeople(env);
    // Her one system-level team, its place and the municipality's SLT address, as the database has them.
    const [team, ...more] = await db.selectFrom('team as t').innerJoin('team_member as m', 'm.team_id', 't.id').innerJoin('staff_user as s', 's.id', 'm.staff_user_id')
      .innerJoin('municipality as k', 'k.id', 't.municipality_id').select(['t.name', 't.meeting_place', 'k.slt_email'])
      .where('s.username', '=', 'teamleder').where('t.kind', '=', 'system_level').where('t.active', '=', true).execute();
    if (!team || more.length || !team.meeting_place || !team.slt_email) throw new Error('expected the team leader in one system-level team with a place and an SLT address');
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, await nameOf(env, 'teamleder'));
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Systemteam' }).click();
    await page.getByRole('heading', { level: 1, name: 'Systemteam' }).waitFor();
    await expectNoAxeViolations(page, 'system-level teams');

    // Schedule: it is her only system-level team, so it is chosen already.
    await page.getByLabel('Tema').fill('Skolefravær på mellomtrinnet');
    await page.getByLabel('Dato').fill(inDays(7));
    await page.getByLabel('Klokkeslett').fill('14:00');
    await page.getByRole('button', { name: 'Planlegg møtet' }).click();
    await page.getByRole('heading', { level: 1, name: `Møte i ${team.name}` }).waitFor();
    const meetingId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(team.meeting_place).waitFor();

    // Minutes with a parent's name from the register (odd case and spacing): refused, naming the field.
    await page.getByLabel('Bakgrunn').fill(`Flere skoler melder om økt fravær. Vi har snakket med ${demo.mother.givenName.toUpperCase()}  ${demo.mother.familyName.toLowerCase()} om saken.`);
    await page.getByLabel('Beslutninger').fill('Vi lager en felles rutine for oppfølging av fravær.');
    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    const row = page.getByTestId('system-action-row');
    await row.getByLabel('Tiltak 1: Hva').fill('Utkast til felles fraværsrutine');
    await row.getByLabel('Ansvarlig').selectOption({ label: `${await nameOf(env, 'teamleder')}, ${await unitNameOf(env, 'teamleder')}` });
    await row.getByLabel('Frist').fill(inDays(30));
    await page.getByRole('button', { name: 'Lagre referatet' }).click();
    const summary = page.getByRole('heading', { name: 'Systemteam arbeider uten personopplysninger. Ta bort fødselsnummer og navn fra personregisteret i: Bakgrunn. Ingenting er lagret.' });
    await summary.waitFor();
    await page.getByRole('link', { name: 'Bakgrunn: Inneholder navnet på en person i personregisteret.' }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/system-meeting-refused.png`, fullPage: true });
    await expectNoAxeViolations(page, 'minutes refused');
    const stored = await env.testApp.database.db.selectFrom('team_meeting').select(['background', 'decisions', 'version']).where('id', '=', meetingId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ background: null, decisions: null, version: 1 });

    // Without the name: closed, and the report is sent.
    await page.getByRole('textbox', { name: 'Bakgrunn' }).fill('Flere skoler melder om økt fravær på mellomtrinnet etter jul.');
    await page.getByRole('button', { name: 'Avslutt møtet og send rapporten' }).click();
    await page.getByText('Møtet er avsluttet, og rapporten er sendt til 2 mottakere.').waitFor();
    const deliveries = page.getByTestId('report-deliveries');
    await deliveries.getByText(`${await nameOf(env, 'sbu.koordinator')} i Sammen`, { exact: false }).waitFor();
    await deliveries.getByText(`${team.slt_email} på e-post`, { exact: false }).waitFor();
    await page.getByTestId('system-action-plan').getByText('Utkast til felles fraværsrutine', { exact: false }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/system-meeting-closed.png`, fullPage: true });
    await expectNoAxeViolations(page, 'closed system meeting');
    await signOut(page);

    // The SBU coordinator gets the notice and opens the report.
    await signInAs(page, await nameOf(env, 'sbu.koordinator'));
    await page.goto('/varsler');
    await page.getByRole('link', { name: new RegExp(`Rapport fra ${escapeRegExp(team.name)}`) }).first().click();
    await page.getByRole('heading', { level: 1, name: `Møte i ${team.name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Rapport' }).waitFor();
    const pdfLink = page.getByRole('link', { name: 'Last ned rapporten (PDF)' });
    const pdf = await page.request.get(await pdfLink.getAttribute('href') as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    if (shots) await page.screenshot({ path: `${shots}/system-meeting-sbu.png`, fullPage: true });
    await expectNoAxeViolations(page, 'report for the SBU coordinator');
    await page.getByRole('link', { name: 'Tilbake til systemteam' }).click();
    await page.getByRole('link', { name: 'Skolefravær på mellomtrinnet' }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/system-meetings-sbu-list.png`, fullPage: true });
    expectNoProblems(t);
    await t.close();
  });
});
