// The administrator edits the municipality's action guide: a bad link is refused with a message by
// the field, a corrected step is published as a new version, and the versions are listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeRegExp, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('the action guide', () => {
  it('is edited and published as a new version by the administrator', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, await nameOf(env, 'administrator'));
    await page.getByRole('link', { name: 'Handlingsveileder' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Handlingsveileder' }).waitFor();
    await page.getByText('Gjeldende versjon: 1').waitFor();
    await expectNoAxeViolations(page, 'action guide editor');

    const title = page.getByLabel('Overskrift (bokmål)').first();
    expect(await title.inputValue()).toBe('Noter det du ser');
    await title.fill('Skriv ned det du ser');
    // The first step already links to the demo's handbook page: the new link comes after it.
    const firstStep = page.locator('.guide-step-editor').first();
    await firstStep.getByRole('button', { name: 'Legg til lenke', exact: true }).click();
    await firstStep.getByLabel('Adresse').last().fill('javascript:alert(1)');
    for (const lang of ['bokmål', 'nynorsk', 'engelsk']) await firstStep.getByLabel(`Lenketekst (${lang})`).last().fill('Håndboka');
    await page.getByRole('button', { name: 'Publiser ny versjon' }).click();
    await page.locator('ds-error-summary').getByText('Lenken må være en nettadresse (https://…) eller en side i Sammen (/…).').waitFor();
    await expectNoAxeViolations(page, 'action guide with an error');

    await firstStep.getByLabel('Adresse').last().fill('/handbok/mote-med-foreldre');
    await page.getByLabel('Hva er endret?').fill('Ny ordlyd og lenke til håndboka');
    await page.getByRole('button', { name: 'Publiser ny versjon' }).click();
    await page.getByText('Versjon 2 er publisert.').waitFor();
    await page.getByText('Gjeldende versjon: 2').waitFor();
    await page.getByText(new RegExp(`Versjon 2, .* ${escapeRegExp(await nameOf(env, 'administrator'))} – Ny ordlyd og lenke til håndboka`)).waitFor();
    expect(await page.getByLabel('Overskrift (bokmål)').first().inputValue()).toBe('Skriv ned det du ser');
    expectNoProblems(t);
    await t.close();
  });
});
