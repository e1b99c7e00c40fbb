// A worry discussed anonymously first: the teacher notes it without identity, discusses it with the
// health nurse (who sees it, with no name stored), and ties it to Emma after talking with her
// parents, which opens Emma's case at level 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoProblems, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('an anonymous worry', () => {
  it('is noted, discussed with a colleague and later tied to the child', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, 'Ingrid Solheim');
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Undringer' }).waitFor();
    await page.getByText('Ingen anonyme undringer.').waitFor();
    await expectNoAxeViolations(page, 'worries page');

    await page.getByLabel(/Omtrentlig alder/).fill('5');
    await page.getByRole('group', { name: 'Hva har du sett?' }).getByRole('checkbox', { name: 'Språk' }).check();
    await page.getByLabel('Beskriv kort').fill('Sier lite i samlingsstund.');
    await page.getByRole('button', { name: 'Noter undring' }).click();
    const card = page.getByTestId('worry');
    await card.getByText('Sier lite i samlingsstund.').waitFor();
    expect(await card.getByRole('heading').textContent()).toBe('Et barn eller en ungdom, omtrent 5 år');

    await card.getByLabel('Drøft med').selectOption({ label: 'Kari Nygård, Helsestasjon Nord' });
    await card.getByLabel('Hva kom dere fram til?').fill('Snakk med foreldrene først.');
    await card.getByRole('button', { name: 'Lagre drøftingen' }).click();
    await page.getByText('Drøftingen er lagret.').waitFor();
    await card.getByText(/med Kari Nygård: Snakk med foreldrene først\./).waitFor();
    await expectNoAxeViolations(page, 'worry discussed');
    await signOut(page);

    await signInAs(page, 'Kari Nygård');
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    await page.getByTestId('worry').getByText('Sier lite i samlingsstund.').waitFor();
    // Only the one who noted it can tie it to a child.
    expect(await page.getByTestId('worry').getByRole('button', { name: 'Knytt til barnet og åpne saken' }).count()).toBe(0);
    await signOut(page);

    await signInAs(page, 'Ingrid Solheim');
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    await page.getByTestId('worry').getByLabel('Knytt til').selectOption({ label: await page.getByTestId('worry').getByRole('option', { name: /^Emma Nordli/ }).textContent() ?? '' });
    await page.getByRole('button', { name: 'Knytt til barnet og åpne saken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emma Nordli' }).waitFor();
    await expect.poll(() => page.getByTestId('relay-holder').textContent()).toContain('Ingrid Solheim');
    expectNoProblems(t);
    await t.close();
  });
});
