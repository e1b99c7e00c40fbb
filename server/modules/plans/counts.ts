// Counts for the outcome track (the indicator register reads them): requests, decisions, the days from
// a request to its decision and to the first plan, and evaluations held on time. Numbers only: no
// person, no request, no plan can be told from them.
import { sql } from 'kysely';
import type { Db, Tx } from '../../infra/db/database.ts';

export interface PlanCounts {
  requests: number;
  requestsByKind: { kind: string; count: number }[];
  decisions: { granted: number; refused: number };
  /** Days from request to decision, for the decisions in the period (null when there were none); total is their sum. */
  daysToDecision: { median: number | null; mean: number | null; total: number };
  plansOpened: number;
  /** Days from the request to the person's first plan, for the first plans opened in the period. */
  daysToFirstPlan: { median: number | null; mean: number | null; total: number };
  /** Evaluation dates in the period: held on or before the date, held late, not held. */
  evaluations: { due: number; onTime: number; late: number; notHeld: number };
}

const osloDay = (column: string) => sql<string>`(${sql.ref(column)} AT TIME ZONE 'Europe/Oslo')::date`;

function summary(days: number[]): { median: number | null; mean: number | null; total: number } {
  if (days.length === 0) return { median: null, mean: null, total: 0 };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const total = days.reduce((a, b) => a + b, 0);
  return { median, mean: Math.round((total / days.length) * 10) / 10, total };
}

/** The municipality's counts for the Oslo calendar dates from `from` to `to`, both included. */
export async function planCounts(db: Db | Tx, municipalityId: string, period: { from: string; to: string }): Promise<PlanCounts> {
  const byKind = await db.selectFrom('plan_request').select(['kind', sql<number>`count(*)::int`.as('count')])
    .where('municipality_id', '=', municipalityId).where(osloDay('requested_at'), '>=', period.from).where(osloDay('requested_at'), '<=', period.to)
    .groupBy('kind').orderBy('kind').execute();
  const decided = await db.selectFrom('plan_request').select(['decision', sql<number>`(${osloDay('decided_at')} - ${osloDay('requested_at')})::int`.as('days')])
    .where('municipality_id', '=', municipalityId).where('decided_at', 'is not', null).where(osloDay('decided_at'), '>=', period.from).where(osloDay('decided_at'), '<=', period.to)
    .execute();
  const opened = await db.selectFrom('individual_plan as ip').leftJoin('plan_request as r', 'r.id', 'ip.request_id')
    .select([
      sql<number | null>`(${osloDay('ip.created_at')} - ${osloDay('r.requested_at')})::int`.as('days'),
      sql<boolean>`not exists (select 1 from individual_plan e where e.person_id = ip.person_id and e.created_at < ip.created_at)`.as('first'),
    ])
    .where('ip.municipality_id', '=', municipalityId).where(osloDay('ip.created_at'), '>=', period.from).where(osloDay('ip.created_at'), '<=', period.to)
    .execute();
  const evaluations = await db.selectFrom('plan_evaluation as e').innerJoin('individual_plan as ip', 'ip.id', 'e.plan_id').select(['e.due_on', 'e.done_on'])
    .where('ip.municipality_id', '=', municipalityId).where('e.due_on', '>=', period.from).where('e.due_on', '<=', period.to).execute();
  return {
    requests: byKind.reduce((n, r) => n + r.count, 0),
    requestsByKind: byKind,
    decisions: { granted: decided.filter((d) => d.decision === 'granted').length, refused: decided.filter((d) => d.decision === 'refused').length },
    daysToDecision: summary(decided.map((d) => Number(d.days))),
    plansOpened: opened.length,
    daysToFirstPlan: summary(opened.filter((o) => o.first && o.days !== null).map((o) => Number(o.days))),
    evaluations: {
      due: evaluations.length,
      onTime: evaluations.filter((e) => e.done_on !== null && e.done_on <= e.due_on).length,
      late: evaluations.filter((e) => e.done_on !== null && e.done_on > e.due_on).length,
      notHeld: evaluations.filter((e) => e.done_on === null).length,
    },
  };
}
