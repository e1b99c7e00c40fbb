// The pregnancy path on a phone (issue 17, part 3), in bokmål at 390×844 with axe on every page:
// the midwife opens the pregnancy case of the woman who signs in as `gravid` and sees the action guide
// written for pregnancy (no kindergarten to register); at the birth she registers the child from the
// woman's page, with her consent that the log continues; the child's page shows her as the mother with
// parental responsibility and the pregnancy's log; the midwife offers the baton to the health nurse,
// who accepts it; the mother's Min side lists her child. Everyone is found by role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('from the pregnancy to the health nurse', () => {
  it('registers the birth from the mother\'s record, continues the log, and the health nurse accepts the baton', async () => {
    const woman = await env.testApp.database.db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id')
      .select(['p.given_name', 'p.family_name']).where('a.username', '=', 'gravid').executeTakeFirstOrThrow();
    const pregnant = `${woman.given_name} ${woman.family_name}`;
    const newborn = `Ella ${woman.family_name}`;
    const [midwife, nurse] = [await nameOf(env, 'jordmor'), await nameOf(env, 'helsesykepleier')];
    const t = await openPage(env, { width: 390, height: 844 });
    const { page } = t;

    await signInAs(page, midwife);
    await page.goto('/barn');
    await page.getByRole('link', { name: pregnant, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: pregnant }).waitFor();
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
    await page.getByRole('heading', { level: 1, name: newborn }).waitFor();
    // Linked to the real mother, with parental responsibility; the pregnancy's log goes on as hers.
    const mother = page.locator('.guardian-card').filter({ hasText: pregnant });
    await mother.getByText('Ja').first().waitFor();
    await page.getByText('Ekstra kontroll hos jordmor annenhver uke').first().waitFor();
    expect(await page.getByTestId('relay-holder').textContent()).toContain(midwife);
    await expectNoAxeViolations(page, 'the newborn\'s page');
    await expectFitsWidth(page, 'the newborn\'s page');

    await page.getByText('Gi stafettpinnen videre').click();
    await page.getByLabel('Ny stafettholder').selectOption({ label: `${nurse}, ${await unitNameOf(env, 'helsesykepleier')}` });
    await page.getByRole('button', { name: 'Be om overlevering' }).click();
    await page.getByTestId('pending-handover').waitFor();
    // The midwife keeps the baton until the nurse accepts.
    expect(await page.getByTestId('relay-holder').textContent()).toContain(midwife);
    await signOut(page);

    await signInAs(page, nurse);
    await page.goto('/barn');
    await page.getByRole('link', { name: newborn, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: newborn }).waitFor();
    await expectNoAxeViolations(page, 'the handover offered to the health nurse');
    await page.getByRole('button', { name: 'Ta imot stafettpinnen' }).click();
    await page.getByText('Du har tatt imot stafettpinnen.').waitFor();
    await page.getByTestId('relay-holder').filter({ hasText: nurse }).waitFor();
    await page.getByText('Ekstra kontroll hos jordmor annenhver uke').first().waitFor();
    await expectNoAxeViolations(page, 'the baton accepted');
    await signOut(page);

    await signInAs(page, pregnant);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('link', { name: newborn, exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the mother\'s Min side');
    await expectFitsWidth(page, 'the mother\'s Min side');
    expectNoProblems(t);
    await t.close();
  });
});
