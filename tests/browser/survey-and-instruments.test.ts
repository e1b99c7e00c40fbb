// The collaboration survey and the administrator's instruments (issue 16), axe on every page: the
// SBU coordinator reads last round's results per service type (groups under the small-number
// threshold left out) and schedules a new round; a contact teacher answers it from the task list;
// the administrator makes a new version of the municipality's own instrument in the editor — a
// threshold that overlaps is refused with the field named, nothing stored, and the corrected
// version retires the one before. Texts are asked of the translation files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../common/i18n/index.ts';
import type { SurveyResultsResponse } from '../../common/contracts/questionnaires.ts';
import { LANGUAGE_HEADER } from '../../common/roles.ts';
import { COLLABORATION } from '../../server/modules/questionnaires/instruments.ts';
import { EVERYDAY } from '../../server/demo/questionnaires.ts';
import { typedDate } from '../support/clock.ts';
import { expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
beforeAll(async () => {
  env = await startBrowserApp();
});
afterAll(async () => {
  await env?.close();
});

const nb = (key: MessageKey, params?: MessageParams) => translate('nb', key, params);
const ROUND = 'Samhandlingsundersøkelsen, vår';

describe('the collaboration survey and the instruments', () => {
  it('a round is scheduled and answered from the task list; results hide small groups; a new instrument version is made in the editor', async () => {
    const staff = await openPage(env);
    const { page } = staff;

    // The SBU coordinator reads the completed round: only service types with enough answers show.
    await signInAs(page, await nameOf(env, 'sbu.koordinator'));
    await page.goto('/samhandling');
    const results = page.getByTestId('survey-results');
    await results.getByRole('table').first().waitFor();
    const api = await page.evaluate(async (header) => (await fetch('/api/surveys/results', { headers: { [header]: 'nb' } })).json(), LANGUAGE_HEADER) as SurveyResultsResponse;
    const shown = api.rounds.find((r) => r.groups.length > 0)!;
    expect(shown.groups.every((g) => g.respondents >= api.minGroup)).toBe(true);
    const table = results.getByTestId('survey-round-result').filter({ hasText: shown.title }).getByRole('table');
    expect(await table.locator('thead th').count()).toBe(shown.groups.length + 1);
    await table.getByRole('rowheader', { name: COLLABORATION.item[0]!.text.nb }).waitFor();
    await expectNoAxeViolations(page, 'the survey page with its results');

    await page.getByTestId('schedule-open').locator('summary').click();
    const schedule = page.getByTestId('schedule-round');
    await schedule.getByLabel(nb('questionnaires.survey.roundTitle')).fill(ROUND);
    await schedule.getByLabel(nb('questionnaires.survey.opensOn')).fill(typedDate(0));
    await schedule.getByLabel(nb('questionnaires.survey.closesOn')).fill(typedDate(21));
    await schedule.getByRole('button', { name: nb('questionnaires.survey.schedule') }).click();
    await page.getByTestId('survey-round').filter({ hasText: ROUND }).getByText(nb('questionnaires.survey.open')).waitFor();
    await signOut(page);

    // A contact teacher finds the round in the task list and answers it; it then leaves the list.
    await signInAs(page, await nameOf(env, 'fagperson.skole'));
    await page.goto('/barn');
    await page.getByTestId('task-survey').filter({ hasText: ROUND }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await page.getByText(nb('questionnaires.survey.anonymous')).waitFor();
    await expectNoAxeViolations(page, 'the survey form');
    const questions = page.getByTestId('question');
    expect(await questions.count()).toBe(COLLABORATION.item.length);
    for (const [i, item] of COLLABORATION.item.entries()) {
      await questions.nth(i).getByRole('radio', { name: item.answerOption[3]!.display.nb, exact: true }).check();
    }
    await page.getByRole('button', { name: nb('questionnaires.survey.send') }).click();
    await page.getByTestId('survey-answered').waitFor();
    await expectNoAxeViolations(page, 'the survey answered');
    await page.goto('/barn');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('task-survey').filter({ hasText: ROUND }).count()).toBe(0);
    await signOut(page);

    // The administrator makes the municipality's own instrument's next version in the editor.
    await signInAs(page, await nameOf(env, 'administrator'));
    await page.goto('/admin/skjema');
    const card = page.getByTestId('instrument').filter({ hasText: EVERYDAY.title.nb });
    await card.locator('summary', { hasText: nb('questionnaires.admin.newVersion') }).click();
    const editor = card.getByTestId('define-instrument');
    // The third question moves up; the FHIR view follows.
    await editor.getByRole('button', { name: nb('questionnaires.editor.moveUp', { n: 3 }) }).click();
    await editor.locator('summary', { hasText: nb('questionnaires.editor.showFhir') }).click();
    const fhir = JSON.parse(await editor.getByTestId('fhir-json').textContent() ?? '{}') as { item: { linkId: string }[] };
    expect(fhir.item.map((i) => i.linkId)).toEqual(['1', '3', '2']);
    // A second threshold from 6 overlaps the first (4–6): refused, with the field named.
    await editor.getByRole('button', { name: nb('questionnaires.editor.addThreshold') }).click();
    const second = editor.getByTestId('editor-threshold').nth(1);
    await second.getByLabel(nb('questionnaires.editor.from')).fill('6');
    await second.getByLabel(nb('questionnaires.editor.to')).fill('6');
    for (const [group, texts] of [['questionnaires.editor.thresholdText', ['Skåre 6: alt er tungt nå.', 'Skåre 6: alt er tungt no.', 'Score of 6: everything is hard now.']], ['questionnaires.editor.measure', ['Samtale med fastlegen', 'Samtale med fastlegen', 'A talk with the GP']]] as const) {
      const fieldset = second.getByRole('group', { name: nb(group) });
      for (const [n, lang] of (['nb', 'nn', 'en'] as const).entries()) await fieldset.getByLabel(nb(`cases.ui.guide.lang.${lang}`), { exact: true }).fill(texts[n]!);
    }
    await second.getByLabel(nb('questionnaires.editor.pregnancyGuideStep'), { exact: false }).selectOption({ label: nb('questionnaires.ui.stepLine', { level: 2, title: 'Involver fastlege, psykisk helse og rus' }) });
    await editor.getByRole('button', { name: nb('questionnaires.admin.publishVersion') }).click();
    await second.getByText(nb('questionnaires.err.thresholdsOverlap')).waitFor();
    await expectNoAxeViolations(page, 'the editor with a refused threshold');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFitsWidth(page, 'the editor at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The first threshold ends at 5 instead; the version is published and the one before retired.
    await editor.getByTestId('editor-threshold').first().getByLabel(nb('questionnaires.editor.to')).fill('5');
    await editor.getByRole('button', { name: nb('questionnaires.admin.publishVersion') }).click();
    await page.getByText(nb('questionnaires.admin.published')).waitFor();
    await card.getByText(nb('questionnaires.admin.version', { version: 2 }), { exact: true }).waitFor();
    await card.locator('summary', { hasText: nb('questionnaires.admin.versions') }).click();
    const versions = card.getByTestId('instrument-versions').locator(':scope > li');
    await expect.poll(() => versions.count()).toBe(2);
    await versions.nth(0).getByText(nb('questionnaires.admin.inUse')).waitFor();
    await versions.nth(1).getByText(nb('questionnaires.admin.retired')).waitFor();
    await expectNoAxeViolations(page, 'the instruments with the new version');
    await expectFitsWidth(page, 'the instruments page');

    expectNoProblems(staff);
    await staff.close();
  });
});
