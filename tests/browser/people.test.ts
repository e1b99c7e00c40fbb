// A professional registers a child with a guardian and finds the child in "Mine barn og unge"; a
// parent sees her family on "Min side". National identity numbers stay masked until asked for and
// never appear in a URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../common/national-id.ts';
import { demoPeople, expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';
import type { DemoFamilies } from '../support/factories.ts';

let env: BrowserApp;
let demo: DemoFamilies;
/** The staff the tests sign in as, by role, with the names on their buttons. */
const staff = { teacher: '', nurse: '' };
beforeAll(async () => {
  env = await startBrowserApp();
  demo = await demoPeople(env);
  Object.assign(staff, { teacher: await nameOf(env, 'fagperson.barnehage'), nurse: await nameOf(env, 'helsesykepleier') });
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

    await signInAs(page, staff.teacher);
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
    await signInAs(page, staff.nurse);
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
    await signInAs(page, demo.mother.name);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Barna dine' }).waitFor();
    await page.getByRole('link', { name: demo.olderChild.name }).waitFor();
    await page.getByRole('link', { name: demo.youngerChild.name }).click();
    await page.getByRole('heading', { level: 1, name: demo.youngerChild.name }).waitFor();
    await page.getByText('Vis opplysningene').click();
    await page.getByRole('heading', { level: 3, name: 'Foreldre og foresatte' }).waitFor();
    const sofie = page.locator('.guardian-card').filter({ has: page.getByRole('heading', { name: demo.mother.name }) });
    expect(await sofie.textContent()).toMatch(/Har foreldreansvarJa/);
    await expectNoAxeViolations(page, 'citizen person page');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 3, name: 'Parents and guardians' }).waitFor();
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

describe('a guardian entered by hand', () => {
  it('waits unconfirmed, the guardian confirms on Min side, and then the relation opens', async () => {
    const db = env.testApp.database.db;
    const sofie = await db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id').select(['p.national_id', 'p.address']).where('a.username', '=', 'forelder').executeTakeFirstOrThrow();
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, staff.teacher);
    await page.goto('/barn/ny');
    await page.getByRole('heading', { level: 1, name: 'Registrer barn' }).waitFor();
    await page.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').fill(nationalIdFor('2023-05-14', 377));
    await page.getByLabel('Fornavn').fill('Tiril');
    await page.getByLabel('Etternavn').fill(demo.mother.familyName);
    await page.getByRole('button', { name: 'Legg til foresatt' }).click();
    const guardian = page.getByRole('group', { name: 'Foresatt 1' });
    await guardian.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').fill(sofie.national_id!);
    await guardian.getByLabel('Fornavn').fill(demo.mother.givenName);
    await guardian.getByLabel('Etternavn').fill(demo.mother.familyName);
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();

    // The person page: no confirmed guardian; the one typed in waits, with nothing from the register or Sammen.
    await page.getByRole('heading', { level: 1, name: `Tiril ${demo.mother.familyName}` }).waitFor();
    await page.getByText('Ingen foresatte er registrert.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Foresatte som venter på bekreftelse' }).waitFor();
    const waiting = page.getByTestId('unconfirmed-relation');
    expect(await waiting.textContent()).toContain('Ikke bekreftet');
    expect(await page.getByRole('main').textContent()).not.toContain(sofie.address!);
    await expectNoAxeViolations(page, 'person page with an unconfirmed guardian');
    await signOut(page);

    await signInAs(page, demo.mother.name);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Er du foresatt for dette barnet?' }).waitFor();
    const children = page.getByRole('region', { name: 'Barna dine' });
    await children.getByRole('link', { name: demo.youngerChild.name }).waitFor();
    expect(await children.getByRole('link', { name: `Tiril ${demo.mother.familyName}` }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Min side with a relation to confirm');
    const card = page.getByTestId('waiting-relation').filter({ hasText: `Tiril ${demo.mother.familyName}` });
    expect(await card.textContent()).toContain(staff.teacher);
    await card.getByRole('button', { name: 'Ja, jeg er foresatt' }).click();
    await page.getByRole('status').getByText(`Tiril ${demo.mother.familyName} vises nå på Min side.`).waitFor();
    await children.getByRole('link', { name: `Tiril ${demo.mother.familyName}` }).click();
    await page.getByRole('heading', { level: 1, name: `Tiril ${demo.mother.familyName}` }).waitFor();
    await page.getByText('Vis opplysningene').click();
    const mother = page.locator('.guardian-card').filter({ has: page.getByRole('heading', { name: demo.mother.name }) });
    expect(await mother.textContent()).toMatch(/Har foreldreansvarJa/);
    expectNoProblems(t);
    await t.close();
  });

  it('someone already registered: only "already registered", and a request for access with a reason', async () => {
    const db = env.testApp.database.db;
    // A child registered already: the mother's younger one, whom the nurse does not follow.
    const emma = await db.selectFrom('person').select(['national_id', 'given_name', 'address']).where('id', '=', demo.youngerChild.id).executeTakeFirstOrThrow();
    const t = await openPage(env, { width: 390 });
    const { page } = t;
    await signInAs(page, staff.nurse);
    await page.goto('/barn/ny');
    await page.getByLabel('Fødselsnummer eller D-nummer (valgfritt)').fill(emma.national_id!);
    await page.getByLabel('Fornavn').fill('Ukjent');
    await page.getByLabel('Etternavn').fill('Navn');
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Allerede registrert i Sammen', exact: true }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain(emma.address!);
    await expectNoAxeViolations(page, 'register: already registered, 390 px');
    await expectFitsWidth(page, 'register: already registered, 390 px');
    await page.getByRole('button', { name: 'Be om tilgang' }).click();
    await page.locator('ds-error-summary').getByRole('link', { name: /Hvorfor trenger du tilgang\?/ }).waitFor();
    await page.getByLabel('Hvorfor trenger du tilgang?').fill(`${emma.given_name} skal begynne på helsestasjonens språkgruppe.`);
    await page.getByRole('button', { name: 'Be om tilgang' }).click();
    await page.getByRole('status').getByText(/Forespørselen er sendt/).waitFor();
    expectNoProblems(t);
    await t.close();
  });
});
