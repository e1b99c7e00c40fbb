// Notifications in the browser: the rector imports absence, so the contact teacher (of the
// `forelder` mother's older child) gets a notification — the header counts it, the list names the child, he marks it read — and the
// e-mail about it waits in the development mailbox (the administrator's) without the child's name. A parent chooses
// e-mail notifications on the same page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../server/infra/jobs/queue.ts';
import { jobHandlers } from '../../server/jobs.ts';
import { demoPeople, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

describe('notifications', () => {
  it('reach the contact teacher in the app and by e-mail, and a parent chooses e-mail', async () => {
    const db = env.testApp.database.db;
    // The pupil: the mother's older child, at the school where the rector and the contact teacher work.
    const demo = await demoPeople(env);
    const jonas = demo.olderChild;
    const henrik = await db.selectFrom('staff_user').select(['email', 'display_name']).where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow();
    const t = await openPage(env);
    const { page } = t;

    await signInAs(page, await nameOf(env, 'teamleder'));
    await page.goto('/fravaer');
    await page.getByLabel('CSV-fil med fravær').setInputFiles({
      name: 'fravaer.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`fodselsnummer;fra;til;fravaer_prosent;progresjon;kontaktlaerer_epost\n${jonas.nationalId};01.01.2027;30.06.2027;20;svak;${henrik.email}\n`),
    });
    await page.getByRole('button', { name: 'Importer fila' }).click();
    await page.getByText('Fila er importert. Linjer lagret: 1.').waitFor();
    await signOut(page);
    // The background job delivers the mail (to the development mailbox: no SMTP here).
    await new Worker(db, jobHandlers(env.testApp.config)).drain();

    await signInAs(page, henrik.display_name);
    const header = page.getByRole('banner');
    await header.getByRole('link', { name: /^Varsler \(uleste: \d+\)$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const notice = page.getByRole('link', { name: `${jonas.name} har 20 % fravær og svak progresjon. Se første steg i handlingsveilederen.` });
    await notice.waitFor();
    await expectNoAxeViolations(page, 'notifications with an unread one');
    const card = page.locator('.notification-card').filter({ has: notice });
    await card.getByRole('button', { name: 'Merk som lest' }).click();
    await page.getByText('Varselet er merket som lest.').waitFor();
    await expect.poll(() => card.getByText('Ulest', { exact: true }).count()).toBe(0);
    await header.getByRole('link', { name: 'Varsler', exact: true }).waitFor();
    await notice.click();
    await page.getByRole('heading', { level: 1, name: 'Fravær' }).waitFor();
    // Everyone's mail is in the development mailbox: only the administrator is offered it.
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Utviklingspostkasse (e-post)' }).count()).toBe(0);
    await signOut(page);

    await signInAs(page, await nameOf(env, 'administrator'));
    await page.getByRole('contentinfo').getByRole('link', { name: 'Utviklingspostkasse (e-post)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utviklingspostkasse' }).waitFor();
    const mail = page.locator('.mail-card').filter({ has: page.getByRole('heading', { name: 'Nytt varsel i Sammen: Høyt fravær' }) }).first();
    await mail.waitFor();
    const mailText = await mail.textContent();
    expect(mailText).toContain(henrik.email);
    expect(mailText).toContain('Levert til utviklingspostkassen');
    expect(mailText).not.toContain(jonas.givenName);
    expect(mailText).not.toContain(jonas.familyName);
    await expectNoAxeViolations(page, 'development mailbox');
    await signOut(page);

    await signInAs(page, demo.mother.name);
    await page.getByRole('banner').getByRole('link', { name: 'Varsler', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const choice = page.getByRole('checkbox', { name: 'Send meg en e-post når jeg får et nytt varsel' });
    expect(await choice.isChecked()).toBe(false);
    await choice.check();
    await page.getByRole('button', { name: 'Lagre valget' }).click();
    await page.getByText('Valget ditt er lagret.').waitFor();
    await expectNoAxeViolations(page, 'citizen notifications with the e-mail choice');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Send meg en e-post når jeg får et nytt varsel' }).isChecked()).toBe(true);
    expectNoProblems(t);
    await t.close();
  });
});
