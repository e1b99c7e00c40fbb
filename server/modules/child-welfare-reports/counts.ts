// Counts for the outcome track: reports by month, by the reporter's service type and by review
// decision; consultations by the asker's service type. Numbers only: no person, no reference.
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { authorize } from '../access/access.ts';

/** The service types' names in the reader's language, for the counts by source. */
async function sourceNames(ctx: DataContext, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const column = ctx.lang === 'nn' ? 'name_nn' : ctx.lang === 'en' ? 'name_en' : 'name_nb';
  const rows = await ctx.trx.selectFrom('service_unit_type').select(['code', column]).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, (r as Record<string, string>)[column]!]));
}

export async function reportCounts(ctx: DataContext, range: { from?: string | undefined; to?: string | undefined }) {
  await authorize(ctx, { action: 'cwCounts.read', purpose: 'administration' });
  const me = requireStaff(ctx);
  let reports = ctx.trx.selectFrom('child_welfare_report as r').leftJoin('service_unit as u', 'u.id', 'r.reporter_unit_id').where('r.municipality_id', '=', me.municipalityId);
  if (range.from) reports = reports.where('r.received_on', '>=', range.from);
  if (range.to) reports = reports.where('r.received_on', '<=', range.to);
  const month = sql<string>`to_char(r.received_on, 'YYYY-MM')`;
  const byMonth = await reports.select([month.as('month'), sql<number>`count(*)::int`.as('count')]).groupBy(month).orderBy(month).execute();
  const source = sql<string>`coalesce(u.type_code, 'other')`;
  const bySource = await reports.select([source.as('source'), sql<number>`count(*)::int`.as('count')]).groupBy(source).orderBy(source).execute();
  const decision = sql<string>`coalesce(r.decision, 'undecided')`;
  const byDecision = await reports.select([decision.as('decision'), sql<number>`count(*)::int`.as('count')]).groupBy(decision).orderBy(decision).execute();
  let consultations = ctx.trx.selectFrom('child_welfare_consultation as c').leftJoin('service_unit as u', 'u.id', 'c.asker_unit_id').where('c.municipality_id', '=', me.municipalityId);
  if (range.from) consultations = consultations.where(sql<string>`(c.created_at AT TIME ZONE 'Europe/Oslo')::date`, '>=', range.from);
  if (range.to) consultations = consultations.where(sql<string>`(c.created_at AT TIME ZONE 'Europe/Oslo')::date`, '<=', range.to);
  const consultationsBySource = await consultations.select([source.as('source'), sql<number>`count(*)::int`.as('count')]).groupBy(source).orderBy(source).execute();
  const names = await sourceNames(ctx, [...new Set([...bySource, ...consultationsBySource].map((r) => r.source))]);
  const named = (rows: { source: string; count: number }[]) => rows.map((r) => ({ ...r, name: names.get(r.source) ?? null }));
  return { byMonth, bySource: named(bySource), byDecision, consultationsBySource: named(consultationsBySource) };
}
