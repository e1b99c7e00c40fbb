// A professional records a paper consent for her kindergarten child given by the mother; the mother sees it
// on "Min side" and withdraws it there, first a part of it, then the rest — each after confirming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { typedDate } from '../support/clock.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('consent', () => {
  it('is recorded by a professional and withdrawn by the parent', async () => {
    const t = await openPage(env);
    const { page } = t;
    // The kindergarten teacher, the mother's younger child (at that kindergarten) and the mother, by role; the names the pages show.
    const demo = await demoPeople(env);
    const [child, mother, teacher, kindergarten] = [demo.youngerChild.name, demo.mother.name, await nameOf(env, 'fagperson.barnehage'), await unitNameOf(env, 'fagperson.barnehage')];

    await signInAs(page, teacher);
    await page.getByRole('heading', { level: 1, name: 'Mine barn og unge' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: child }).first().click();
    await page.getByRole('heading', { level: 1, name: child }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Samtykker' }).waitFor();
    await page.getByRole('link', { name: 'Skriv ut samtykkeskjema (PDF)' }).waitFor();
    const form = page.locator('section[aria-labelledby="consent-register"] form');
    await form.getByRole('group', { name: 'Tjenester' }).getByRole('checkbox', { name: kindergarten }).waitFor();
    await expectNoAxeViolations(page, 'staff person page with consents');

    // Empty form: the server's messages in the summary.
    await form.getByRole('button', { name: 'Registrer samtykke' }).click();
    await page.locator('ds-error-summary').waitFor();
    await expectNoAxeViolations(page, 'consent form with errors');

    await form.getByRole('radio', { name: 'Signert på papir' }).check();
    await form.getByRole('group', { name: 'Gitt av' }).getByRole('checkbox', { name: mother }).check();
    await form.getByRole('checkbox', { name: 'Stafettlogg og tverrfaglig samarbeid' }).check();
    await form.getByRole('checkbox', { name: 'Utvikling' }).check();
    await form.getByRole('checkbox', { name: 'Språk' }).check();
    await form.getByRole('group', { name: 'Tjenester' }).getByRole('checkbox', { name: kindergarten }).check();
    await form.getByLabel('Gjelder fra').fill(typedDate(0));
    await form.getByLabel('Gjelder til').fill(typedDate(365));
    await form.getByLabel(/Barnets egen mening/).fill(`${demo.youngerChild.givenName} synes det er greit.`);
    await form.getByRole('button', { name: 'Registrer samtykke' }).click();
    await page.getByText('Samtykket er registrert.').waitFor();

    const card = page.locator('.consent-card').first();
    await card.getByText('Gjelder', { exact: true }).waitFor();
    expect(await card.textContent()).toContain(mother);
    expect(await card.textContent()).toContain(kindergarten);
    expect(await card.textContent()).toContain('Stafettlogg og tverrfaglig samarbeid');
    await expectNoAxeViolations(page, 'staff person page after recording a consent');
    await signOut(page);

    await signInAs(page, mother);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('link', { name: child }).click();
    await page.getByRole('heading', { level: 1, name: child }).waitFor();
    const citizenCard = page.locator('.consent-card').first();
    await citizenCard.getByText('Gjelder', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'citizen person page with a consent');
    // A part: the language information only. Nothing happens until she confirms.
    await citizenCard.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    await citizenCard.getByRole('radio', { name: 'Bare en del av det' }).check();
    await citizenCard.getByRole('group', { name: 'Opplysninger som ikke lenger skal deles' }).getByRole('checkbox', { name: 'Språk' }).check();
    await citizenCard.getByText(/Stafettholderen og de som mister tilgang, får beskjed/).waitFor();
    await expectNoAxeViolations(page, 'withdrawing part of a consent');
    await citizenCard.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
    await page.getByText('En del av samtykket er trukket tilbake. Resten gjelder fortsatt.').waitFor();
    expect(await citizenCard.getByTestId('partial-withdrawal').textContent()).toMatch(new RegExp(`^Delvis trukket tilbake \\d{2}\\.\\d{2}\\.\\d{4} av ${mother}: Språk$`));
    await citizenCard.getByText('Gjelder', { exact: true }).waitFor();
    // Then the rest, after asking again.
    await citizenCard.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    await citizenCard.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
    await citizenCard.getByText('Trukket tilbake', { exact: true }).waitFor();
    expect(await citizenCard.textContent()).toMatch(new RegExp(`Trukket tilbake \\d{2}\\.\\d{2}\\.\\d{4} av ${mother}`));
    await page.getByText('Samtykket er trukket tilbake.').waitFor();
    expect(await citizenCard.getByRole('button', { name: 'Trekk tilbake samtykket' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'citizen person page after withdrawing');
    expectNoProblems(t);
    await t.close();
  });
});
