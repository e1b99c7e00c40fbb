// Reports to child welfare in the browser, in bokmål, with axe on every page (issue 13): the school's
// contact teacher notes a worry about a pupil (the `forelder` mother's older child) and from it asks
// the intake anonymously, then from the worry sends a report on the pupil (the family told); the
// intake acknowledges it, the teacher sees the receipt; the intake opens an investigation and gives
// feedback, the teacher sees it, and the case the worry opens shows the way to child welfare beside
// the action guide's steps; the mother sees on Min side that a report was sent. The second path: an
// urgent report on her younger child that the family must not be told of. Everyone is found by
// role; the test clicks the names the database has for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPeople, escapeRegExp, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';

let env: BrowserApp;
/** The story's people by role, with the names the pages show for them. */
const names = { pupil: '', pupilGiven: '', younger: '', youngerGiven: '', mother: '', teacher: '', school: '', kindergartenTeacher: '', intake: '' };
beforeAll(async () => {
  env = await startBrowserApp();
  const demo = await demoPeople(env);
  Object.assign(names, {
    pupil: demo.olderChild.name, pupilGiven: demo.olderChild.givenName, younger: demo.youngerChild.name, youngerGiven: demo.youngerChild.givenName, mother: demo.mother.name,
    teacher: await nameOf(env, 'fagperson.skole'), school: await unitNameOf(env, 'fagperson.skole'), kindergartenTeacher: await nameOf(env, 'fagperson.barnehage'),
    intake: await nameOf(env, 'barnevern.mottak'),
  });
});
afterAll(async () => {
  await env?.close();
});

