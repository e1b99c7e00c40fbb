// The SBU coordinator adds an indicator from Ungdata with a baseline and two future
// targets, imports its figures from a CSV (a bad line refused by its number, nothing stored), opens
// the annual report for the year, sees status, improvement and whether the target is met, the small
// counts of a team suppressed, and downloads the PDF (its text read) and the CSV; axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock, today } from '../support/clock.ts';
import { pdfText } from '../support/pdf-text.ts';
import { expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
// Last year in Oslo, as the report page takes it (the tests' clock, never the wall clock).
const YEAR = Number(today().slice(0, 4)) - 1;

beforeAll(async () => {
  env = await startBrowserApp();
  // A computed indicator with the figures the refresh job would have counted: 12 cases, 9 + 3 by team.
  const db = env.testApp.database.db;
  const eirik = await db.selectFrom('staff_user').select(['id', 'municipality_id']).where('username', '=', 'sbu.koordinator').executeTakeFirstOrThrow();
  const teams = await db.selectFrom('team').select('id').where('municipality_id', '=', eirik.municipality_id).where('kind', '=', 'early_intervention').orderBy('name').limit(2).execute();
  await db.insertInto('indicator').values({
    municipality_id: eirik.municipality_id, source: 'computed', computed_key: 'team_cases', code: 'team-cases', unit: 'count', direction: 'higher_is_better',
    name_nb: 'Saker i tidlig innsatsteam', name_nn: 'Saker i tidleg innsatsteam', name_en: 'Cases in early-intervention teams',
    definition_nb: 'Saker teamene tok imot.', definition_nn: 'Saker teama tok imot.', definition_en: 'Cases the teams accepted.',
    baseline_year: YEAR - 2, baseline_value: 8, updated_by: eirik.id,
  }).execute();
  const row = (scopeKind: 'municipality' | 'team', scopeKey: string, n: number) =>
    ({ municipality_id: eirik.municipality_id, computed_key: 'team_cases', year: YEAR, scope_kind: scopeKind, scope_key: scopeKey, numerator: n, denominator: n, refreshed_at: testClock.now() });
  await db.insertInto('indicator_figure').values([
    { ...row('municipality', '', 8), year: YEAR - 2 }, { ...row('municipality', '', 10), year: YEAR - 1 },
    row('municipality', '', 12), row('team', teams[0]!.id, 9), row('team', teams[1]!.id, 3),
  ]).execute();
});
afterAll(async () => {
  await env?.close();
});

describe('the outcome track', () => {
  it('takes an indicator from the register to the annual report, its PDF and its CSV', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, await nameOf(env, 'sbu.koordinator'));
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Indikatorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indikatorregister' }).waitFor();
    await expectNoAxeViolations(page, 'indicator register');

    await page.getByLabel('Kode', { exact: true }).fill('ungdata-trivsel');
    await page.getByLabel('Navn (bokmål)').fill('Trives på skolen');
    await page.getByLabel('Navn (nynorsk)').fill('Trivst på skulen');
    await page.getByLabel('Navn (engelsk)').fill('Thriving at school');
    await page.getByLabel('Hva den måler (bokmål)').fill('Andel elever som sier de trives på skolen (Ungdata).');
    await page.getByLabel('Hva den måler (nynorsk)').fill('Del elevar som seier dei trivst på skulen (Ungdata).');
    await page.getByLabel('Hva den måler (engelsk)').fill('Share of pupils who say they thrive at school (Ungdata).');
    const baseline = page.getByRole('group', { name: '0-punkt' });
    await baseline.getByLabel('År').fill(String(YEAR - 2));
    await baseline.getByLabel('Verdi').fill('80');
    await page.getByLabel('Mål 1: År').fill(String(YEAR));
    await page.getByLabel('Mål 1: Verdi').fill('84');
    await page.getByLabel('Mål 2: År').fill(String(YEAR + 2));
    await page.getByLabel('Mål 2: Verdi').fill('88');
    await page.getByRole('button', { name: 'Legg til indikator' }).click();
    await page.getByText('Indikatoren er lagt til.').waitFor();
    const register = page.getByTestId('indicator-register');
    await register.getByRole('row').filter({ hasText: 'Trives på skolen' }).filter({ hasText: `${YEAR}: 84 %, ${YEAR + 2}: 88 %` }).waitFor();

    const file = page.getByLabel('CSV-fil');
    const header = 'code;year;value';
    await file.setInputFiles({ name: 'ungdata.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\nungdata-trivsel;${YEAR - 1};81\r\nungdata-trivsel;${YEAR};åttifem\r\n`) });
    await page.getByRole('button', { name: 'Les inn' }).click();
    await page.getByText('Linje 3: verdien er ikke et tall.').waitFor();
    await expectNoAxeViolations(page, 'import refused');
    expect(await env.testApp.database.db.selectFrom('indicator_entry').select('year').execute()).toEqual([]);
    await file.setInputFiles({ name: 'ungdata.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\nungdata-trivsel;${YEAR - 1};81\r\nungdata-trivsel;${YEAR};85\r\n`) });
    await page.getByRole('button', { name: 'Les inn' }).click();
    await page.getByText('2 tall er lagt inn.').waitFor();

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Årsrapport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årsrapport' }).waitFor();
    await page.getByLabel('År').selectOption(String(YEAR));
    const table = page.getByTestId('annual-report');
    const thriving = table.getByRole('row').filter({ hasText: 'Trives på skolen' });
    await thriving.waitFor();
    // Baseline 80, target 84, status 85: +5 from the baseline, +4 from last year, target met.
    expect((await thriving.getByRole('cell').allTextContents()).slice(1)).toEqual([`80 % (${YEAR - 2})`, '84 %', '85 %', '+5 %', '+4 %', 'Ja']);
    const cases = table.getByRole('row').filter({ hasText: 'Saker i tidlig innsatsteam' });
    expect((await cases.getByRole('cell').allTextContents()).slice(1)).toEqual([`8 (${YEAR - 2})`, '–', '12', '+4', '+2', '–']);
    // Each indicator's trend is drawn as a chart: an image named by the indicator, a point per shown
    // year, and the same figures in words for a screen reader.
    const chart = page.getByRole('img', { name: 'Utvikling: Saker i tidlig innsatsteam' });
    await chart.waitFor();
    expect(await chart.locator('.recharts-line-dot').count()).toBe(3);
    expect(await chart.locator('desc').textContent()).toBe(`${YEAR - 2}: 8, ${YEAR - 1}: 10, ${YEAR}: 12`);
    // Ungdata has no figure for the baseline's year: that year is a gap, not a point.
    const thrivingChart = page.getByRole('img', { name: 'Utvikling: Trives på skolen' });
    expect(await thrivingChart.locator('.recharts-line-dot').count()).toBe(2);
    expect(await thrivingChart.locator('desc').textContent()).toBe(`${YEAR - 2}: –, ${YEAR - 1}: 81 %, ${YEAR}: 85 %`);
    // 12 = 9 + 3 by team: the 3 is "fewer than 5", and the 9 is hidden with it.
    const breakdown = page.getByTestId('breakdown');
    await breakdown.getByRole('cell', { name: 'færre enn 5' }).waitFor();
    await breakdown.getByRole('cell', { name: 'skjult' }).waitFor();
    expect(await breakdown.getByRole('cell', { name: '9', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'annual report');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned PDF' }).click()]);
    const pdfBytes = await (await pdf.createReadStream()).toArray();
    const text = await pdfText(Buffer.concat(pdfBytes));
    expect(text).toContain(`Årsrapport ${YEAR}`);
    expect(text).toContain('Trives på skolen');
    expect(text).toContain('færre enn 5');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned CSV' }).click()]);
    const csvText = Buffer.concat(await (await csv.createReadStream()).toArray()).toString('utf8');
    expect(csvText).toContain(`Trives på skolen;80 % (${YEAR - 2});84 %;85 %;+5 %;+4 %;Ja`);
    expect(csvText).toContain('færre enn 5');

    await page.setViewportSize({ width: 390, height: 800 });
    await expectFitsWidth(page, 'annual report at 390 px');
    expectNoProblems(t);
    await t.close();
  });
});
