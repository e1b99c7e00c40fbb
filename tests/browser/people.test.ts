// A professional registers a child with a guardian and finds the child in "Mine barn og unge"; a
// parent sees her family on "Min side". National identity numbers stay masked until asked for and
// never appear in a URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../common/national-id.ts';
import { expectNoAxeViolations, expectNoProblems, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

/** A valid synthetic national id for a date, skipping serials without valid check digits. */
function nationalIdFor(birthDate: string, from: number): string {
  for (let serial = from; serial < from + 50; serial++) {
    const id = syntheticNationalId(birthDate, serial);
    if (id) return id;
  }
  throw new Error(`no synthetic id for ${birthDate}`);
}

describe('professional', () => {
  it('registers a child with one guardian and sees the child in "Mine barn og unge"', async () => {
    const t = await openPage(env);
    const { page } = t;
    const childId = nationalIdFor('2018-07-22', 431);
    const motherId = nationalIdFor('1986-03-09', 212);

    await signInAs(page, 'Ingrid Solheim');
    await page.getByRole('heading', { level: 1, name: 'Mine barn og unge' }).waitFor();
    const table = page.getByRole('table', { name: 'Barn og unge du følger opp' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByText('Linnea Fjordheim').count()).toBe(0);

    await page.getByRole('main').getByRole('link', { name: 'Registrer barn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer barn' }).waitFor();
    await expectNoAxeViolations(page, 'register child');

    // Submitting the empty form: the server's messages, by the fields and in the summary.
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /Fornavn: Feltet må fylles ut/ }).waitFor();
    await summary.getByRole('link', { name: /Fødselsdato: Feltet må fylles ut/ }).waitFor();
    expect(await page.getByLabel('Fornavn').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'register child with errors');

    await page.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').fill(childId);
    await page.getByLabel('Fornavn').fill('Linnea');
    await page.getByLabel('Etternavn').fill('Fjordheim');
    await page.getByLabel('Område (valgfritt)').fill('Nord');
    await page.getByRole('button', { name: 'Legg til foresatt' }).click();
    const guardian = page.getByRole('group', { name: 'Foresatt 1' });
    await guardian.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').fill('12345678901');
    await guardian.getByLabel('Fornavn').fill('Ida');
    await guardian.getByLabel('Etternavn').fill('Fjordheim');
    await guardian.getByLabel('Relasjon').selectOption({ label: 'Mor' });
    expect(await guardian.getByRole('checkbox', { name: 'Har foreldreansvar' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();

    // The guardian's bad number is named by the guardian's field.
    await summary.getByRole('link', { name: /Foresatt 1 – Fødselsnummer eller D-nummer: .*kontrollsiffer/ }).waitFor();
    expect(await guardian.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Fornavn').first().getAttribute('aria-invalid')).toBeNull();
    await expectNoAxeViolations(page, 'register child with a guardian error');

    await guardian.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').fill(motherId);
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();

    // The person page: masked number until asked, the guardian with relation and parental responsibility.
    await page.getByRole('heading', { level: 1, name: 'Linnea Fjordheim' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/barn\/[0-9a-f-]{36}$/);
    const main = page.getByRole('main');
    expect(await main.textContent()).not.toContain(childId);
    expect(await main.textContent()).toContain(`${childId.slice(0, 6)} *****`);
    expect(await main.textContent()).toContain('22.07.2018');
    await page.getByRole('button', { name: 'Vis fødselsnummer for Linnea Fjordheim' }).click();
    expect(await main.textContent()).toContain(childId);
    const motherCard = main.locator('.guardian-card').filter({ has: page.getByRole('heading', { name: 'Ida Fjordheim' }) });
    expect(await motherCard.textContent()).toContain('Mor');
    expect(await motherCard.textContent()).toMatch(/ForeldreansvarJa/);
    expect(await motherCard.textContent()).not.toContain(motherId);
    await expectNoAxeViolations(page, 'person page');

    await page.getByRole('link', { name: 'Tilbake til Mine barn og unge' }).click();
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Linnea Fjordheim' }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('22.07.2018');
    expect(await row.textContent()).toContain('Barn/ungdom');
    expectNoProblems(t);
    await t.close();
  });

  it('registers a newly arrived child without a national id, by birth date', async () => {
    const t = await openPage(env, { width: 375 });
    const { page } = t;
    await signInAs(page, 'Kari Nygård');
    await page.goto('/barn/ny');
    await page.getByRole('heading', { level: 1, name: 'Registrer barn' }).waitFor();
    await page.getByLabel('Fornavn').fill('Amal');
    await page.getByLabel('Etternavn').fill('Hassan');
    await page.getByLabel('Fødselsdato').fill('30.02.2020');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.locator('ds-error-summary').getByRole('link', { name: /Fødselsdato: Skriv en gyldig dato/ }).waitFor();
    await expectNoAxeViolations(page, 'register child, 375 px, date error');
    await page.getByLabel('Fødselsdato').fill('03.11.2020');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Amal Hassan' }).waitFor();
    await page.getByText('Har ikke fødselsnummer').waitFor();
    expect(await page.getByRole('main').textContent()).toContain('03.11.2020');
    await expectNoAxeViolations(page, 'person page, 375 px');
    expectNoProblems(t);
    await t.close();
  });
});

describe('citizen', () => {
  it('a parent sees her family on "Min side" and a child\'s page in plain words, also in English', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, 'Sofie Nordli');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Barna dine' }).waitFor();
    await page.getByRole('link', { name: 'Jonas Nordli' }).waitFor();
    await page.getByRole('link', { name: 'Emma Nordli' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emma Nordli' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Foreldre og foresatte' }).waitFor();
    const sofie = page.locator('.guardian-card').filter({ has: page.getByRole('heading', { name: 'Sofie Nordli' }) });
    expect(await sofie.textContent()).toMatch(/Har foreldreansvarJa/);
    await expectNoAxeViolations(page, 'citizen person page');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Parents and guardians' }).waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expectNoAxeViolations(page, 'citizen person page (en)');
    await page.getByRole('link', { name: 'Back to My page' }).click();
    await page.getByRole('heading', { level: 1, name: 'My page' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Your children' }).waitFor();
    await expectNoAxeViolations(page, 'my page (en)');
    expectNoProblems(t);
    await t.close();
  });
});
