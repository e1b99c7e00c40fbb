// The individual plan in the browser (issue 14, "Done means"), in bokmål with axe on every page: a
// child's relay log at level 2 (the teacher holds the baton, the health nurse is responsible for a
// measure, the family consents to collaboration) → the mother asks for an individual plan on Min
// side and gives her consent to the plan there → Koordinerende enhet, landing on its queue, grants it and appoints the health
// nurse → she accepts on the plan page and opens the plan, where the log's goals and measures are
// already → the mother adds her own goal and confirms → the plan's PDF reads right. The people are
// found in the data by username and relation, not by the demo's names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/app.ts';
import { daysFromToday, today, typedDate } from '../support/clock.ts';
import { involvedChild } from '../support/factories.ts';
import { pdfText } from '../support/pdf-text.ts';
import { expectNoAxeViolations, expectNoProblems, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

const GOAL = 'Leker med andre i friminuttene';
const MEASURE = 'Samtaler med helsesykepleier';
const OWN_GOAL = 'Vi vil at barnet skal glede seg til skolen';
const PLACE = 'Helsestasjonen, møterom 2';

describe('the individual plan', () => {
  it('goes from the mother\'s request through Koordinerende enhet and the coordinator to a plan the mother confirms and downloads', async () => {
    const db = env.testApp.database.db;
    const staff = (username: string) => db.selectFrom('staff_user').select(['id', 'display_name', 'service_unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
    const [teacherRow, nurse, unit] = await Promise.all([staff('fagperson.skole'), staff('helsesykepleier'), staff('koordinerende.enhet')]);
    const motherAccount = await db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id')
      .select(['p.id', 'p.given_name', 'p.family_name']).where('a.username', '=', 'forelder').executeTakeFirstOrThrow();
    const motherName = `${motherAccount.given_name} ${motherAccount.family_name}`;

    const unitName = async (id: string | null) => (await db.selectFrom('service_unit').select('name').where('id', '=', id!).executeTakeFirstOrThrow()).name;
    const [schoolName, nurseUnitName] = await Promise.all([unitName(teacherRow.service_unit_id), unitName(nurse.service_unit_id)]);

    // The relay log at level 2 under the family's consent to collaborate.
    const [teacher, motherApi] = await Promise.all([signedIn(env.testApp.app, 'fagperson.skole'), signedIn(env.testApp.app, 'forelder')]);
    const child = await involvedChild(teacher, motherApi);
    const childName = `${child.givenName} ${child.familyName}`;
    expect((await teacher.post('/api/worries', { personId: child.id, categories: ['social'], description: 'Trekker seg unna i friminuttene.', noticedOn: today() })).statusCode).toBe(201);
    const consent = await teacher.post(`/api/people/${child.id}/consents`, {
      method: 'paper', childView: 'Vil gjerne ha hjelp til å få venner.', giverIds: [motherAccount.id], validFrom: today(), validTo: daysFromToday(365),
      purposes: ['collaboration'], categories: ['social', 'health'], recipientUnitIds: [teacherRow.service_unit_id], recipientUnitTypes: ['health_station'],
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const status = (await teacher.get(`/api/people/${child.id}/case-status`)).json();
    expect((await teacher.post(`/api/cases/${status.case.id}/level`, { toLevel: 2, reason: 'Flere tjenester trengs.', version: status.case.version })).statusCode).toBe(200);
    expect((await teacher.post(`/api/cases/${status.case.id}/entries`, { kind: 'goal', category: 'social', title: GOAL })).statusCode).toBe(201);
    const measure = await teacher.post(`/api/cases/${status.case.id}/entries`, { kind: 'measure', category: 'health', title: MEASURE, responsibleStaffId: nurse.id, startsOn: today(), evaluateOn: daysFromToday(60) });
    expect(measure.statusCode, measure.body).toBe(201);

    const t = await openPage(env);
    const { page } = t;

    // The mother asks on Min side.
    await signInAs(page, motherName);
    await page.getByRole('link', { name: childName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: childName }).waitFor();
    const familyPlan = page.getByTestId('family-plan');
    await familyPlan.getByText('Du kan be om en individuell plan og en koordinator.').waitFor();
    await familyPlan.getByText('Be om individuell plan eller koordinator').click();
    await familyPlan.getByLabel('Hvorfor').fill('Mange tjenester er inne, og vi trenger én som holder tråden.');
    await familyPlan.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Forespørselen er sendt til koordinerende enhet.').waitFor();
    await familyPlan.getByText('Venter på svar', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the request on Min side');
    // Her consent to the plan, given here: the school and the health station may work on it together.
    await page.getByTestId('give-consent').getByText('Gi samtykke').first().click();
    const give = page.locator('section[aria-labelledby="give-consent"] form');
    await give.getByRole('checkbox', { name: 'Individuell plan: samarbeid om planen' }).check();
    const kinds = give.getByRole('group', { name: 'Hvilke opplysninger' });
    await kinds.getByRole('checkbox', { name: 'Sosialt' }).check();
    await kinds.getByRole('checkbox', { name: 'Helse' }).check();
    await give.getByRole('checkbox', { name: schoolName }).check();
    await give.getByRole('checkbox', { name: nurseUnitName }).check();
    await give.getByLabel('Gjelder til').fill(typedDate(365));
    await give.getByLabel(`Det ${child.givenName} selv mener`, { exact: false }).fill('Vil gjerne at de voksne snakker sammen.');
    await give.getByRole('button', { name: 'Gi samtykke' }).click();
    await page.getByText('Samtykket er gitt.').waitFor();
    await signOut(page);

    // Koordinerende enhet lands on its queue, grants the request and appoints the health nurse.
    await signInAs(page, unit.display_name);
    await page.getByRole('heading', { level: 1, name: 'Koordinerende enhet' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/koordinerende-enhet');
    const card = page.getByTestId('plan-request-card').filter({ hasText: childName });
    await card.getByText('Dager ventet: 0').waitFor();
    await card.getByText(`Spurt av familien: ${motherName}`).waitFor();
    await expectNoAxeViolations(page, 'Koordinerende enhet\'s queue');
    await card.getByRole('link', { name: childName }).click();
    await page.getByText('Mange tjenester er inne, og vi trenger én som holder tråden.').waitFor();
    await page.getByLabel('Innvilg').check();
    const choice = page.getByLabel('Koordinator', { exact: true });
    await choice.selectOption((await choice.locator('option', { hasText: nurse.display_name }).getAttribute('value'))!);
    await page.getByLabel('Begrunnelse').fill('Langvarige behov og flere tjenester.');
    await expectNoAxeViolations(page, 'the request at Koordinerende enhet');
    await page.getByRole('button', { name: 'Lagre avgjørelsen' }).click();
    await page.getByText(`Innvilget. ${nurse.display_name} er oppnevnt som koordinator og må godta.`).waitFor();
    await page.getByTestId('plan-pending').filter({ hasText: nurse.display_name }).waitFor();
    await expectNoAxeViolations(page, 'the request granted');
    await signOut(page);

    // The health nurse accepts from the child's page and opens the plan: the log's goal and measure are there.
    await signInAs(page, nurse.display_name);
    await page.goto(`/barn/${child.id}`);
    const link = page.getByTestId('plan-link');
    await link.getByText('Du er oppnevnt som koordinator og må svare.').waitFor();
    await expectNoAxeViolations(page, 'the child\'s page with the appointment');
    await link.getByRole('link', { name: 'Åpne individuell plan' }).click();
    await page.getByRole('heading', { level: 1, name: `Individuell plan: ${childName}` }).waitFor();
    await expectNoAxeViolations(page, 'the plan page with the appointment');
    await page.getByRole('button', { name: 'Godta å være koordinator' }).click();
    await page.getByText('Du er nå koordinator.').waitFor();
    await page.getByTestId('plan-coordinator').getByRole('heading', { name: `Koordinator: ${nurse.display_name}` }).waitFor();
    await page.getByRole('button', { name: 'Opprett individuell plan' }).click();
    await page.getByText('Planen er opprettet.').waitFor();
    const logItems = page.getByTestId('plan-log-items');
    await logItems.getByText(GOAL, { exact: true }).waitFor();
    await logItems.getByText(MEASURE).waitFor();
    await logItems.getByText(`Ansvarlig: ${nurse.display_name}`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'the plan opened');
    // She calls the plan's first meeting (ansvarsgruppemøte) with the mother and the teacher; she is
    // invited herself as its chair. Without a date the server refuses, and the form keeps what she chose.
    await page.getByTestId('plan-meeting-call').getByText('Kall inn til møte').click();
    const call = page.getByTestId('plan-meetings').locator('form');
    const chair = call.getByRole('checkbox', { name: `${nurse.display_name}, ${nurseUnitName} (møteleder, inviteres alltid)` });
    expect(await chair.isChecked()).toBe(true);
    await call.getByLabel('Sted').fill(PLACE);
    await call.getByRole('checkbox', { name: motherName }).check();
    await call.getByRole('checkbox', { name: `${teacherRow.display_name}, ${schoolName}` }).check();
    await call.getByRole('button', { name: 'Send invitasjonene' }).click();
    await call.getByRole('link', { name: /Dato/ }).first().waitFor();
    await expectNoAxeViolations(page, 'the meeting refused without a date');
    expect(await call.getByLabel('Sted').inputValue()).toBe(PLACE);
    expect(await call.getByRole('checkbox', { name: motherName }).isChecked()).toBe(true);
    expect(await call.getByRole('checkbox', { name: `${teacherRow.display_name}, ${schoolName}` }).isChecked()).toBe(true);
    expect(await chair.isChecked()).toBe(true);
    await call.getByLabel('Dato').fill(typedDate(7));
    await call.getByRole('button', { name: 'Send invitasjonene' }).click();
    await page.getByText('Møtet er kalt inn, og invitasjonene er sendt.').waitFor();
    await page.getByTestId('plan-meeting').getByText('Planlagt').waitFor();
    await expectNoAxeViolations(page, 'the plan with its meeting called');
    // The meeting's page lists the coordinator among those invited, with the mother and the teacher.
    await page.getByTestId('plan-meeting').getByRole('link').first().click();
    const participants = page.getByTestId('participants');
    for (const name of [nurse.display_name, teacherRow.display_name, motherName]) await participants.getByText(name, { exact: false }).first().waitFor();
    await page.getByText(PLACE, { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'the plan\'s meeting page');
    await signOut(page);

    // The mother writes her own goal, confirms the plan and downloads it.
    await signInAs(page, motherName);
    await page.getByRole('link', { name: childName, exact: true }).click();
    await familyPlan.getByRole('heading', { name: `Koordinator: ${nurse.display_name}` }).waitFor();
    await familyPlan.getByTestId('plan-log-items').getByText(GOAL).waitFor();
    await familyPlan.getByTestId('plan-log-items').getByText(MEASURE).waitFor();
    await familyPlan.getByTestId('plan-meeting').getByText('Planlagt').waitFor();
    await expectNoAxeViolations(page, 'the plan on Min side');
    await familyPlan.getByLabel('Målet med dine egne ord').fill(OWN_GOAL);
    await familyPlan.getByRole('button', { name: 'Lagre målet' }).click();
    await page.getByText('Målet er lagret.').waitFor();
    await familyPlan.getByTestId('plan-goals').getByText(OWN_GOAL).first().waitFor();
    // The mother reads the child's name where the staff's plan says "barnet".
    expect(await familyPlan.getByTestId('plan-goals').getByRole('heading').first().textContent()).toBe(`Egne mål for familien og ${child.givenName}`);
    await familyPlan.getByRole('button', { name: 'Bekreft planen' }).click();
    await page.getByText('Du har bekreftet planen.').waitFor();
    await familyPlan.getByTestId('plan-confirmation').filter({ hasText: `Bekreftet av ${motherName}` }).waitFor();
    expect(await familyPlan.getByRole('button', { name: 'Bekreft planen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the plan confirmed on Min side');
    const [download] = await Promise.all([page.waitForEvent('download'), familyPlan.getByRole('link', { name: 'Last ned planen som PDF' }).click()]);
    const text = await pdfText(Buffer.concat(await (await download.createReadStream()).toArray()));
    expect(text).toContain('Individuell plan');
    expect(text).toContain(childName);
    expect(text).toContain(nurse.display_name);
    expect(text).toContain(GOAL);
    expect(text).toContain(MEASURE);
    expect(text).toContain(OWN_GOAL);
    expect(text).toContain(`Bekreftet av ${motherName}`);

    expectNoProblems(t);
    await t.close();
  });
});
