// The pregnancy path on a phone (issue 17, part 3), in bokmål at 390×844 with axe on every page:
// Guro Lien, the midwife, opens Hanna Sæther's pregnancy case and sees the action guide written for
// pregnancy (no kindergarten to register); at the birth she registers the child from Hanna's page,
// with Hanna's consent that the log continues; the child's page shows Hanna as the mother with
// parental responsibility and the pregnancy's log; Guro offers the baton to the health nurse, Kari
// Nygård, who accepts it; Hanna's Min side lists her child.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, expectNoProblems, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('from the pregnancy to the health nurse', () => {
  it('registers the birth from the mother\'s record, continues the log, and the health nurse accepts the baton', async () => {
    const t = await openPage(env, { width: 390, height: 844 });
    const { page } = t;

    await signInAs(page, 'Guro Lien');
    await page.goto('/barn');
    await page.getByRole('link', { name: 'Hanna Sæther', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hanna Sæther' }).waitFor();
    // The guide speaks of the pregnant woman and the birth, not of the child's kindergarten.
    await page.getByText('Planlegg overgangen til helsesykepleier').waitFor();
    expect(await page.getByText('Snakk med barnet').count()).toBe(0);
    expect(await page.getByText('Registrer barnehage eller skole').count()).toBe(0);
    await expectNoAxeViolations(page, 'the pregnant woman\'s page');
    await expectFitsWidth(page, 'the pregnant woman\'s page');

    const birth = page.getByTestId('birth');
    await birth.getByLabel('Barnets fornavn').fill('Ella');
    await birth.getByLabel(/Mor samtykker i at stafettloggen/).check();
    await birth.getByRole('button', { name: 'Registrer fødselen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ella Sæther' }).waitFor();
    // Linked to the real mother, with parental responsibility; the pregnancy's log goes on as hers.
    const mother = page.locator('.guardian-card').filter({ hasText: 'Hanna Sæther' });
    await mother.getByText('Ja').first().waitFor();
    await page.getByText('Ekstra kontroll hos jordmor annenhver uke').first().waitFor();
    expect(await page.getByTestId('relay-holder').textContent()).toContain('Guro Lien');
    await expectNoAxeViolations(page, 'the newborn\'s page');
    await expectFitsWidth(page, 'the newborn\'s page');

    await page.getByText('Gi stafettpinnen videre').click();
    await page.getByLabel('Ny stafettholder').selectOption({ label: 'Kari Nygård, Helsestasjon Nord' });
    await page.getByRole('button', { name: 'Be om overlevering' }).click();
    await page.getByTestId('pending-handover').waitFor();
    // Guro keeps the baton until Kari accepts.
    expect(await page.getByTestId('relay-holder').textContent()).toContain('Guro Lien');
    await signOut(page);

    await signInAs(page, 'Kari Nygård');
    await page.goto('/barn');
    await page.getByRole('link', { name: 'Ella Sæther', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ella Sæther' }).waitFor();
    await expectNoAxeViolations(page, 'the handover offered to the health nurse');
    await page.getByRole('button', { name: 'Ta imot stafettpinnen' }).click();
    await page.getByText('Du har tatt imot stafettpinnen.').waitFor();
    await page.getByTestId('relay-holder').filter({ hasText: 'Kari Nygård' }).waitFor();
    await page.getByText('Ekstra kontroll hos jordmor annenhver uke').first().waitFor();
    await expectNoAxeViolations(page, 'the baton accepted');
    await signOut(page);

    await signInAs(page, 'Hanna Sæther');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('link', { name: 'Ella Sæther', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the mother\'s Min side');
    await expectFitsWidth(page, 'the mother\'s Min side');
    expectNoProblems(t);
    await t.close();
  });
});
