// The level-2 path in the browser (issue 17, part 3), in bokmål with axe on every page: the school's
// contact teacher asks for help for the whole family from the page of a pupil of his (the `forelder`
// mother's older child); the coordinator at Koordinerende enhet — the level-2 intake — offers the
// effort to NAV's family coordinator, who accepts it on his side and sees the family, but not the
// children's logs, which their own consents do not open to NAV; the mother sees him as the family's
// one contact person on Min side. Everyone is found by role; the test clicks the names the database has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';

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
    const demo = await demoPeople(env);
    const [pupil, sibling, mother] = [demo.olderChild.name, demo.youngerChild.name, demo.mother.name];
    const nav = await env.testApp.database.db.selectFrom('staff_user').select(['display_name', 'title', 'email']).where('username', '=', 'nav.veileder').executeTakeFirstOrThrow();
    const coordinator = nav.display_name;

    await signInAs(page, await nameOf(env, 'fagperson.skole'));
    await page.goto('/barn');
    await page.getByRole('link', { name: pupil, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: pupil }).waitFor();
    await page.getByText('Be om hjelp til hele familien (nivå 2)').click();
    await page.getByLabel('Hvorfor familien trenger hjelp på nivå 2').fill('Mor har mistet jobben og familien må flytte. Trenger NAV og bolig samtidig.');
    await page.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Forespørselen er sendt til inntaket på nivå 2.').waitFor();
    await expectNoAxeViolations(page, 'the request on the child\'s page');
    await signOut(page);

    await signInAs(page, await nameOf(env, 'koordinerende.enhet'));
    await page.getByRole('link', { name: 'Nivå 2' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Innsats for hele familien (nivå 2)' }).waitFor();
    const card = page.getByTestId('effort-card').filter({ hasText: pupil });
    await card.getByText('Venter på inntaket').waitFor();
    await expectNoAxeViolations(page, 'the level-2 intake\'s list');
    await card.getByRole('link', { name: mother }).click();
    await page.getByText('Mor har mistet jobben og familien må flytte.').waitFor();
    // The parent with parental responsibility and both children; not the father without it.
    expect(await page.getByTestId('effort-member').allTextContents()).toEqual([
      expect.stringContaining(mother), expect.stringContaining(pupil), expect.stringContaining(sibling),
    ]);
    await expectNoAxeViolations(page, 'the effort at the intake');
    await page.getByLabel('Innsatsleder').selectOption({ label: `${coordinator}, ${nav.title}, ${await unitNameOf(env, 'nav.veileder')}` });
    await page.getByRole('button', { name: 'Tilby innsatsen' }).click();
    await page.getByText(`Tilbudt ${coordinator}, som må godta.`).waitFor();
    await signOut(page);

    await signInAs(page, coordinator);
    await page.getByRole('link', { name: 'Nivå 2' }).first().click();
    await page.getByTestId('effort-card').filter({ hasText: pupil }).getByRole('link').click();
    await page.getByTestId('effort-offer').waitFor();
    await expectNoAxeViolations(page, 'the effort offered to the leader');
    await page.getByRole('button', { name: 'Godta å være innsatsleder' }).click();
    await page.getByTestId('effort-status').filter({ hasText: 'Pågår' }).waitFor();
    await page.getByTestId('effort-leader').filter({ hasText: coordinator }).waitFor();
    // The children's consents do not reach NAV: the effort opens neither log.
    expect(await page.getByText('Barnets samtykke dekker ikke deg: loggen er lukket').count()).toBe(2);
    await page.getByRole('heading', { level: 2, name: 'Kall inn en tjeneste' }).waitFor();
    await expectNoAxeViolations(page, 'the effort accepted');
    await signOut(page);

    await signInAs(page, mother);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    const effort = page.getByTestId('family-effort');
    await effort.getByRole('heading', { name: `Din kontaktperson: ${coordinator}` }).waitFor();
    await effort.getByRole('link', { name: nav.email }).waitFor();
    await expectNoAxeViolations(page, 'Min side with the contact person');
    expectNoProblems(t);
    await t.close();
  });
});
