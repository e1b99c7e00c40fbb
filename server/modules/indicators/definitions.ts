// The computed indicators: each defined once, here, as the SQL that counts it from the work in
// Sammen for one municipality, per calendar year (in Oslo) and per scope. The refresh job
// (refresh.ts) stores what these return in indicator_figure; the report reads only that table.
//
// A figure is a numerator and a denominator, so suppression can be decided on the counts:
// - count: numerator = denominator = the number counted
// - share: numerator = the part, denominator = the whole
// - days / years: numerator = the sum, denominator = how many cases the mean is over
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../infra/db/database.ts';
import { ABSENCE_UNIT_TYPES } from '../../../common/roles.ts';
import { addDays } from '../../../common/dates.ts';
import { planCounts } from '../plans/counts.ts';
import { surveyResults } from '../questionnaires/survey-results.ts';

export const INDICATOR_UNITS = ['count', 'share', 'days', 'years'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const SCOPE_KINDS = ['municipality', 'team', 'unit', 'service_type'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface FigureRow {
  year: number;
  scopeKind: ScopeKind;
  scopeKey: string;
  numerator: number;
  denominator: number;
}

export interface ComputedDefinition {
  unit: IndicatorUnit;
  /** The breakdowns besides the municipality as a whole. */
  scopes: readonly ScopeKind[];
  compute: (db: Db, municipalityId: string, today: string) => Promise<FigureRow[]>;
}

/** "Good help": a family's answer to "was the help useful" (1–5) at or above this. */
export const GOOD_HELP_THRESHOLD = 4;
/** "Agree" in the collaboration survey (samhandlingsundersøkelsen): an answer at or above this of 5. */
export const SURVEY_AGREE_THRESHOLD = 4;
/** High absence, as the contact teacher's list has it (Tiltaksplan: høyt fravær). */
export const HIGH_ABSENCE_PERCENT = 10;

const osloYear = (column: string) => sql.raw(`extract(year from (${column} AT TIME ZONE 'Europe/Oslo'))::int`);

type Raw = { year: number; scope: string | null; numerator: number | string; denominator: number | string };

/**
 * Runs a grouped statement whose select list is `year, scope, numerator, denominator` over the
 * grouping sets (year) and (year, scope), and names the scope rows by `scopeKind`.
 */
async function grouped(db: Db, scopeKind: ScopeKind | null, query: RawBuilder<Raw>): Promise<FigureRow[]> {
  const rows = (await query.execute(db)).rows;
  return rows.map((r) => ({
    year: Number(r.year),
    scopeKind: r.scope === null || scopeKind === null ? 'municipality' : scopeKind,
    scopeKey: r.scope ?? '',
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }));
}

const bySets = (scope: boolean) => sql.raw(scope ? 'GROUP BY GROUPING SETS ((year), (year, scope))' : 'GROUP BY year');

export const COMPUTED: Record<string, ComputedDefinition> = {
  // Cases handled in early-intervention teams: referrals of a named child the team accepted, by the
  // year they arrived. Anonymous discussions are not cases.
  team_cases: {
    unit: 'count', scopes: ['team'],
    compute: (db, m) => grouped(db, 'team', sql<Raw>`
      SELECT year, scope, count(*) AS numerator, count(*) AS denominator FROM (
        SELECT ${osloYear('r.received_at')} AS year, r.team_id::text AS scope
        FROM referral r JOIN team t ON t.id = r.team_id
        WHERE t.municipality_id = ${m} AND t.kind = 'early_intervention' AND r.status = 'accepted' AND r.person_id IS NOT NULL) x
      ${bySets(true)}`),
  },
  // The share of team cases with a held meeting in the year where a guardian or the youth was
  // recorded present at one of them (attendance, not invitations).
  family_present_share: {
    unit: 'share', scopes: ['team'],
    compute: (db, m) => grouped(db, 'team', sql<Raw>`
      SELECT year, scope, count(*) FILTER (WHERE present) AS numerator, count(*) AS denominator FROM (
        SELECT ${osloYear('tm.starts_at')} AS year, tm.team_id::text AS scope, tm.referral_id,
          bool_or(EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = tm.id AND p.role IN ('guardian', 'youth') AND p.attendance = 'present')) AS present
        FROM team_meeting tm JOIN team t ON t.id = tm.team_id
        WHERE t.municipality_id = ${m} AND tm.kind = 'case' AND tm.status = 'closed'
        GROUP BY 1, 2, 3) x
      ${bySets(true)}`),
  },
  // The share of the family's ratings that say the help was useful: GOOD_HELP_THRESHOLD or more of 5.
  good_help_share: {
    unit: 'share', scopes: ['team'],
    compute: (db, m) => grouped(db, 'team', sql<Raw>`
      SELECT year, scope, count(*) FILTER (WHERE useful >= ${GOOD_HELP_THRESHOLD}) AS numerator, count(*) AS denominator FROM (
        SELECT ${osloYear('r.rated_at')} AS year, tm.team_id::text AS scope, r.useful
        FROM meeting_rating r JOIN team_meeting tm ON tm.id = r.meeting_id JOIN team t ON t.id = tm.team_id
        WHERE t.municipality_id = ${m}) x
      ${bySets(true)}`),
  },
  // Days from a worry about a named child to the first measure written in the child's relay log on
  // or after it, by the worry's year; worries with no measure yet are not counted.
  days_worry_to_measure: {
    unit: 'days', scopes: [],
    compute: (db, m) => grouped(db, null, sql<Raw>`
      SELECT year, NULL::text AS scope, sum(days) AS numerator, count(*) AS denominator FROM (
        SELECT extract(year from w.noticed_on)::int AS year,
          (SELECT min((e.written_at AT TIME ZONE 'Europe/Oslo')::date) FROM relay_log_entry e JOIN help_case c ON c.id = e.case_id
            WHERE c.person_id = w.person_id AND e.kind = 'measure' AND (e.written_at AT TIME ZONE 'Europe/Oslo')::date >= w.noticed_on) - w.noticed_on AS days
        FROM worry w WHERE w.municipality_id = ${m} AND w.person_id IS NOT NULL) x
      WHERE days IS NOT NULL
      ${bySets(false)}`),
  },
  // Action-plan items done by their deadline, among those done or past it, by the deadline's year.
  action_items_on_time_share: {
    unit: 'share', scopes: ['team'],
    compute: (db, m, today) => grouped(db, 'team', sql<Raw>`
      SELECT year, scope, count(*) FILTER (WHERE on_time) AS numerator, count(*) AS denominator FROM (
        SELECT extract(year from a.due_on)::int AS year, tm.team_id::text AS scope, (a.status = 'done' AND a.done_on <= a.due_on) AS on_time
        FROM action_item a JOIN team_meeting tm ON tm.id = a.meeting_id JOIN team t ON t.id = tm.team_id
        WHERE t.municipality_id = ${m} AND (a.status = 'done' OR a.due_on < ${today}::date)) x
      ${bySets(true)}`),
  },
  // Pupils whose latest period in a year shows absence over HIGH_ABSENCE_PERCENT with weak progress, per school.
  high_absence_weak_progress: {
    unit: 'count', scopes: ['unit'],
    compute: (db, m) => grouped(db, 'unit', sql<Raw>`
      SELECT year, scope, count(DISTINCT person_id) AS numerator, count(DISTINCT person_id) AS denominator FROM (
        SELECT DISTINCT ON (r.service_unit_id, r.person_id, extract(year from r.period_to))
          extract(year from r.period_to)::int AS year, r.service_unit_id::text AS scope, r.person_id, r.absence_percent, r.progress
        FROM absence_record r JOIN service_unit u ON u.id = r.service_unit_id
        WHERE u.municipality_id = ${m}
        ORDER BY r.service_unit_id, r.person_id, extract(year from r.period_to), r.period_to DESC, r.line DESC) x
      WHERE absence_percent > ${HIGH_ABSENCE_PERCENT} AND progress = 'weak'
      ${bySets(true)}`),
  },
  // Referrals to an early-intervention team from each kindergarten and school, by the year they arrived.
  referring_units: {
    unit: 'count', scopes: ['unit'],
    compute: (db, m) => grouped(db, 'unit', sql<Raw>`
      SELECT year, scope, count(*) AS numerator, count(*) AS denominator FROM (
        SELECT ${osloYear('r.received_at')} AS year, u.id::text AS scope
        FROM referral r JOIN team t ON t.id = r.team_id JOIN staff_user s ON s.id = r.referred_by_staff_id JOIN service_unit u ON u.id = s.service_unit_id
        WHERE t.municipality_id = ${m} AND r.source = 'professional' AND r.status <> 'redirected'
          AND u.type_code IN (${sql.join(ABSENCE_UNIT_TYPES.map((c) => sql`${c}`))})) x
      ${bySets(true)}`),
  },
  // The average age (in years, to the day) when a child first had someone from PPT involved.
  first_age_ppt: { unit: 'years', scopes: [], compute: (db, m) => firstInvolvementAge(db, m, 'ppt') },
  // The same for the mental-health team for children and youth.
  first_age_mental_health: { unit: 'years', scopes: [], compute: (db, m) => firstInvolvementAge(db, m, 'mental_health_team') },
  // Reports to child welfare by the reporter's service type, by the year received.
  cw_reports: {
    unit: 'count', scopes: ['service_type'],
    compute: (db, m) => grouped(db, 'service_type', sql<Raw>`
      SELECT year, scope, count(*) AS numerator, count(*) AS denominator FROM (
        SELECT extract(year from r.received_on)::int AS year, coalesce(u.type_code, 'other') AS scope
        FROM child_welfare_report r LEFT JOIN service_unit u ON u.id = r.reporter_unit_id WHERE r.municipality_id = ${m}) x
      ${bySets(true)}`),
  },
  // Anonymous consultations with the child-welfare intake by the asker's service type.
  cw_consultations: {
    unit: 'count', scopes: ['service_type'],
    compute: (db, m) => grouped(db, 'service_type', sql<Raw>`
      SELECT year, scope, count(*) AS numerator, count(*) AS denominator FROM (
        SELECT ${osloYear('c.created_at')} AS year, coalesce(u.type_code, 'other') AS scope
        FROM child_welfare_consultation c LEFT JOIN service_unit u ON u.id = c.asker_unit_id WHERE c.municipality_id = ${m}) x
      ${bySets(true)}`),
  },
  // Requests for an individual plan (individuell plan) or a coordinator, by the year they came.
  plan_requests: {
    unit: 'count', scopes: [],
    compute: (db, m, today) => perPlanYear(db, m, today, (c) => ({ numerator: c.requests, denominator: c.requests })),
  },
  // The waiting time: days from a request to its decision, over the decisions made in the year.
  plan_days_to_decision: {
    unit: 'days', scopes: [],
    compute: (db, m, today) => perPlanYear(db, m, today, (c) => ({ numerator: c.daysToDecision.total, denominator: c.decisions.granted + c.decisions.refused })),
  },
  // Plan evaluations held on or before their date, among those due in the year up to yesterday
  // (an evaluation due today can still be held on time).
  plan_evaluations_on_time_share: {
    unit: 'share', scopes: [],
    compute: (db, m, today) => perPlanYear(db, m, today, (c) => ({ numerator: c.evaluations.onTime, denominator: c.evaluations.due }), true),
  },
  // The collaboration survey: the share of all item answers that agree (SURVEY_AGREE_THRESHOLD or
  // more), by the year a round closed, and per service type for the groups large enough to show.
  collaboration_agree_share: {
    unit: 'share', scopes: ['service_type'],
    compute: async (db, m) => {
      const sums = new Map<string, FigureRow>();
      const add = (year: number, scopeKind: ScopeKind, scopeKey: string, counts: Record<number, number>) => {
        const key = `${year}:${scopeKind}:${scopeKey}`;
        const row = sums.get(key) ?? { year, scopeKind, scopeKey, numerator: 0, denominator: 0 };
        for (const [answer, n] of Object.entries(counts)) {
          row.denominator += n;
          if (Number(answer) >= SURVEY_AGREE_THRESHOLD) row.numerator += n;
        }
        sums.set(key, row);
      };
      // The survey's own small-number rule has already hidden groups of too few respondents.
      for (const round of await surveyResults(db, m)) {
        const year = Number(round.closesOn.slice(0, 4));
        if (round.answerCounts) add(year, 'municipality', '', round.answerCounts);
        for (const g of round.groups) add(year, 'service_type', g.serviceType, g.answerCounts);
      }
      return [...sums.values()].filter((r) => r.denominator > 0);
    },
  },
};

export const COMPUTED_KEYS = Object.keys(COMPUTED) as [string, ...string[]];

function firstInvolvementAge(db: Db, m: string, typeCode: string): Promise<FigureRow[]> {
  return grouped(db, null, sql<Raw>`
    SELECT year, NULL::text AS scope, sum(age) AS numerator, count(*) AS denominator FROM (
      SELECT extract(year from first_on)::int AS year, (first_on - birth_date) / 365.25 AS age FROM (
        SELECT p.id, p.birth_date, min((i.started_at AT TIME ZONE 'Europe/Oslo')::date) AS first_on
        FROM involvement i JOIN staff_user s ON s.id = i.staff_user_id JOIN service_unit u ON u.id = s.service_unit_id JOIN person p ON p.id = i.person_id
        WHERE u.type_code = ${typeCode} AND p.municipality_id = ${m} AND p.kind = 'child'
        GROUP BY p.id, p.birth_date) f) x
    ${bySets(false)}`);
}

/**
 * The plan counts (plans/counts.ts, where a request, a decision and an evaluation on time are
 * defined) for each calendar year from the first request or evaluation date to this year.
 */
async function perPlanYear(db: Db, m: string, today: string, figure: (c: Awaited<ReturnType<typeof planCounts>>) => { numerator: number; denominator: number }, untilYesterday = false): Promise<FigureRow[]> {
  const first = (await sql<{ year: number | null }>`
    SELECT least(
      (SELECT min(${osloYear('requested_at')}) FROM plan_request WHERE municipality_id = ${m}),
      (SELECT min(extract(year from e.due_on))::int FROM plan_evaluation e JOIN individual_plan p ON p.id = e.plan_id WHERE p.municipality_id = ${m})) AS year`.execute(db)).rows[0]?.year;
  if (first === null || first === undefined) return [];
  const thisYear = Number(today.slice(0, 4));
  const yesterday = addDays(today, -1);
  const rows: FigureRow[] = [];
  for (let year = Number(first); year <= thisYear; year++) {
    const to = year === thisYear ? (untilYesterday ? yesterday : today) : `${year}-12-31`;
    if (to < `${year}-01-01`) continue;
    const f = figure(await planCounts(db, m, { from: `${year}-01-01`, to }));
    if (f.denominator > 0) rows.push({ year, scopeKind: 'municipality', scopeKey: '', ...f });
  }
  return rows;
}