async function openChild(page: Page, name: string) {
  await page.getByRole('link', { name: 'Mine barn og unge' }).first().click();
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function openReport(page: Page, reference: string) {
  await page.getByRole('link', { name: 'Meldinger til barnevernet' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Meldinger til barnevernet' }).waitFor();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { level: 1, name: `Bekymringsmelding ${reference}` }).waitFor();
}

describe('from the worry to the reporter\'s feedback', () => {
  it('consults anonymously, reports, is acknowledged, gets feedback, and the family sees that a report was sent', async () => {
    const t = await openPage(env);
    const { page } = t;

    await signInAs(page, names.teacher);
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    await page.getByLabel(/Omtrentlig alder/).fill('9');
    await page.getByRole('group', { name: 'Hva har du sett?' }).getByRole('checkbox').first().check();
    await page.getByLabel('Beskriv kort').fill('En elev sier at det ikke er mat hjemme om kveldene. Bør vi melde?');
    await page.getByRole('button', { name: 'Noter undring' }).click();
    const worry = page.getByTestId('worry').filter({ hasText: 'Bør vi melde?' });
    // From the worry to child welfare: the consultation starts from the worry's age and text, no identity.
    await worry.getByRole('link', { name: 'Spør barnevernet anonymt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anonym drøfting med barnevernet' }).waitFor();
    expect(await page.getByLabel('Barnets alder (år)').inputValue()).toBe('9');
    expect(await page.getByLabel('Situasjonen').inputValue()).toBe('En elev sier at det ikke er mat hjemme om kveldene. Bør vi melde?');
    await expectNoAxeViolations(page, 'consultation page');
    await page.getByRole('button', { name: 'Send til barnevernet' }).click();
    await page.getByText('Spørsmålet er sendt til barnevernet.').waitFor();
    await signOut(page);

    await signInAs(page, names.intake);
    // The intake's first screen is its queue, with the demo's reports in it.
    await page.getByRole('heading', { level: 1, name: 'Meldinger til barnevernet' }).waitFor();
    await page.getByRole('table', { name: 'Meldinger til barnevernet' }).waitFor();
    // The counts for the outcome track, by the reporter's service: the demo's reports came from a primary school.
    await page.getByRole('table', { name: 'Meldinger etter tjeneste' }).getByRole('cell', { name: 'Barneskole' }).waitFor();
    await expectNoAxeViolations(page, 'intake queue');
    await page.getByRole('link', { name: 'Anonym drøfting' }).first().click();
    const consultation = page.getByTestId('consultation').filter({ hasText: 'Bør vi melde?' });
    await consultation.getByLabel('Svar').fill('Ja, send en bekymringsmelding. Snakk gjerne med foreldrene først.');
    await consultation.getByLabel(/Konklusjon/).selectOption({ label: 'Send bekymringsmelding' });
    await consultation.getByRole('button', { name: 'Send svar' }).click();
    await consultation.getByText(/Ja, send en bekymringsmelding/).waitFor();
    await expectNoAxeViolations(page, 'consultation answered');
    await signOut(page);

    await signInAs(page, names.teacher);
    await page.getByRole('link', { name: 'Anonym drøfting' }).first().click();
    await page.getByTestId('consultation').getByText(/Ja, send en bekymringsmelding/).waitFor();
    // The report straight from the worry, on the child it is about, without tying the worry to a case.
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    const picker = page.getByTestId('worry').filter({ hasText: 'Bør vi melde?' }).getByLabel('Knytt til');
    await picker.selectOption({ label: await picker.getByRole('option', { name: new RegExp(`^${escapeRegExp(names.pupil)}`) }).textContent() ?? '' });
    await page.getByRole('link', { name: 'Send bekymringsmelding om barnet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bekymringsmelding til barnevernet' }).waitFor();
    await page.getByText('Plikten går foran taushetsplikten, og du trenger ikke samtykke fra familien.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'report form');
    // Sending without a description says so, and sends nothing.
    await page.getByLabel('Telefonnummeret ditt').fill('98765432');
    await page.getByRole('radio', { name: 'Ja, familien er orientert' }).check();
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByRole('link', { name: /Hva har du sett eller hørt\?/ }).first().waitFor();
    await expectNoAxeViolations(page, 'report form with errors');
    await page.getByLabel('Hva har du sett eller hørt?').fill(`${names.pupilGiven} har vært sulten på skolen flere dager og sier at ingen lager middag hjemme.`);
    await page.getByLabel(/Barnets egne ord/).fill('«Det er ingen som lager middag.»');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    const sent = page.getByText(/Meldingen er sendt\. Referanse: BM-\d{4}-\d{5}\./);
    await sent.waitFor();
    const reference = /BM-\d{4}-\d{5}/.exec((await sent.textContent()) ?? '')![0];
    await page.getByText(/Barnevernet skal gå gjennom meldingen innen/).waitFor();
    await expectNoAxeViolations(page, 'report sent');
    await signOut(page);

    await signInAs(page, names.intake);
    await openReport(page, reference);
    await page.getByText(`${names.pupilGiven} har vært sulten på skolen`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'report for the intake');
    await page.getByRole('button', { name: 'Bekreft mottak' }).click();
    await page.getByText(/Mottak bekreftet/).first().waitFor();
    await signOut(page);

    await signInAs(page, names.teacher);
    await page.getByRole('link', { name: 'Mine bekymringsmeldinger' }).first().click();
    const mine = page.getByTestId('my-report').filter({ hasText: reference });
    await mine.getByText(/Mottak bekreftet \d{2}\.\d{2}\.\d{4}\./).waitFor();
    await mine.getByText('Mottatt', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'my reports, received');
    await signOut(page);

    await signInAs(page, names.intake);
    await openReport(page, reference);
    await page.getByRole('radio', { name: 'Undersøkelse åpnet' }).check();
    await page.getByLabel('Tilbakemelding til melder').fill('Vi har åpnet undersøkelse. Takk for at du meldte.');
    await page.getByRole('button', { name: 'Lagre og send tilbakemelding' }).click();
    await page.getByRole('heading', { name: 'Undersøkelse', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'decision recorded');
    await signOut(page);

    await signInAs(page, names.teacher);
    await page.getByRole('link', { name: 'Mine bekymringsmeldinger' }).first().click();
    const answered = page.getByTestId('my-report').filter({ hasText: reference });
    await answered.getByText('Vi har åpnet undersøkelse. Takk for at du meldte.').waitFor();
    await answered.getByText('Tilbakemelding: Undersøkelse åpnet').waitFor();
    await expectNoAxeViolations(page, 'my reports, feedback');
    // Tied to the pupil after all, the worry opens his case; beside the action guide's steps, the way to child welfare.
    await page.getByRole('link', { name: 'Undringer' }).first().click();
    const linking = page.getByTestId('worry').filter({ hasText: 'Bør vi melde?' }).getByLabel('Knytt til');
    await linking.selectOption({ label: await linking.getByRole('option', { name: new RegExp(`^${escapeRegExp(names.pupil)}`) }).textContent() ?? '' });
    await page.getByRole('button', { name: 'Knytt til barnet og åpne saken' }).click();
    await page.getByRole('heading', { level: 1, name: names.pupil }).waitFor();
    await page.getByRole('heading', { name: 'Handlingsveileder for nivå 0' }).waitFor();
    await page.getByRole('link', { name: 'Usikker på om du skal melde? Spør barnevernet anonymt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anonym drøfting med barnevernet' }).waitFor();
    await signOut(page);

    await signInAs(page, names.mother);
    await page.getByRole('link', { name: names.pupil }).click();
    await page.getByRole('heading', { level: 1, name: names.pupil }).waitFor();
    await page.getByRole('heading', { name: 'Meldinger til barnevernet' }).waitFor();
    await page.getByText(new RegExp(`^${escapeRegExp(names.school)} sendte en bekymringsmelding til barnevernet \\d{2}\\.\\d{2}\\.\\d{4}\\.$`)).waitFor();
    await expectNoAxeViolations(page, 'Min side with the report');
    expectNoProblems(t);
    await t.close();
  });
});

describe('an urgent report the family must not be told of', () => {
  it('shows the reporter the duty service\'s number, puts it first in the queue, and shows the family nothing', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, names.kindergartenTeacher);
    await openChild(page, names.younger);
    await page.getByRole('link', { name: 'Send bekymringsmelding' }).click();
    await page.getByLabel('Telefonnummeret ditt').fill('+47 912 34 567');
    await page.getByLabel('Hva har du sett eller hørt?').fill(`${names.youngerGiven} hadde blåmerker på armene i dag og vil ikke hjem.`);
    await page.getByRole('radio', { name: 'Ja, det haster – barnet kan være i fare nå' }).check();
    await page.getByRole('radio', { name: 'Nei, familien er ikke orientert' }).check();
    await page.getByLabel('Hvorfor er familien ikke orientert?').fill(`Det kan sette ${names.youngerGiven} i fare om foreldrene får vite det nå.`);
    await expectNoAxeViolations(page, 'urgent report form');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByText('Meldingen haster. Ring barnevernvakten nå på 12 34 56 78.').waitFor();
    const reference = /BM-\d{4}-\d{5}/.exec((await page.getByText(/Meldingen er sendt/).textContent()) ?? '')![0];
    await expectNoAxeViolations(page, 'urgent report sent');
    await signOut(page);

    await signInAs(page, names.intake);
    await page.getByRole('heading', { level: 1, name: 'Meldinger til barnevernet' }).waitFor();
    const rows = page.getByRole('table', { name: 'Meldinger til barnevernet' }).getByRole('row');
    await rows.filter({ hasText: reference }).getByText('Haster').waitFor();
    // Urgent reports come first.
    const firstRows = await rows.allTextContents();
    expect(firstRows.slice(1).findIndex((r) => r.includes(reference))).toBeLessThan(firstRows.slice(1).findIndex((r) => !r.includes('Haster')));
    await openReport(page, reference);
    await page.getByText(new RegExp(`Familien ser ikke at meldingen er sendt\\. Melderens grunn: Det kan sette ${escapeRegExp(names.youngerGiven)} i fare`)).waitFor();
    await expectNoAxeViolations(page, 'urgent report for the intake');
    await signOut(page);

    await signInAs(page, names.mother);
    await page.getByRole('link', { name: names.younger }).click();
    await page.getByRole('heading', { level: 1, name: names.younger }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('Meldinger til barnevernet').count()).toBe(0);
    expect(await page.getByText(/bekymringsmelding/i).count()).toBe(0);
    await expectNoAxeViolations(page, 'Min side without the report');
    expectNoProblems(t);
    await t.close();
  });
});
