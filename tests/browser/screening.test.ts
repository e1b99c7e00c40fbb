// A screening from the health nurse to a new mother's Min side (issue 16), axe on every page: the
// health nurse sends the EPDS to the new mother (the `gravid` log-in); she answers on her phone (390×844) in
// nynorsk with a total of 14; Kari sees the score, the threshold's text and the suggested step, and
// takes the suggestion into the relay log as a measure with its goal; Hanna rates the goal at the
// start and again at the evaluation, and the curve beside the goal shows two points. The screening
// stands on Hanna's own page, not on a child's. Texts are asked of the translation files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../common/i18n/index.ts';
import { EPDS } from '../../server/modules/questionnaires/instruments.ts';
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
const nn = (key: MessageKey, params?: MessageParams) => translate('nn', key, params);
/** A total of 14: over the threshold for probable depression, and 0 on the self-harm item. */
const ANSWERS = [2, 2, 2, 2, 1, 1, 1, 1, 2, 0];
const GOAL = 'Hanna søv betre og har overskot i kvardagen';

describe('a screening sent to a new mother\'s Min side', () => {
  it('is answered in nynorsk on a phone, scored, taken into the log, and the goal\'s progress rated twice', async () => {
    const nurse = await openPage(env);
    const mother = await openPage(env, { width: 390, height: 844 });
    const { page } = nurse;
    const phone = mother.page;
    // The new mother is the woman who signs in as `gravid`; the nurse the `helsesykepleier` log-in: the names the database has.
    const [woman, nurseName] = [await nameOf(env, 'gravid'), await nameOf(env, 'helsesykepleier')];

    // The nurse finds Hanna by her name in her list and sends the EPDS to her Min side.
    await signInAs(page, nurseName);
    await page.goto('/barn');
    await page.getByRole('main').getByRole('link', { name: woman, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: woman }).waitFor();
    const screenings = page.getByTestId('screenings');
    await screenings.locator('summary', { hasText: nb('questionnaires.ui.start') }).click();
    await screenings.getByLabel(nb('questionnaires.ui.instrument')).selectOption({ label: EPDS.title.nb });
    await screenings.getByRole('radio', { name: nb('questionnaires.ui.modeMinSide') }).check();
    await screenings.getByRole('button', { name: nb('questionnaires.ui.sendToMinSide') }).click();
    await page.getByText(nb('questionnaires.ui.sentToMinSide')).waitFor();
    await screenings.getByTestId('screening').filter({ hasText: nb('questionnaires.ui.statusSent') }).first().waitFor();
    await expectNoAxeViolations(page, 'the mother\'s page with the screening sent');

    // Hanna, on her phone and in nynorsk, finds it on her own page and sees who sent it.
    await signInAs(phone, woman);
    await phone.getByRole('button', { name: 'Nynorsk' }).click();
    await phone.goto('/min-side');
    await phone.getByRole('main').getByRole('link', { name: woman, exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: woman }).waitFor();
    const mine = phone.getByTestId('screenings');
    await mine.getByRole('heading', { level: 2, name: nn('questionnaires.ui.mineHeading') }).waitFor();
    await expectNoAxeViolations(phone, 'Hanna\'s own page with the form waiting');
    await expectFitsWidth(phone, 'Hanna\'s own page');
    await mine.getByRole('link', { name: nn('questionnaires.ui.answerNow') }).click();
    await phone.getByRole('heading', { level: 1, name: EPDS.title.nn }).waitFor();
    expect(await phone.getByTestId('screening-sent').textContent()).toContain(nurseName);
    // The instrument's source and licence stand on the form.
    expect(await phone.getByTestId('attribution').textContent()).toContain(EPDS.source.nn.slice(0, 30));
    const questions = phone.getByTestId('question');
    expect(await questions.count()).toBe(EPDS.item.length);
    await questions.first().getByText(EPDS.item[0]!.text.nn).waitFor();
    await expectNoAxeViolations(phone, 'the EPDS form in nynorsk');
    await expectFitsWidth(phone, 'the EPDS form at 390 px');
    for (const [i, score] of ANSWERS.entries()) {
      const option = EPDS.item[i]!.answerOption.find((o) => o.score === score)!;
      await questions.nth(i).getByRole('radio', { name: option.display.nn, exact: true }).check();
    }
    await phone.getByRole('button', { name: nn('questionnaires.ui.send') }).click();
    await phone.getByTestId('screening-thanks').waitFor();
    await expectNoAxeViolations(phone, 'the form answered');
    await signOut(phone, 'Logg ut');

    // The nurse sees the score, the threshold's text and the step the action guide suggests.
    await page.reload();
    await screenings.getByTestId('screening').filter({ hasText: nb('questionnaires.ui.statusAnswered') }).getByRole('link', { name: EPDS.title.nb }).click();
    await page.getByRole('heading', { level: 1, name: EPDS.title.nb }).waitFor();
    const result = page.getByTestId('screening-result');
    await result.getByText(nb('questionnaires.ui.score', { score: 14, max: 30 })).waitFor();
    const threshold = EPDS.thresholds.find((t) => t.from <= 14 && 14 <= t.to)!;
    await result.getByText(threshold.text.nb).waitFor();
    await result.getByText(nb('questionnaires.ui.suggestedStep'), { exact: false }).waitFor();
    expect(await page.getByTestId('attribution').textContent()).toContain(EPDS.licence.nb.slice(0, 30));
    await expectNoAxeViolations(page, 'the screening\'s result');

    // One action takes the suggestion into the relay log as a measure, with the goal it works towards.
    const take = page.getByTestId('take-into-log');
    await take.getByLabel(nb('questionnaires.ui.goal')).fill(GOAL);
    await take.getByLabel(nb('questionnaires.ui.evaluateOn')).fill(typedDate(42));
    await take.getByRole('button', { name: nb('questionnaires.ui.take') }).click();
    await page.getByTestId('screening-in-log').waitFor();
    await page.getByRole('link', { name: nb('questionnaires.ui.openLog') }).click();
    await page.getByRole('heading', { level: 1, name: woman }).waitFor();
    const measure = page.getByTestId('log-entry').filter({ hasText: threshold.measure.nb });
    await measure.first().waitFor();
    await expectNoAxeViolations(page, 'the relay log with the measure');

    // Hanna rates the goal when the measure starts, and again at the evaluation: two points.
    await signInAs(phone, woman);
    await phone.goto('/min-side');
    await phone.getByRole('main').getByRole('link', { name: woman, exact: true }).click();
    const goal = phone.getByTestId('log-entry').filter({ hasText: GOAL });
    for (const [n, score] of [3, 6].entries()) {
      const progress = goal.getByTestId('goal-progress');
      const panel = progress.locator('details').filter({ has: phone.locator('summary', { hasText: nn('questionnaires.goal.rateCitizen') }) });
      if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
      await progress.getByRole('radio', { name: String(score), exact: true }).check();
      await progress.getByRole('button', { name: nn('questionnaires.goal.send') }).click();
      await expect.poll(() => progress.getByTestId('goal-point').count()).toBe(n + 1);
    }
    const table = goal.getByTestId('goal-progress').getByRole('table');
    await table.getByRole('cell', { name: nn('questionnaires.goal.start') }).waitFor();
    await table.getByRole('cell', { name: nn('questionnaires.goal.evaluation') }).waitFor();
    await expectNoAxeViolations(phone, 'the goal\'s curve on Min side');
    await expectFitsWidth(phone, 'the goal\'s curve at 390 px');

    // The nurse sees the same curve beside the goal.
    await page.reload();
    const staffGoal = page.getByTestId('log-entry').filter({ hasText: GOAL });
    await expect.poll(() => staffGoal.getByTestId('goal-point').count()).toBe(2);

    expectNoProblems(nurse);
    expectNoProblems(mother);
    await nurse.close();
    await mother.close();
  });
});
