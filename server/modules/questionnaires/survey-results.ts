// The collaboration survey's results as plain figures, for the survey page and for the indicator
// register to read: per round (over time) and service type, the mean answer to each item, under the
// one small-number rule (common/suppression.ts): a group of fewer than the threshold is hidden, and
// so is a second one when the total would give a single hidden group back.
import type { Db, Tx } from '../../infra/db/database.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, isShown, shownValue, suppressTable } from '../../../common/suppression.ts';

export interface SurveyGroupResult {
  serviceType: string;
  respondents: number;
  /** Mean answer per item (linkId), rounded to two decimals. */
  means: Record<string, number>;
  /** How many item answers had each answer value (1–5), all items together. */
  answerCounts: Record<number, number>;
}

export interface SurveyRoundResult {
  roundId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  instrumentKey: string;
  instrumentVersion: number;
  /** Everyone who answered; null when hidden. */
  respondents: number | null;
  /** How many item answers had each answer value, every group together; null when the respondents are hidden. */
  answerCounts: Record<number, number> | null;
  groups: SurveyGroupResult[];
  /** Service types that answered, too few to show. */
  hiddenGroups: number;
}

/** The municipality's survey rounds, oldest first, with the results of the groups the suppression rule lets through. */
export async function surveyResults(db: Db | Tx, municipalityId: string, threshold = DEFAULT_SUPPRESSION_THRESHOLD): Promise<SurveyRoundResult[]> {
  const rounds = await db.selectFrom('survey_round').select(['id', 'title', 'opens_on', 'closes_on', 'instrument_key', 'instrument_version'])
    .where('municipality_id', '=', municipalityId).orderBy('opens_on').orderBy('id').execute();
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const respondents = await db.selectFrom('survey_respondents').select(['round_id', 'service_type', 'respondents']).where('round_id', 'in', ids).orderBy('service_type').execute();
  const tallies = await db.selectFrom('survey_tally').select(['round_id', 'service_type', 'link_id', 'answer', 'answers']).where('round_id', 'in', ids).execute();
  return rounds.map((r) => {
    const groups = respondents.filter((g) => g.round_id === r.id);
    const cells = suppressTable(groups.reduce((sum, g) => sum + g.respondents, 0), groups.map((g) => g.respondents), threshold);
    const shown = groups.filter((_g, i) => isShown(cells.parts[i]!));
    const counted = (serviceType?: string) => {
      const counts: Record<number, number> = {};
      for (const t of tallies) if (t.round_id === r.id && (serviceType === undefined || t.service_type === serviceType)) counts[t.answer] = (counts[t.answer] ?? 0) + t.answers;
      return counts;
    };
    return {
      roundId: r.id, title: r.title, opensOn: r.opens_on, closesOn: r.closes_on, instrumentKey: r.instrument_key, instrumentVersion: r.instrument_version,
      respondents: shownValue(cells.total),
      answerCounts: shownValue(cells.total) === null ? null : counted(),
      groups: shown.map((g) => {
        const sums = new Map<string, { sum: number; n: number }>();
        for (const t of tallies.filter((t) => t.round_id === r.id && t.service_type === g.service_type)) {
          const s = sums.get(t.link_id) ?? { sum: 0, n: 0 };
          sums.set(t.link_id, { sum: s.sum + t.answer * t.answers, n: s.n + t.answers });
        }
        return {
          serviceType: g.service_type, respondents: g.respondents, means: Object.fromEntries([...sums].map(([k, s]) => [k, Math.round((s.sum / s.n) * 100) / 100])),
          answerCounts: counted(g.service_type),
        };
      }),
      hiddenGroups: groups.length - shown.length,
    };
  });
}
