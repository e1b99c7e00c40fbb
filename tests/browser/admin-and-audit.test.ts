// The administrator adds a service unit and a staff user through the UI; bad input is refused with
// the server's messages by the fields and nothing is added. The auditor then finds those writes
// (and the administrator's reads of the staff list) in the access log.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp, type TestPage } from './support.ts';

let env: BrowserApp;
let t: TestPage;
let page: Page;
beforeAll(async () => {
  env = await startBrowserApp();
  t = await openPage(env);
  page = t.page;
});
afterAll(async () => {
  await t?.close();
  await env?.close();
});

const unitsTable = () => page.getByRole('table', { name: 'Tjenesteenheter i kommunen' });
const staffTable = () => page.getByRole('table', { name: 'Ansatte i kommunen' });

/** Rows of a table once it has loaded (header row excluded). */
async function bodyRows(table: ReturnType<Page['getByRole']>): Promise<string[]> {
  await table.getByRole('row').nth(1).waitFor();
  return (await table.getByRole('row').allTextContents()).slice(1);
}

/** Every row of a paged table (the staff list): "Vis flere" until the last page is in. */
async function allRows(table: ReturnType<Page['getByRole']>): Promise<string[]> {
  await table.getByRole('row').nth(1).waitFor();
  const more = page.getByRole('button', { name: 'Vis flere' });
  while (await more.isVisible()) {
    const shown = await table.getByRole('row').count();
    await more.click();
    await table.getByRole('row').nth(shown).waitFor();
  }
  return (await table.getByRole('row').allTextContents()).slice(1);
}

