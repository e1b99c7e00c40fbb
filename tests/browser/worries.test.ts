// A worry discussed anonymously first: the teacher notes it without identity, discusses it with the
// health nurse (who sees it, with no name stored), and ties it to a child of her kindergarten (the
// `forelder` mother's younger one) after talking with the parents, which opens the child's case at level 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, escapeRegExp, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';

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
    const [teacher, nurse, healthStation, child] = [await nameOf(env, 'fagperson.barnehage'), await nameOf(env, 'helsesykepleier'), await unitNameOf(env, 'helsesykepleier'), (await demoPeople(env)).youngerChild.name];
    await signInAs(page, teacher);
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

    await card.getByLabel('Drøft med').selectOption({ label: `${nurse}, ${healthStation}` });
    await card.getByLabel('Hva kom dere fram til?').fill('Snakk med foreldrene først.');
    await card.getByRole('button', { name: 'Lagre drøftingen' }).click();
    await page.getByText('Drøftingen er lagret.').waitFor();
    await card.getByText(new RegExp(`med ${escapeRegExp(nurse)}: Snakk med foreldrene først\\.`)).waitFor();
    await expectNoAxeViolations(page, 'worry discussed');
    await signOut(page);

    await signInAs(page, nurse);
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    await page.getByTestId('worry').getByText('Sier lite i samlingsstund.').waitFor();
    // Only the one who noted it can tie it to a child.
    expect(await page.getByTestId('worry').getByRole('button', { name: 'Knytt til barnet og åpne saken' }).count()).toBe(0);
    await signOut(page);

    await signInAs(page, teacher);
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    await page.getByTestId('worry').getByLabel('Knytt til').selectOption({ label: await page.getByTestId('worry').getByRole('option', { name: new RegExp(`^${escapeRegExp(child)}`) }).textContent() ?? '' });
    await page.getByRole('button', { name: 'Knytt til barnet og åpne saken' }).click();
    await page.getByRole('heading', { level: 1, name: child }).waitFor();
    await expect.poll(() => page.getByTestId('relay-holder').textContent()).toContain(teacher);
    expectNoProblems(t);
    await t.close();
  });
});
