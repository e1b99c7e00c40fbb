// The scoring rule and the checks of a definition, as pure functions: the same for the built-in
// instruments, the municipality's own and the collaboration survey.
import type { Definition } from '../../../common/contracts/questionnaires.ts';
import type { MessageKey } from '../../../common/i18n/index.ts';

export interface Problem { field: string; messageKey: MessageKey; params?: Record<string, string | number> }

/** The highest total the items allow: each item's highest option. */
export function maxScore(definition: Definition): number {
  return definition.item.reduce((sum, i) => sum + Math.max(...i.answerOption.map((o) => o.score)), 0);
}

/**
 * What makes a definition unusable: link ids or subscales that clash, an option's score twice in one
 * item, an alert no answer reaches, and thresholds that overlap, run backwards or lie beyond what
 * the items add up to.
 */
export function checkDefinition(definition: Definition): Problem[] {
  const problems: Problem[] = [];
  const linkIds = new Set<string>();
  const subscales = new Set(definition.scoring.subscales.map((s) => s.key));
  definition.item.forEach((item, i) => {
    if (linkIds.has(item.linkId)) problems.push({ field: `definition.item.${i}.linkId`, messageKey: 'questionnaires.err.duplicateLinkId' });
    linkIds.add(item.linkId);
    const scores = item.answerOption.map((o) => o.score);
    if (new Set(scores).size !== scores.length) problems.push({ field: `definition.item.${i}.answerOption`, messageKey: 'questionnaires.err.duplicateScore' });
    if (item.subscale && !subscales.has(item.subscale)) problems.push({ field: `definition.item.${i}.subscale`, messageKey: 'questionnaires.err.unknownSubscale' });
    if (item.alertFrom !== undefined && item.alertFrom > Math.max(...scores)) problems.push({ field: `definition.item.${i}.alertFrom`, messageKey: 'questionnaires.err.alertUnreachable' });
  });
  const max = maxScore(definition);
  const sorted = definition.thresholds.map((t, i) => ({ ...t, i })).sort((a, b) => a.from - b.from);
  sorted.forEach((t, n) => {
    if (t.to < t.from) problems.push({ field: `definition.thresholds.${t.i}.to`, messageKey: 'questionnaires.err.thresholdBackwards' });
    else if (t.to > max) problems.push({ field: `definition.thresholds.${t.i}.to`, messageKey: 'questionnaires.err.thresholdBeyondMax', params: { max } });
    const before = sorted[n - 1];
    if (before && t.from <= before.to) problems.push({ field: `definition.thresholds.${t.i}.from`, messageKey: 'questionnaires.err.thresholdsOverlap' });
  });
  if (definition.item.some((i) => i.alertFrom !== undefined) && !definition.alertText) problems.push({ field: 'definition.alertText', messageKey: 'errors.required' });
  return problems;
}

export interface Scored {
  score: number;
  subscores: Record<string, number>;
  thresholdKey: string | null;
  alertItems: string[];
}

/**
 * Scores an answer (QuestionnaireResponse.item: each item's linkId and the score of the option
 * chosen). An answer outside an item's options, an unknown item and a missing required item are
 * problems; nothing is scored then.
 */
export function score(definition: Definition, answers: readonly { linkId: string; score: number }[]): { scored: Scored } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const byLinkId = new Map<string, number>();
  answers.forEach((a, n) => {
    const item = definition.item.find((i) => i.linkId === a.linkId);
    if (!item) problems.push({ field: `answers.${n}.linkId`, messageKey: 'questionnaires.err.unknownItem' });
    else if (byLinkId.has(a.linkId)) problems.push({ field: `answers.${n}.linkId`, messageKey: 'questionnaires.err.answeredTwice' });
    else if (!item.answerOption.some((o) => o.score === a.score)) problems.push({ field: `answers.${n}.score`, messageKey: 'questionnaires.err.notAnOption' });
    byLinkId.set(a.linkId, a.score);
  });
  definition.item.forEach((item) => {
    if (item.required && !byLinkId.has(item.linkId)) problems.push({ field: `item.${item.linkId}`, messageKey: 'questionnaires.err.missingAnswer' });
  });
  if (problems.length > 0) return { problems };
  let total = 0;
  const subscores: Record<string, number> = Object.fromEntries(definition.scoring.subscales.map((s) => [s.key, 0]));
  const alertItems: string[] = [];
  for (const item of definition.item) {
    const value = byLinkId.get(item.linkId);
    if (value === undefined) continue;
    total += value;
    if (item.subscale) subscores[item.subscale] = (subscores[item.subscale] ?? 0) + value;
    if (item.alertFrom !== undefined && value >= item.alertFrom) alertItems.push(item.linkId);
  }
  const threshold = definition.thresholds.find((t) => total >= t.from && total <= t.to);
  return { scored: { score: total, subscores, thresholdKey: threshold?.key ?? null, alertItems } };
}
