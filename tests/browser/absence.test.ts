// The school's contact teacher imports his class's absence: a file with a bad row is refused with the
// line named (in bokmål) and nothing stored; the corrected file puts a pupil of his (the `forelder`
// mother's older child) on his list of high absence with the action guide's first step, and the link
// opens the pupil's page. Then the same import form on "Barn ved enheten" (/innskrevne) refuses a bad
// enrolment line by number, takes the good file, and the teacher finds the pupil there by the name the
// database has for him and notes a worry — axe on each, and on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, expectFitsWidth, expectNoAxeViolations, expectNoProblems, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';
import { today } from '../support/clock.ts';

const shots = process.env.SCREENSHOTS;

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('high absence', () => {
  it('refuses a file with a bad row by line number, then lists the child from the good file with the first step', async () => {
    const db = env.testApp.database.db;
    const pupil = (await demoPeople(env)).olderChild;
    const jonas = { id: pupil.id, national_id: pupil.nationalId };
    const henrik = await db.selectFrom('staff_user').select(['email', 'municipality_id', 'display_name']).where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow();
    const firstStep = await db
      .selectFrom('action_guide_step as s')
      .innerJoin('action_guide_version as v', 'v.id', 's.guide_version_id')
      .select('s.title_nb')
      .where('v.municipality_id', '=', henrik.municipality_id)
      .where('s.level', '=', 0)
      .where('s.position', '=', 1)
      .orderBy('v.version', 'desc')
      .executeTakeFirstOrThrow();
    const header = 'fodselsnummer;fra;til;fravaer_prosent;progresjon;kontaktlaerer_epost';
    const good = `${jonas.national_id};01.01.2027;30.06.2027;15,5;svak;${henrik.email}`;
    const bad = `${jonas.national_id};01.07.2027;31.12.2027;-3;svak;${henrik.email}`;

    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, henrik.display_name);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Fravær' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fravær' }).waitFor();
    // Said up front: a bad line refuses the whole file.
    await page.getByText('Hele fila avvises hvis én linje har feil.').waitFor();
    const list = page.locator('section[aria-labelledby="absence-high"]');
    await list.getByRole('heading', { level: 2, name: 'Høyt fravær og svak progresjon' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Laster' }).waitFor({ state: 'detached' });
    expect(await list.getByRole('link', { name: pupil.name }).count()).toBe(0);
    await expectNoAxeViolations(page, 'absence page');

    const file = page.getByLabel('CSV-fil med fravær');
    await file.setInputFiles({ name: 'fravaer.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}\r\n${good}\r\n${bad}\r\n`) });
    await page.getByRole('button', { name: 'Importer fila' }).click();
    await page.getByRole('heading', { name: 'Fila ble ikke importert: 1 feil må rettes. Ingenting er lagret.' }).waitFor();
    await page.getByText('Linje 3: Fraværet kan ikke være negativt.').waitFor();
    await expectNoAxeViolations(page, 'absence import refused');
    expect(await list.getByRole('link', { name: pupil.name }).count()).toBe(0);

    await file.setInputFiles({ name: 'fravaer.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n${good}\r\n`) });
    await page.getByRole('button', { name: 'Importer fila' }).click();
    await page.getByText('Fila er importert. Linjer lagret: 1.').waitFor();
    expect(await page.getByText('Linje 3: Fraværet kan ikke være negativt.').count()).toBe(0);
    const row = list.getByRole('row').filter({ has: page.getByRole('link', { name: pupil.name }) });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('01.01.2027–30.06.2027');
    expect(text).toContain('15,5 %');
    expect(text).toContain('Svak');
    expect(text).toContain(firstStep.title_nb);
    await expectNoAxeViolations(page, 'absence list after the import');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFitsWidth(page, 'absence page on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await row.getByRole('link', { name: pupil.name }).click();
    await page.getByRole('heading', { level: 1, name: pupil.name }).waitFor();

    // The enrolments: one import form for both pages, the same refusal by line number.
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Barn ved enheten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Barn innskrevet ved enheten' }).waitFor();
    await page.getByText('Hele fila avvises hvis én linje har feil.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'the enrolled children');
    const [y, m, d] = today().split('-');
    const enrolFile = page.getByLabel('CSV-fil med innskrivinger');
    await enrolFile.setInputFiles({ name: 'elever.csv', mimeType: 'text/csv', buffer: Buffer.from(`fodselsnummer;startdato;sluttdato\r\n${jonas.national_id};${d}.${m}.${y};\r\n123;${d}.${m}.${y};\r\n`) });
    await page.getByRole('button', { name: 'Importer fila' }).click();
    await page.getByText('Linje 3: Fødselsnummeret må ha 11 siffer.').waitFor();
    await expectNoAxeViolations(page, 'the enrolment import refused');
    await enrolFile.setInputFiles({ name: 'elever.csv', mimeType: 'text/csv', buffer: Buffer.from(`fodselsnummer;startdato;sluttdato\r\n${jonas.national_id};${d}.${m}.${y};\r\n`) });
    await page.getByRole('button', { name: 'Importer fila' }).click();
    await page.getByText('Fila er importert.', { exact: false }).waitFor();
    await page.getByLabel('Navn eller fødselsdato').fill(pupil.givenName);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const found = page.getByRole('table', { name: 'Barn innskrevet ved enheten' });
    await found.getByRole('row').filter({ hasText: pupil.name }).waitFor();
    await found.getByRole('button', { name: `Noter undring om ${pupil.name}` }).click();
    await page.getByRole('heading', { level: 2, name: `Undring om ${pupil.name}` }).waitFor();
    await expectNoAxeViolations(page, 'a worry noted from the enrolled children');
    if (shots) await page.screenshot({ path: `${shots}/enrolled-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFitsWidth(page, 'the enrolled children on a phone');
    if (shots) await page.screenshot({ path: `${shots}/enrolled-390.png`, fullPage: true });
    expectNoProblems(t);
    await t.close();
  });
});
