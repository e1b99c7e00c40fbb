// The level-2 path in the browser (issue 17, part 3), in bokmål with axe on every page: Henrik Aasen,
// Jonas's teacher, asks for help for the whole family from Jonas's page; Hanne Strand at Koordinerende
// enhet — the level-2 intake — offers the effort to Arne Brekke, NAV's family coordinator, who accepts
// it on his side and sees the family, but not the children's logs, which their own consents do not
// open to NAV; Sofie Nordli sees Arne as the family's one contact person on Min side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoProblems, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('a whole-family effort on level 2', () => {
  it('goes from the teacher\'s request through the intake to the effort leader who accepts, and the family sees its contact person', async () => {
    const t = await openPage(env);
    const { page } = t;

    await signInAs(page, 'Henrik Aasen');
    await page.goto('/barn');
    await page.getByRole('link', { name: 'Jonas Nordli', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Jonas Nordli' }).waitFor();
    await page.getByText('Be om hjelp til hele familien (nivå 2)').click();
    await page.getByLabel('Hvorfor familien trenger hjelp på nivå 2').fill('Mor har mistet jobben og familien må flytte. Trenger NAV og bolig samtidig.');
    await page.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Forespørselen er sendt til inntaket på nivå 2.').waitFor();
    await expectNoAxeViolations(page, 'the request on the child\'s page');
    await signOut(page);

    await signInAs(page, 'Hanne Strand');
    await page.getByRole('link', { name: 'Nivå 2' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Innsats for hele familien (nivå 2)' }).waitFor();
    const card = page.getByTestId('effort-card').filter({ hasText: 'Jonas Nordli' });
    await card.getByText('Venter på inntaket').waitFor();
    await expectNoAxeViolations(page, 'the level-2 intake\'s list');
    await card.getByRole('link', { name: 'Sofie Nordli' }).click();
    await page.getByText('Mor har mistet jobben og familien må flytte.').waitFor();
    // The parent with parental responsibility and both children; not the father without it.
    expect(await page.getByTestId('effort-member').allTextContents()).toEqual([
      expect.stringContaining('Sofie Nordli'), expect.stringContaining('Jonas Nordli'), expect.stringContaining('Emma Nordli'),
    ]);
    await expectNoAxeViolations(page, 'the effort at the intake');
    await page.getByLabel('Innsatsleder').selectOption({ label: 'Arne Brekke, Familiekoordinator, NAV Fjordvik' });
    await page.getByRole('button', { name: 'Tilby innsatsen' }).click();
    await page.getByText('Tilbudt Arne Brekke, som må godta.').waitFor();
    await signOut(page);

    await signInAs(page, 'Arne Brekke');
    await page.getByRole('link', { name: 'Nivå 2' }).first().click();
    await page.getByTestId('effort-card').filter({ hasText: 'Jonas Nordli' }).getByRole('link').click();
    await page.getByTestId('effort-offer').waitFor();
    await expectNoAxeViolations(page, 'the effort offered to the leader');
    await page.getByRole('button', { name: 'Godta å være innsatsleder' }).click();
    await page.getByTestId('effort-status').filter({ hasText: 'Pågår' }).waitFor();
    await page.getByTestId('effort-leader').filter({ hasText: 'Arne Brekke' }).waitFor();
    // The children's consents do not reach NAV: the effort opens neither log.
    expect(await page.getByText('Barnets samtykke dekker ikke deg: loggen er lukket').count()).toBe(2);
    await page.getByRole('heading', { level: 2, name: 'Kall inn en tjeneste' }).waitFor();
    await expectNoAxeViolations(page, 'the effort accepted');
    await signOut(page);

    await signInAs(page, 'Sofie Nordli');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    const effort = page.getByTestId('family-effort');
    await effort.getByRole('heading', { name: 'Din kontaktperson: Arne Brekke' }).waitFor();
    await effort.getByRole('link', { name: 'nav.veileder@fjordvik.kommune.no' }).waitFor();
    await expectNoAxeViolations(page, 'Min side with the contact person');
    expectNoProblems(t);
    await t.close();
  });
});
