// The youth's path (issue 17), in nynorsk on a 390×844 phone with axe on every page: the youth who
// signs in as `ungdom.17`, followed by the mental-health team for anxiety and cannabis, signs in and reads her own case
// on Mi side, written to her ("du"); she lets her mother see the case, after the page has told her
// what that means; she finds the youth page and the mental-health team in the catalogue; and she
// gives her own consent to the transfer to adult services, since she turns 18 in a few weeks (the
// demo makes her so on the test's own date, never the wall clock). Her coordinator plans the move to
// adult services and hands the baton to Koordinerende enhet, where its coordinator accepts it. Everyone
// is found by role, and the test clicks the names the database has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { typedDate } from '../support/clock.ts';

const shots = process.env.SCREENSHOTS;
let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('the youth\'s path, in nynorsk', () => {
  it('lets a 17-year-old read her case, share it with her mother, find help, and consent to adult services, which accept the baton', async () => {
    const db = env.testApp.database.db;
    const ida = await db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id').select(['p.id', 'p.guardians_see_case', 'p.given_name', 'p.family_name'])
      .where('a.username', '=', 'ungdom.17').executeTakeFirstOrThrow();
    const youth = `${ida.given_name} ${ida.family_name}`;
    const mothers = await db.selectFrom('guardianship as g').innerJoin('person as p', 'p.id', 'g.guardian_id').select(['p.given_name', 'p.family_name'])
      .where('g.child_id', '=', ida.id).where('g.relation', '=', 'mother').execute();
    if (mothers.length !== 1) throw new Error(`expected the youth to have one mother, found ${mothers.length}`);
    const motherName = `${mothers[0]!.given_name} ${mothers[0]!.family_name}`;
    const [coordinator, adultCoordinator] = [await nameOf(env, 'koordinator'), await nameOf(env, 'koordinerende.enhet')];
    expect(ida.guardians_see_case).toBe(false);

    const t = await openPage(env, { width: 390, height: 844 });
    const { page } = t;
    await page.goto('/');
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await signInAs(page, youth);
    await page.getByRole('heading', { level: 1, name: 'Mi side' }).waitFor();
    // She has no children: the page speaks of her, not of "the children you have parental responsibility for".
    const main = page.getByRole('main');
    await page.getByText('Her ser du kva kommunen har registrert om deg.', { exact: false }).waitFor();
    expect(await main.textContent()).not.toMatch(/foreldreansvar/);
    await expectNoAxeViolations(page, 'Mi side: the youth');
    await expectFitsWidth(page, 'Mi side: the youth');
    if (shots) await page.screenshot({ path: `${shots}/youth-mi-side.png`, fullPage: true });

    await page.locator('section[aria-labelledby="my-self"]').getByRole('link', { name: youth }).click();
    await page.getByRole('heading', { level: 1, name: youth }).waitFor();
    expect(await page.getByTestId('relay-holder').textContent()).toContain(coordinator);
    await page.getByTestId('log-entry').filter({ hasText: 'Samtaler hos psykisk helseteam hver uke' }).waitFor();
    await page.getByText('Eit samtykke gir tenestene lov til å dele opplysningar om deg med kvarandre.', { exact: false }).waitFor();
    // Written to her: no "the child", no plural "de" (the versioned consent text and the register's
    // field names are the same for everyone and are left out).
    const spoken = await page.evaluate(() => {
      const copy = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('details.consent-text, section[aria-labelledby="person-facts"]').forEach((e) => e.remove());
      return copy.innerText;
    });
    expect(spoken).not.toMatch(/\b(barnet|[Dd]e kan|[Dd]e vil|[Dd]e har)\b/);
    expect(spoken).toContain('Her ser du alt tenestene har skrive, og du kan skrive sjølv.');
    // The consent she gave herself says so; her guardian lives with her, not "with the child".
    expect(await page.locator('.consent-card').first().locator('.facts__row').filter({ hasText: 'Gitt av' }).locator('dd').textContent()).toBe('Du');
    const registered = await page.locator('section[aria-labelledby="person-facts"]').textContent();
    expect(registered).toContain('Bur med deg');
    expect(registered).not.toContain('barnet');
    await expectNoAxeViolations(page, 'Mi side: her own case');
    await expectFitsWidth(page, 'Mi side: her own case');
    if (shots) await page.screenshot({ path: `${shots}/youth-own-case.png`, fullPage: true });

    // Whether her mother sees the case: the switch asks first and says what follows.
    const visibility = page.locator('section[aria-labelledby="guardian-visibility"]');
    await visibility.getByRole('switch', { name: 'Foreldra mine kan sjå saka mi' }).check();
    await visibility.getByRole('heading', { name: 'Skal føresette sjå saka di?' }).waitFor();
    expect(await visibility.textContent()).toContain(`Då kan ${motherName} lese stafettloggen din`);
    await expectNoAxeViolations(page, 'Mi side: the visibility switch asking first');
    // Nothing has changed while she is asked.
    expect((await db.selectFrom('person').select('guardians_see_case').where('id', '=', ida.id).executeTakeFirstOrThrow()).guardians_see_case).toBe(false);
    await visibility.getByRole('button', { name: 'Ja, la føresette sjå saka' }).click();
    await visibility.getByText('Føresette kan no sjå saka di.').waitFor();
    expect((await db.selectFrom('person').select('guardians_see_case').where('id', '=', ida.id).executeTakeFirstOrThrow()).guardians_see_case).toBe(true);
    expect(await visibility.getByRole('switch', { name: 'Foreldra mine kan sjå saka mi' }).isChecked()).toBe(true);

    // Her own consent to the transfer to adult services, given here.
    await page.getByTestId('give-consent').getByText('Gi samtykke').first().click();
    const give = page.locator('section[aria-labelledby="give-consent"] form');
    await give.getByRole('checkbox', { name: 'Overføring av opplysningar ved overgang' }).check();
    const categories = give.getByRole('group', { name: 'Kva opplysningar' });
    await categories.getByRole('checkbox', { name: 'Helse' }).check();
    await categories.getByRole('checkbox', { name: 'Åtferd' }).check();
    await give.getByRole('checkbox', { name: 'Koordinerende enhet' }).check();
    await give.getByLabel('Gjeld til').fill(typedDate(365));
    await expectNoAxeViolations(page, 'Mi side: giving consent');
    await give.getByRole('button', { name: 'Gi samtykke' }).click();
    await page.getByText('Samtykket er gitt.').waitFor();
    await expectFitsWidth(page, 'Mi side: consent given');

    // Help without a referral: the youth page and the mental-health team.
    await page.locator('section[aria-labelledby="help-for-you"]').getByRole('link', { name: 'For ungdom: tilbod du kan bruke utan tilvising' }).click();
    await page.getByRole('heading', { level: 1, name: 'For ungdom' }).waitFor();
    const health = page.getByRole('list', { name: 'Helse og nokon å snakke med' });
    await health.getByRole('link', { name: 'Psykisk helseteam for barn og unge' }).waitFor();
    await expectNoAxeViolations(page, 'the youth page');
    await expectFitsWidth(page, 'the youth page');
    await health.getByRole('link', { name: 'Psykisk helseteam for barn og unge' }).click();
    await page.getByRole('heading', { level: 1, name: 'Psykisk helseteam for barn og unge' }).waitFor();
    await expectNoAxeViolations(page, 'the mental-health team');
    await expectFitsWidth(page, 'the mental-health team');
    expectNoProblems(t);
    await t.close();

    // Her coordinator plans the move to adult services on her own consent and hands the baton over.
    const staff = await openPage(env);
    const s = staff.page;
    await signInAs(s, coordinator);
    await s.goto('/barn');
    await s.getByRole('link', { name: youth, exact: true }).click();
    await s.getByRole('heading', { level: 1, name: youth }).waitFor();
    await s.getByTestId('proposed-transition').getByText('Voksentjenester', { exact: false }).waitFor();
    await s.getByText('Planlegg overgangen').click();
    await s.getByLabel('Mottakende enhet').selectOption({ label: 'Koordinerende enhet' });
    await s.getByRole('button', { name: 'Planlegg overgang' }).click();
    await s.getByText('Overgangen er planlagt.', { exact: false }).waitFor();
    await s.getByText('Gi stafettpinnen videre').click();
    await s.getByLabel('Ny stafettholder').selectOption({ label: `${adultCoordinator}, ${await unitNameOf(env, 'koordinerende.enhet')}` });
    await s.getByRole('button', { name: 'Be om overlevering' }).click();
    await s.getByTestId('pending-handover').waitFor();
    expect(await s.getByTestId('relay-holder').textContent()).toContain(coordinator);
    await expectNoAxeViolations(s, 'the coordinator\'s case page with the handover waiting');
    await signOut(s);

    await signInAs(s, adultCoordinator);
    await s.goto('/barn');
    await s.getByRole('link', { name: youth, exact: true }).click();
    await s.getByRole('heading', { level: 1, name: youth }).waitFor();
    await expectNoAxeViolations(s, 'the handover offered to adult services');
    await s.getByRole('button', { name: 'Ta imot stafettpinnen' }).click();
    await s.getByText('Du har tatt imot stafettpinnen.').waitFor();
    await s.getByTestId('relay-holder').filter({ hasText: adultCoordinator }).waitFor();
    await s.locator('section[aria-labelledby="case-transitions"]').getByText('Gjennomført').waitFor();
    await expectNoAxeViolations(s, 'the baton accepted by adult services');
    expectNoProblems(staff);
    await staff.close();
  });
});
