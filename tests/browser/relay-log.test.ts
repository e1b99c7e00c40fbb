// The whole path from concern to action, in the browser: a kindergarten teacher notes a worry about
// a child of hers (the `forelder` mother's younger one), talks with her parents, records the mother's
// paper consent, writes two measures and an evaluation in the relay log, and hands the baton to the
// health nurse, who accepts; when the child is enrolled at school the nurse plans the transition and hands the baton to the school, which then
// sees only what the transition consent covers. The path is walked once, in bokmål; the school's
// view of the finished case is then read in nynorsk and English (every text key is in all three,
// tests/server/i18n.test.ts). Every page state visited passes axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { translate, type MessageKey, type MessageParams } from '../../common/i18n/index.ts';
import type { Language } from '../../common/roles.ts';
import { DEFAULT_GUIDE } from '../../server/modules/cases/default-guide.ts';
import { demoPeople, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { today, typedDate } from '../support/clock.ts';
import { daysBetween } from '../../common/dates.ts';

const LANGUAGE_BUTTON: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

/** Days from today to the next 15 August, when school starts. */
function daysToNextSchoolStart(): number {
  const now = today();
  const year = Number(now.slice(0, 4));
  const start = `${year}-08-15` > now ? `${year}-08-15` : `${year + 1}-08-15`;
  return daysBetween(now, start);
}

describe('from concern to action', () => {
  let env: BrowserApp;
  let lang: Language = 'nb';
  const m = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const formWith = (page: Page, heading: string): Locator => page.locator('form').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  /** Less frequent actions are folded: open the panel by its summary, as a user would. */
  const panelForm = async (page: Page, title: string): Promise<Locator> => {
    const panel = page.locator('details.action-panel').filter({ has: page.locator('summary', { hasText: title }) });
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
    return panel.locator('form');
  };

  /** The people and units of the story, by role, with the names the pages show for them. */
  const names = { child: '', mother: '', teacher: '', kindergarten: '', nurse: '', healthStation: '', schoolTeacher: '', school: '' };
  /** A colleague as the pickers list them: `name, unit`. */
  const atUnit = (who: 'teacher' | 'nurse' | 'schoolTeacher') => `${names[who]}, ${names[({ teacher: 'kindergarten', nurse: 'healthStation', schoolTeacher: 'school' } as const)[who]]}`;

  beforeAll(async () => {
    env = await startBrowserApp();
    const demo = await demoPeople(env);
    Object.assign(names, {
      child: demo.youngerChild.name, mother: demo.mother.name,
      teacher: await nameOf(env, 'fagperson.barnehage'), kindergarten: await unitNameOf(env, 'fagperson.barnehage'),
      nurse: await nameOf(env, 'helsesykepleier'), healthStation: await unitNameOf(env, 'helsesykepleier'),
      schoolTeacher: await nameOf(env, 'fagperson.skole'), school: await unitNameOf(env, 'fagperson.skole'),
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  async function openTheChild(page: Page, who: string) {
    await signInAs(page, who);
    await page.getByRole('heading', { level: 1, name: m('ui.people.title') }).waitFor();
    await page.getByRole('main').getByRole('link', { name: names.child }).first().click();
    await page.getByRole('heading', { level: 1, name: names.child }).waitFor();
    await page.getByRole('heading', { level: 2, name: m('cases.ui.caseHeading') }).waitFor();
  }

  async function recordConsent(page: Page, purpose: string, categories: string[], units: string[]) {
    const form = page.locator('section[aria-labelledby="consent-register"] form');
    await form.getByRole('radio', { name: m('domain.consentMethod.paper') }).check();
    await form.getByRole('group', { name: m('ui.consent.givers') }).getByRole('checkbox', { name: names.mother }).check();
    await form.getByRole('checkbox', { name: m(`domain.consentPurpose.${purpose}` as MessageKey) }).check();
    for (const c of categories) await form.getByRole('group', { name: m('ui.consent.categories') }).getByRole('checkbox', { name: m(`domain.consentCategory.${c}` as MessageKey) }).check();
    for (const u of units) await form.getByRole('group', { name: m('ui.consent.recipients') }).getByRole('checkbox', { name: u }).check();
    await form.getByLabel(m('ui.consent.validFrom')).fill(typedDate(0));
    await form.getByLabel(m('ui.consent.validTo')).fill(typedDate(365));
    await form.getByRole('button', { name: m('ui.consent.submit') }).click();
    await page.getByText(m('ui.consent.recorded')).waitFor();
  }

  async function writeMeasure(page: Page, title: string, category: string, responsible: string, startsOn: number, evaluateOn: number) {
    const form = formWith(page, m('cases.ui.newEntry'));
    await form.getByLabel(m('cases.ui.entryKind')).selectOption({ label: m('cases.ui.kind.measure') });
    await form.getByLabel(m('cases.ui.category')).selectOption({ label: m(`domain.consentCategory.${category}` as MessageKey) });
    await form.getByLabel(m('cases.ui.title')).fill(title);
    await form.getByLabel(m('cases.ui.responsible')).selectOption({ label: responsible });
    await form.getByLabel(m('cases.ui.startsOn')).fill(typedDate(startsOn));
    await form.getByLabel(m('cases.ui.evaluateOn')).fill(typedDate(evaluateOn));
    await form.getByRole('button', { name: m('cases.ui.addEntry') }).click();
  }

  async function handOver(page: Page, to: string) {
    const form = await panelForm(page, m('cases.ui.handoverHeading'));
    await form.getByLabel(m('cases.ui.handoverTo')).selectOption({ label: to });
    await form.getByRole('button', { name: m('cases.ui.handoverSubmit') }).click();
    await page.getByText(m('cases.ui.handoverRequested')).waitFor();
    await page.getByTestId('pending-handover').waitFor();
  }

  async function accept(page: Page, holder: string) {
    await page.getByTestId('pending-handover').getByRole('button', { name: m('cases.ui.accept') }).click();
    await page.getByText(m('cases.ui.handoverAccepted')).waitFor();
    await expect.poll(() => page.getByTestId('relay-holder').textContent()).toContain(holder);
  }

  async function chooseLanguage(page: Page, language: Language) {
    lang = language;
    await page.goto('/');
    if (lang !== 'nb') await page.getByRole('button', { name: LANGUAGE_BUTTON[lang] }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  }

  it('walks the path as a kindergarten teacher, a health nurse and a school teacher', async () => {
    const t = await openPage(env);
    const { page } = t;
    await chooseLanguage(page, 'nb');

    // The kindergarten teacher notes a worry.
    await openTheChild(page, names.teacher);
    await page.getByText(m('cases.ui.noCase')).waitFor();
    await expectNoAxeViolations(page, `${lang}: person page before a case`);
    const worry = formWith(page, m('cases.ui.noteWorry'));
    await worry.getByRole('checkbox', { name: m('domain.consentCategory.language') }).check();
    await worry.getByLabel(m('cases.ui.worryText')).fill('Sier lite i samlingsstund, leker mest alene.');
    await worry.getByRole('button', { name: m('cases.ui.noteWorrySubmit') }).click();
    await page.getByText(m('cases.ui.worryNoted')).waitFor();
    await expect.poll(() => page.getByTestId('relay-holder').textContent()).toContain(names.teacher);
    await page.getByRole('heading', { name: m('cases.ui.stepsHeading', { level: 0 }) }).waitFor();
    await page.getByText(m('cases.ui.logClosed')).waitFor();
    await expectNoAxeViolations(page, `${lang}: case at level 0`);

    // She talks with the parents: the action guide's step is marked done, and the case moves to level 1.
    const talkWithParents = DEFAULT_GUIDE.find((s) => s.stepKey === 'talk_with_parents')!.title[lang];
    await page.getByRole('checkbox', { name: talkWithParents }).check();
    await page.getByText(m('cases.ui.stepDone')).waitFor();
    const levelForm = await panelForm(page, m('cases.ui.changeLevel'));
    await levelForm.getByLabel(m('cases.ui.newLevel')).selectOption({ label: m('cases.ui.levelName', { level: 1, name: m('cases.ui.level1') }) });
    await levelForm.getByLabel(m('cases.ui.reason')).fill('Foreldrene ønsker tiltak i barnehagen.');
    await levelForm.getByRole('button', { name: m('cases.ui.changeLevelSubmit') }).click();
    await page.getByText(m('cases.ui.levelChanged')).waitFor();
    await page.getByRole('heading', { name: m('cases.ui.stepsHeading', { level: 1 }) }).waitFor();

    // The mother's paper consent: collaboration for the kindergarten and the health station; for the
    // move to school she passes on language and development only.
    await recordConsent(page, 'collaboration', ['development', 'health', 'language'], [names.kindergarten, names.healthStation]);
    await recordConsent(page, 'transition', ['development', 'language'], [names.school]);
    await formWith(page, m('cases.ui.newEntry')).waitFor();
    await expectNoAxeViolations(page, `${lang}: relay log opened by consent`);

    // Two measures; a wrong evaluation date is refused with a clear message and nothing is written.
    await writeMeasure(page, 'Språkgruppe to ganger i uka', 'language', atUnit('teacher'), 0, -1);
    await page.locator('ds-error-summary').getByText(m('cases.err.evaluateBeforeStart')).waitFor();
    expect(await page.getByTestId('log-entry').count()).toBe(0);
    await expectNoAxeViolations(page, `${lang}: measure refused`);
    await formWith(page, m('cases.ui.newEntry')).getByLabel(m('cases.ui.evaluateOn')).fill(typedDate(42));
    await formWith(page, m('cases.ui.newEntry')).getByRole('button', { name: m('cases.ui.addEntry') }).click();
    await page.getByTestId('log-entry').filter({ hasText: 'Språkgruppe to ganger i uka' }).waitFor();
    await writeMeasure(page, 'Hørselstest på helsestasjonen', 'health', atUnit('nurse'), 0, 30);
    await page.getByTestId('log-entry').filter({ hasText: 'Hørselstest på helsestasjonen' }).waitFor();

    // An evaluation with the family's and the child's view.
    const entry = formWith(page, m('cases.ui.newEntry'));
    await entry.getByLabel(m('cases.ui.entryKind')).selectOption({ label: m('cases.ui.kind.evaluation') });
    await entry.getByLabel(m('cases.ui.category')).selectOption({ label: m('domain.consentCategory.language') });
    await entry.getByLabel(m('cases.ui.title')).fill('Evaluering etter seks uker');
    await entry.getByLabel(m('cases.ui.measure'), { exact: true }).selectOption({ label: 'Språkgruppe to ganger i uka' });
    await entry.getByRole('radio', { name: m('cases.ui.outcome.partly') }).check();
    await entry.getByLabel(new RegExp(m('cases.ui.familyView'))).fill('Hun snakker mer hjemme.');
    await entry.getByLabel(new RegExp(m('cases.ui.childView').replace(/[()]/g, '.'))).fill('Gøy med sanger.');
    await entry.getByRole('button', { name: m('cases.ui.addEntry') }).click();
    const measureCard = page.getByTestId('log-entry').filter({ hasText: 'Språkgruppe to ganger i uka' });
    await measureCard.getByText('Hun snakker mer hjemme.', { exact: false }).waitFor();
    expect(await measureCard.textContent()).toContain(m('cases.ui.outcome.partly'));
    await expectNoAxeViolations(page, `${lang}: relay log with measures and an evaluation`);

    // The baton goes to the health nurse, who is involved through her measure.
    await handOver(page, atUnit('nurse'));
    expect(await page.getByTestId('relay-holder').textContent()).toContain(names.teacher);
    await expectNoAxeViolations(page, `${lang}: handover waiting`);
    await signOut(page, m('ui.header.signOut'));

    await openTheChild(page, names.nurse);
    await accept(page, names.nurse);
    await expectNoAxeViolations(page, `${lang}: the nurse holds the baton`);

    // The child is enrolled at school: the transition is proposed, planned, and the baton handed to the school.
    const enrol = await panelForm(page, m('cases.ui.enrolHeading'));
    await enrol.getByLabel(m('cases.ui.enrolmentUnit')).selectOption({ label: names.school });
    await enrol.getByLabel(m('cases.ui.startsOn')).fill(typedDate(daysToNextSchoolStart()));
    await enrol.getByRole('button', { name: m('cases.ui.enrolSubmit') }).click();
    await page.getByText(m('cases.ui.enrolled')).waitFor();
    // The proposal now rests on the enrolment, and the school is chosen as the receiving unit.
    await page.getByTestId('proposed-transition').getByText(m('cases.ui.transitionByEnrolment', { to: m('cases.ui.stage.primary_school'), date: typedDate(daysToNextSchoolStart()) })).waitFor();
    if (process.env.SCREENSHOTS) {
      await page.locator('section[aria-labelledby="case-heading"]').screenshot({ path: `/tmp/case-${lang}-status.png` });
      await page.locator('section[aria-labelledby="relay-log"]').screenshot({ path: `/tmp/case-${lang}-log.png` });
    }
    const plan = await panelForm(page, m('cases.ui.planTransition'));
    await expect.poll(() => plan.getByLabel(m('cases.ui.receivingUnit')).locator('option:checked').textContent()).toBe(names.school);
    await plan.getByLabel(m('cases.ui.meetingDate')).fill(typedDate(14));
    await plan.getByLabel(m('cases.ui.meetingPlace')).fill(names.kindergarten);
    await expectNoAxeViolations(page, `${lang}: transition proposed`);
    await plan.getByRole('button', { name: m('cases.ui.planTransitionSubmit') }).click();
    await page.getByText(m('cases.ui.transitionPlanned')).waitFor();
    await handOver(page, atUnit('schoolTeacher'));
    await signOut(page, m('ui.header.signOut'));

    await openTheChild(page, names.schoolTeacher);
    await accept(page, names.schoolTeacher);
    await page.getByText(m('cases.ui.transitionStatus.completed')).waitFor();
    const visible = await page.getByTestId('visible-categories').textContent();
    expect(visible).toContain(m('domain.consentCategory.language'));
    expect(visible).not.toContain(m('domain.consentCategory.health'));
    await page.getByTestId('log-entry').filter({ hasText: 'Språkgruppe to ganger i uka' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Hørselstest på helsestasjonen');
    await expectNoAxeViolations(page, `${lang}: the school holds the baton`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/case-${lang}-school.png`, fullPage: true });
    await signOut(page, m('ui.header.signOut'));

    // The mother sees who holds the baton and comments on it in the log.
    await signInAs(page, names.mother);
    await page.getByRole('link', { name: names.child }).click();
    await page.getByRole('heading', { level: 1, name: names.child }).waitFor();
    await expect.poll(() => page.getByTestId('relay-holder').textContent()).toContain(names.schoolTeacher);
    await page.getByTestId('log-entry').filter({ hasText: 'Hørselstest på helsestasjonen' }).waitFor();
    await page.getByText(m('cases.ui.citizenNewEntry'), { exact: true }).first().click();
    const family = formWith(page, m('cases.ui.citizenNewEntry'));
    await family.getByLabel(m('cases.ui.entryKind')).selectOption({ label: m('cases.ui.kind.holder_comment') });
    await family.getByLabel(m('cases.ui.title')).fill('Fint at skolen tar over');
    await family.getByRole('button', { name: m('cases.ui.addEntry') }).click();
    await page.getByTestId('log-entry').filter({ hasText: 'Fint at skolen tar over' }).getByText(m('cases.ui.familyAuthor', { name: names.mother }), { exact: false }).waitFor();
    await expectNoAxeViolations(page, `${lang}: the family's view of the case`);
    await signOut(page, m('ui.header.signOut'));

    // The school's view of the finished case, in the other languages: the case, the log and the forms.
    for (const other of ['nn', 'en'] as const) {
      await chooseLanguage(page, other);
      await openTheChild(page, names.schoolTeacher);
      await expect.poll(() => page.getByTestId('relay-holder').textContent()).toContain(names.schoolTeacher);
      await page.getByText(m('cases.ui.transitionStatus.completed')).waitFor();
      await page.getByRole('heading', { name: m('cases.ui.stepsHeading', { level: 1 }) }).waitFor();
      const categories = await page.getByTestId('visible-categories').textContent();
      expect(categories).toContain(m('domain.consentCategory.language'));
      expect(categories).not.toContain(m('domain.consentCategory.health'));
      expect(await page.getByTestId('log-entry').filter({ hasText: 'Språkgruppe to ganger i uka' }).textContent()).toContain(m('cases.ui.outcome.partly'));
      await formWith(page, m('cases.ui.newEntry')).getByLabel(m('cases.ui.entryKind')).waitFor();
      await page.locator('details.action-panel summary', { hasText: m('cases.ui.handoverHeading') }).waitFor();
      await expectNoAxeViolations(page, `${lang}: the school holds the baton`);
      await signOut(page, m('ui.header.signOut'));
    }
    expectNoProblems(t);
    await t.close();
  });
});
