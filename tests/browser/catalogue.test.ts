// The public service catalogue in a real browser. An anonymous visitor finds the health station
// though "helsesøster" is misspelt; a parent of a 14-year-old worried about mood answers the
// situation guide with the keyboard alone and is pointed to the mental-health team; a young person
// finds the youth page. The administrator refuses an impossible rule, previews, saves a draft and
// publishes it. Every page is checked with axe-core.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Presses Tab until the element has focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

describe('the public service catalogue', () => {
  it('lets an anonymous visitor find the health station by searching "helsesøster" with a typo', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Sammen' }).waitFor();
    await page.getByRole('navigation', { name: 'Finn hjelp' }).getByRole('link', { name: 'Finn hjelp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Finn hjelp' }).waitFor();
    await page.getByText('Tjenester for barn, unge og familier i Fjordvik kommune.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'catalogue');

    await page.getByLabel('Søk etter tjeneste').fill('helsesøstr');
    await page.getByLabel('Søk etter tjeneste').press('Enter');
    await page.getByRole('status').getByText('Treff på «helsesøstr»: 3 tjenester. Vi søkte også etter: helsesøster.').waitFor();
    const results = page.getByRole('list', { name: 'Tjenester' });
    const first = results.getByRole('listitem').first();
    expect(await first.getByRole('heading').textContent()).toBe('Helsestasjon for barn 0–5 år');
    expect(new URL(page.url()).searchParams.get('q')).toBe('helsesøstr');
    await expectNoAxeViolations(page, 'catalogue search results');

    await first.getByRole('link', { name: 'Helsestasjon for barn 0–5 år' }).click();
    await page.getByRole('heading', { level: 1, name: 'Helsestasjon for barn 0–5 år' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Slik tar du kontakt' }).waitFor();
    await page.getByText('Du kan ta kontakt selv – du trenger ikke henvisning.').waitFor();
    await expectNoAxeViolations(page, 'service page');

    // The same search in English, after choosing the language.
    await page.goBack();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await page.getByRole('list', { name: 'Services' }).getByRole('link', { name: 'Health station for children aged 0–5 (helsestasjon)' }).waitFor();
    await expectNoAxeViolations(page, 'catalogue search results in English');
    expectNoProblems(t);
    await t.close();
  });

  it('narrows by life situation and whom it is for, and works on a phone', async () => {
    const t = await openPage(env, { width: 390, height: 844 });
    const { page } = t;
    await page.goto('/tjenester');
    await page.getByRole('heading', { level: 1, name: 'Finn hjelp' }).waitFor();
    await page.getByRole('navigation', { name: 'Livssituasjon' }).getByRole('link', { name: /^Graviditet \(\d+\)$/ }).click();
    await page.locator('a[aria-current="true"]', { hasText: 'Graviditet' }).waitFor();
    await page.getByRole('list', { name: 'Tjenester' }).getByRole('link', { name: 'Svangerskapskontroll hos jordmor' }).waitFor();
    // The chosen situation shows at once; the narrowed list follows when its answer arrives.
    await page.getByRole('list', { name: 'Tjenester' }).getByRole('link', { name: 'Utekontakten' }).waitFor({ state: 'detached' });
    await expectFitsWidth(page, 'catalogue on a phone');
    await expectNoAxeViolations(page, 'catalogue filtered by situation on a phone');
    expectNoProblems(t);
    await t.close();
  });

  it('suggests the mental-health team to a parent of a 14-year-old worried about mood, answered with the keyboard only', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto('/tjenester/veileder');
    await page.getByRole('heading', { level: 1, name: 'Hva trenger du hjelp til?' }).waitFor();
    await page.getByRole('checkbox', { name: 'Psykisk helse' }).waitFor();
    await expectNoAxeViolations(page, 'situation guide');

    // Whom it is for: into the radio group with Tab, then the arrow key picks "Barnet mitt".
    const who = page.getByRole('group', { name: 'Hvem gjelder det?' });
    await tabTo(page, who.getByRole('radio', { name: 'Meg selv' }));
    await page.keyboard.press('ArrowDown');
    expect(await who.getByRole('radio', { name: 'Barnet mitt' }).isChecked()).toBe(true);
    expect(await isFocused(who.getByRole('radio', { name: 'Barnet mitt' }))).toBe(true);

    await tabTo(page, page.getByLabel('Hvor gammel er den som trenger hjelp? (valgfritt)'));
    await page.keyboard.type('14');

    const mentalHealth = page.getByRole('group', { name: 'Hva gjelder det?' }).getByRole('checkbox', { name: 'Psykisk helse' });
    await tabTo(page, mentalHealth);
    await page.keyboard.press('Space');
    expect(await mentalHealth.isChecked()).toBe(true);

    // Choosing mental health brings up the municipality's question about what worries you.
    const mood = page.getByRole('group', { name: 'Hva er du mest bekymret for?' }).getByRole('checkbox', { name: /^Humør og følelser/ });
    await tabTo(page, mood);
    await page.keyboard.press('Space');
    expect(await mood.isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'situation guide filled in');

    await tabTo(page, page.getByRole('button', { name: 'Vis forslag' }));
    await page.keyboard.press('Enter');

    // The suggestions come below the form, and focus moves to them.
    const heading = page.getByRole('heading', { level: 2, name: 'Forslag til deg' });
    await heading.waitFor();
    await expect.poll(() => isFocused(heading)).toBe(true);
    const suggestions = page.getByRole('list', { name: 'Forslag til deg' });
    expect(await suggestions.getByRole('listitem').first().getByRole('heading').textContent()).toBe('Psykisk helseteam for barn og unge');
    expect(await suggestions.getByRole('link', { name: 'Rask psykisk helsehjelp' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'situation guide suggestions');

    // From the heading, the next Tab is the first suggestion; Enter opens it.
    const team = suggestions.getByRole('link', { name: 'Psykisk helseteam for barn og unge' });
    await tabTo(page, team, 1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Psykisk helseteam for barn og unge' }).waitFor();
    await expect.poll(() => isFocused(page.getByRole('heading', { level: 1 }))).toBe(true);
    expectNoProblems(t);
    await t.close();
  });

  it('has a youth page with everything for 13–23 under neutral headings', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto('/tjenester');
    await page.getByRole('navigation', { name: 'Finn hjelp' }).getByRole('link', { name: 'For ungdom' }).click();
    await page.getByRole('heading', { level: 1, name: 'For ungdom' }).waitFor();
    // The headings come with the services, after the page's own heading.
    await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents())
      .toEqual(['Fritid og møteplasser', 'Skole, jobb og penger', 'Helse og noen å snakke med']);
    await page.getByRole('list', { name: 'Fritid og møteplasser' }).getByRole('link', { name: 'Fritidsklubben Loftet' }).waitFor();
    await page.getByRole('list', { name: 'Helse og noen å snakke med' }).getByRole('link', { name: 'Helsestasjon for ungdom (HFU)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Økonomisk sosialhjelp' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'youth page');
    expectNoProblems(t);
    await t.close();
  });
});

describe('the administrator', () => {
  it('is refused an impossible rule with a clear message, previews, saves a draft and publishes it', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, await nameOf(env, 'administrator'));
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tjenestekatalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tjenestekatalogen' }).waitFor();
    await page.getByRole('table', { name: 'Tjenester i katalogen' }).getByRole('row').filter({ hasText: 'Fritidsklubben Loftet' }).getByText('Publisert (versjon 1)').waitFor();
    await expectNoAxeViolations(page, 'catalogue administration');

    await page.getByRole('link', { name: 'Endre Fritidsklubben Loftet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre Fritidsklubben Loftet' }).waitFor();
    const rules = page.getByLabel('Regler (JSON)');
    await expect.poll(() => rules.inputValue()).toContain('suggestWhen');
    await expectNoAxeViolations(page, 'service editor');

    // An impossible age range is refused, with the message by the rules and in the summary.
    await rules.fill(JSON.stringify({ suggestWhen: [{ audiences: ['self'], ageFrom: 18, ageTo: 6 }] }));
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /Regler \(JSON\): Regel 1: aldersspennet fra 18 til 6 år er umulig/ }).waitFor();
    expect(await rules.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'service editor with a refused rule');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Endre Fritidsklubben Loftet' }).waitFor();
    await page.getByText('Versjon 1 er publisert.', { exact: false }).waitFor();

    // A valid rule: the preview shows which sample answers it matches, then it is saved as a draft.
    await page.getByLabel('Regler (JSON)').fill(JSON.stringify({ suggestWhen: [{ audiences: ['self'], ageFrom: 13, ageTo: 18 }] }));
    await page.getByRole('button', { name: 'Forhåndsvis reglene' }).click();
    const preview = page.getByRole('table', { name: 'Eksempelsvar og om tjenesten blir foreslått' });
    await preview.getByRole('row').filter({ hasText: 'Ungdom 16 år, spørsmål om rus' }).getByRole('cell', { name: 'Ja' }).waitFor();
    await preview.getByRole('row').filter({ hasText: 'Gravid, 29 år' }).getByRole('cell', { name: 'Nei' }).waitFor();
    await expectNoAxeViolations(page, 'rules preview');

    const summaryField = page.getByRole('group', { name: 'Bokmål' }).getByLabel('Hva tjenesten hjelper med');
    await summaryField.fill('Et sted å henge med venner, spille og lage musikk. Nå også leksehjelp på onsdager.');
    await page.getByLabel('Hva har du endret? (valgfritt)').fill('Leksehjelp på onsdager');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByRole('status').getByText('Utkastet er lagret som versjon 2.', { exact: false }).waitFor();
    const history = page.getByRole('table', { name: 'Alle versjoner av tjenesten' });
    await history.getByRole('row').filter({ hasText: 'Leksehjelp på onsdager' }).getByRole('cell', { name: 'Utkast', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Publiser versjon 2' }).click();
    await page.getByRole('status').getByText('Versjon 2 er publisert og synlig for alle.').waitFor();
    await history.getByRole('row').filter({ hasText: 'Leksehjelp på onsdager' }).getByRole('cell', { name: 'Publisert nå' }).waitFor();
    await history.getByRole('row').filter({ hasText: 'Tidligere publisert' }).waitFor();
    await expectNoAxeViolations(page, 'service editor after publishing');

    await page.getByRole('link', { name: 'Se den publiserte siden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fritidsklubben Loftet' }).waitFor();
    await page.getByText('Nå også leksehjelp på onsdager.', { exact: false }).waitFor();
    expectNoProblems(t);
    await t.close();
  });
});