describe('administrator', () => {
  it('adds a service unit; an empty name and a duplicate name are refused and add nothing', async () => {
    await signInAs(page, await nameOf(env, 'administrator'));
    await page.getByRole('heading', { level: 1, name: 'Tjenesteenheter' }).waitFor();
    const before = await bodyRows(unitsTable());
    const kindergarten = await unitNameOf(env, 'fagperson.barnehage');
    expect(before.some((r) => r.includes(kindergarten))).toBe(true);
    await expectNoAxeViolations(page, 'service units');

    await page.getByRole('button', { name: 'Ny tjenesteenhet' }).click();
    const form = page.getByRole('form').or(page.locator('form').filter({ has: page.getByRole('button', { name: 'Legg til tjenesteenhet' }) }));
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Barnehage' });
    await page.getByRole('button', { name: 'Legg til tjenesteenhet' }).click();

    // Empty name: the error summary (focused) links to the field, and the message is by the field.
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /Navn: Feltet må fylles ut/ }).waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const name = page.getByLabel('Navn', { exact: true });
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => name.evaluate((el) => (el as HTMLInputElement).getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '))).toContain('Feltet må fylles ut.');
    await expectNoAxeViolations(page, 'service unit form with errors');
    await summary.getByRole('link', { name: /Navn:/ }).click();
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);

    // A name already in use.
    await name.fill('solsikken barnehage');
    await page.getByRole('button', { name: 'Legg til tjenesteenhet' }).click();
    await summary.getByRole('link', { name: /Navn: Det finnes allerede en tjenesteenhet med dette navnet/ }).waitFor();
    expect(await form.first().getByText('Det finnes allerede en tjenesteenhet med dette navnet.').count()).toBeGreaterThanOrEqual(2);

    // Nothing was added, also after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tjenesteenheter' }).waitFor();
    expect(await bodyRows(unitsTable())).toEqual(before);

    // A valid unit is added and shows in the table.
    await page.getByRole('button', { name: 'Ny tjenesteenhet' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('Regnbuen barnehage');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Barnehage' });
    await page.getByLabel('Område (valgfritt)').fill('Nord');
    await page.getByLabel('E-post (valgfritt)').fill('post.regnbuen@fjordvik.kommune.no');
    await page.getByRole('button', { name: 'Legg til tjenesteenhet' }).click();
    await page.getByRole('status').getByText('Tjenesteenheten Regnbuen barnehage er lagt til.').waitFor();
    await unitsTable().getByRole('cell', { name: 'Regnbuen barnehage', exact: true }).waitFor();
    expect((await bodyRows(unitsTable())).length).toBe(before.length + 1);
    await expectNoAxeViolations(page, 'service units after adding');
  });

  it('edits a service unit with its version', async () => {
    await page.getByRole('button', { name: 'Endre Regnbuen barnehage' }).click();
    await page.getByRole('heading', { level: 2, name: 'Endre Regnbuen barnehage' }).waitFor();
    await page.getByLabel('Telefon (valgfritt)').fill('33 00 11 22');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByRole('status').getByText('Endringene i Regnbuen barnehage er lagret.').waitFor();
    await unitsTable().getByRole('row').filter({ hasText: 'Regnbuen barnehage' }).getByText('33 00 11 22').waitFor();
  });

  it('adds a staff user; an invalid national id and an empty name are refused and add nothing', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Ansatte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    const before = await allRows(staffTable());
    await expectNoAxeViolations(page, 'staff');

    await page.getByRole('button', { name: 'Ny ansatt' }).click();
    await page.getByLabel('Brukernavn').fill('siri.fjellstad');
    await page.getByLabel('E-post').fill('siri.fjellstad@fjordvik.kommune.no');
    await page.getByLabel('Tjenesteenhet').selectOption({ label: 'Regnbuen barnehage' });
    await page.getByRole('group', { name: 'Roller' }).getByRole('checkbox', { name: 'Fagperson' }).check();
    await page.getByLabel('Fødselsnummer (for innlogging med ID-porten) (valgfritt)').fill('12345678901');
    await page.getByRole('button', { name: 'Legg til ansatt' }).click();

    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /Navn: Feltet må fylles ut/ }).waitFor();
    await summary.getByRole('link', { name: /Fødselsnummer \(for innlogging med ID-porten\): .*kontrollsiffer/ }).waitFor();
    const nationalId = page.getByLabel('Fødselsnummer (for innlogging med ID-porten) (valgfritt)');
    expect(await nationalId.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Navn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'staff form with errors');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    expect(await allRows(staffTable())).toEqual(before);

    await page.getByRole('button', { name: 'Ny ansatt' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('Siri Fjellstad');
    await page.getByLabel('Brukernavn').fill('siri.fjellstad');
    await page.getByLabel('E-post').fill('siri.fjellstad@fjordvik.kommune.no');
    await page.getByLabel('Stilling (valgfritt)').fill('Barnehagelærer');
    await page.getByLabel('Tjenesteenhet').selectOption({ label: 'Regnbuen barnehage' });
    await page.getByRole('group', { name: 'Roller' }).getByRole('checkbox', { name: 'Fagperson' }).check();
    await page.getByRole('button', { name: 'Legg til ansatt' }).click();
    await page.getByRole('status').getByText('Siri Fjellstad er lagt til som ansatt.').waitFor();
    // The list is fetched again after the write, every page shown.
    await expect.poll(async () => (await allRows(staffTable())).length).toBe(before.length + 1);
    const row = staffTable().getByRole('row').filter({ hasText: 'Siri Fjellstad' });
    expect(await row.textContent()).toContain('Regnbuen barnehage');
    expect(await row.textContent()).toContain('Fagperson');
    await expectNoAxeViolations(page, 'staff after adding');
  });

  it('edits the staff user: the form shows the saved values and the change is kept', async () => {
    await page.getByRole('button', { name: 'Endre Siri Fjellstad' }).click();
    await page.getByRole('heading', { level: 2, name: 'Endre Siri Fjellstad' }).waitFor();
    expect(await page.getByLabel('Brukernavn').inputValue()).toBe('siri.fjellstad');
    expect(await page.getByRole('checkbox', { name: 'Fagperson' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Teammedlem' }).check();
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByRole('status').getByText('Endringene for Siri Fjellstad er lagret.').waitFor();
    await staffTable().getByRole('row').filter({ hasText: 'Siri Fjellstad' }).getByText('Fagperson, Teammedlem').waitFor();
    await signOut(page);
  });
});

describe('auditor', () => {
  it('finds the administrator\'s writes and reads of the staff list in the access log', async () => {
    await signInAs(page, await nameOf(env, 'revisor'));
    await page.getByRole('heading', { level: 1, name: 'Tilgangslogg' }).waitFor();
    const admin = await nameOf(env, 'administrator');
    await page.getByLabel('Navn', { exact: true }).fill(admin);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const table = page.getByRole('table', { name: 'Hendelser i tilgangsloggen' });
    const rowsOf = (action: RegExp) => table.getByRole('row').filter({ hasText: admin }).filter({ hasText: action });
    await rowsOf(/Opprettet ansatt/).first().waitFor();
    expect(await rowsOf(/Opprettet ansatt/).first().textContent()).toContain('Siri Fjellstad');
    expect(await rowsOf(/Endret ansatt/).count()).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(/Så liste over ansatte/).count()).toBeGreaterThanOrEqual(2);
    expect(await rowsOf(/Opprettet tjenesteenhet|serviceUnit\.create/).count()).toBe(1);
    expect(await rowsOf(/Endret tjenesteenhet|serviceUnit\.update/).count()).toBe(1);
    const created = rowsOf(/Opprettet ansatt/).first();
    expect(await created.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    expect(await created.textContent()).toContain('Kommunal administrator');
    expect(await created.textContent()).toContain('Administrasjon');
    expect(await created.textContent()).toContain('Tillatt');
    await expectNoAxeViolations(page, 'audit log with results');

    // Filtering by action leaves only those events.
    await page.getByLabel('Handling').selectOption({ label: 'Opprettet ansatt' });
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect.poll(async () => (await table.getByRole('row').allTextContents()).slice(1).every((r) => r.includes('Opprettet ansatt'))).toBe(true);
    expect((await table.getByRole('row').allTextContents()).length).toBe(2);

    // An impossible date is refused with the server's message by the field.
    await page.getByLabel('Fra dato').fill('31.02.2026');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.locator('ds-error-summary').getByRole('link', { name: /Fra dato: Skriv en gyldig dato/ }).waitFor();
    await expectNoAxeViolations(page, 'audit log with a date error');
    expectNoProblems(t);
  });
});
