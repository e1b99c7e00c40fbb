// The annual status report (seed 003: Hva | 0-punkt | Mål | Status | Forbedring) for a year: each
// indicator's status, the change against the baseline and the previous year, whether the target is
// met, a trend from the baseline's year, and a breakdown per team, kindergarten/school or service
// type. It reads only the pre-counted figures (indicator_figure) and the entered ones, and every
// computed figure goes through the suppression rule before it leaves (screen, PDF, CSV and API).
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { notFound } from '../../infra/http/errors.ts';
import { translate } from '../../../common/i18n/index.ts';
import { osloDate } from '../../../common/dates.ts';
import { suppressCount, suppressMeasure, suppressShare, suppressTable, type Cell } from '../../../common/suppression.ts';
import { authorize } from '../access/access.ts';
import { COMPUTED, type IndicatorUnit, type ScopeKind } from './definitions.ts';
import { refreshIfStale } from './refresh.ts';
import { definitionIn, loadIndicators, textIn } from './service.ts';
import type { ReportQueryInput } from './schema.ts';

type Figure = { numerator: number; denominator: number };
const round1 = (n: number) => Math.round(n * 10) / 10;

/** One computed figure as it may be shown. A share is in percent. */
export function figureCell(unit: IndicatorUnit, f: Figure, threshold: number): Cell | null {
  switch (unit) {
    case 'count':
      return suppressCount(f.numerator, threshold);
    case 'share': {
      const t = suppressTable(f.denominator, [f.numerator, f.denominator - f.numerator], threshold);
      const share = suppressShare(t.parts[0]!, t.total);
      return share && 'value' in share ? { value: round1(share.value * 100) } : share;
    }
    case 'days':
    case 'years':
      return suppressMeasure(f.denominator === 0 ? null : round1(f.numerator / f.denominator), f.denominator, threshold);
  }
}

const shown = (c: Cell | null) => (c && 'value' in c ? c.value : null);

export async function annualReport(ctx: DataContext, query: ReportQueryInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'indicatorReport.read', purpose: 'administration', ...(query.teamId ? { entity: { type: 'team', id: query.teamId } } : {}) });
  const m = staff.municipalityId;
  const threshold = ctx.services.config.suppressionThreshold;
  const team = query.teamId ? await ctx.trx.selectFrom('team').select(['id', 'name']).where('id', '=', query.teamId).where('municipality_id', '=', m).executeTakeFirst() : null;
  if (query.teamId && !team) throw notFound();

  // Indicators in force in the year: a retired one still reports the years before it was retired.
  const indicators = (await loadIndicators(ctx.trx, m)).filter((i) => !i.retired_at || new Date(i.retired_at).getUTCFullYear() > query.year)
    .filter((i) => !team || (i.computed_key && COMPUTED[i.computed_key]?.scopes.includes('team')));
  const keys = [...new Set(indicators.map((i) => i.computed_key).filter((k): k is string => !!k))];
  const fromYear = Math.min(query.year - 1, ...indicators.map((i) => i.baseline_year));
  const figures = keys.length === 0 ? [] : await ctx.trx.selectFrom('indicator_figure')
    .select(['computed_key', 'year', 'scope_kind', 'scope_key', 'numerator', 'denominator', 'refreshed_at'])
    .where('municipality_id', '=', m).where('computed_key', 'in', keys).where('year', '>=', fromYear).where('year', '<=', query.year)
    .where((eb) => (team
      ? eb.and([eb('scope_kind', '=', 'team'), eb('scope_key', '=', team.id)])
      : eb.or([eb('scope_kind', '=', 'municipality'), eb('year', '=', query.year)])))
    .execute();
  const refreshed = await ctx.trx.selectFrom('indicator_figure').select(sql<Date | null>`max(refreshed_at)`.as('at')).where('municipality_id', '=', m).executeTakeFirstOrThrow();
  const refreshedAt = refreshed.at ? new Date(refreshed.at) : null;
  const now = ctx.services.clock.now();
  // The current period: its figures are counted again at once when they are not fresh.
  if (query.year >= Number(osloDate(now).slice(0, 4))) await refreshIfStale(ctx.trx, m, refreshedAt, now);

  const names = await scopeNames(ctx, figures.filter((f) => f.scope_kind !== 'municipality').map((f) => ({ kind: f.scope_kind, key: f.scope_key })));
  const mainScope = team ? { kind: 'team', key: team.id } : { kind: 'municipality', key: '' };

  const rows = indicators.map((i) => {
    const unit = i.unit;
    const valueFor = (year: number): Cell | null => {
      if (i.source === 'entered') {
        const e = i.entries.find((x) => x.year === year);
        return e ? { value: e.value } : null;
      }
      const f = figures.find((x) => x.computed_key === i.computed_key && x.year === year && x.scope_kind === mainScope.kind && x.scope_key === mainScope.key);
      return f ? figureCell(unit, f, threshold) : null;
    };
    const status = valueFor(query.year);
    const previous = valueFor(query.year - 1);
    const target = i.targets.find((t) => t.year === query.year) ?? null;
    const s = shown(status);
    const p = shown(previous);
    const higher = i.direction === 'higher_is_better';
    const changeFromBaseline = s === null ? null : round1(s - i.baseline_value);
    const trend = [];
    for (let y = Math.min(i.baseline_year, query.year); y <= query.year; y++) trend.push({ year: y, value: valueFor(y) });
    return {
      indicator: { id: i.id, code: i.code, name: textIn(ctx.lang, i), definition: definitionIn(ctx.lang, i), unit, direction: i.direction, source: i.source },
      baseline: { year: i.baseline_year, value: i.baseline_value },
      target,
      status,
      previous,
      changeFromBaseline,
      changeFromPrevious: s === null || p === null ? null : round1(s - p),
      improved: changeFromBaseline === null ? null : higher ? changeFromBaseline > 0 : changeFromBaseline < 0,
      targetMet: s === null || !target ? null : higher ? s >= target.value : s <= target.value,
      trend,
      breakdown: team || !i.computed_key ? [] : breakdown(unit, figures.filter((f) => f.computed_key === i.computed_key && f.year === query.year), names, threshold),
    };
  });
  return { year: query.year, team: team ?? null, refreshedAt, suppressionThreshold: threshold, rows };
}

type ScopeRow = { scope_kind: string; scope_key: string; numerator: number; denominator: number };

/**
 * The parts of the municipality's figure: counts as one table with the municipality's total (so a
 * single hidden part takes another with it); shares and averages each on their own counts, and a
 * share is hidden too when its part count had to be hidden across the table.
 */
function breakdown(unit: IndicatorUnit, rows: ScopeRow[], names: Map<string, string>, threshold: number) {
  const total = rows.find((r) => r.scope_kind === 'municipality');
  const parts = rows.filter((r) => r.scope_kind !== 'municipality').sort((a, b) => (names.get(`${a.scope_kind}:${a.scope_key}`) ?? '').localeCompare(names.get(`${b.scope_kind}:${b.scope_key}`) ?? '', 'nb'));
  if (!total || parts.length === 0) return [];
  const numerators = suppressTable(total.numerator, parts.map((p) => p.numerator), threshold).parts;
  return parts.map((p, i) => {
    const own = figureCell(unit, p, threshold);
    const value: Cell = unit === 'count' ? numerators[i]! : !('value' in numerators[i]!) && own && 'value' in own ? { suppressed: 'secondary' } : own ?? { value: 0 };
    return { scopeKind: p.scope_kind as Exclude<ScopeKind, 'municipality'>, key: p.scope_key, name: names.get(`${p.scope_kind}:${p.scope_key}`) ?? p.scope_key, value };
  });
}

async function scopeNames(ctx: DataContext, scopes: { kind: string; key: string }[]) {
  const names = new Map<string, string>();
  const ids = (kind: string) => [...new Set(scopes.filter((s) => s.kind === kind).map((s) => s.key))];
  const teams = ids('team');
  if (teams.length) for (const t of await ctx.trx.selectFrom('team').select(['id', 'name']).where('id', 'in', teams).execute()) names.set(`team:${t.id}`, t.name);
  const units = ids('unit');
  if (units.length) for (const u of await ctx.trx.selectFrom('service_unit').select(['id', 'name']).where('id', 'in', units).execute()) names.set(`unit:${u.id}`, u.name);
  const types = ids('service_type');
  if (types.length) {
    for (const t of await ctx.trx.selectFrom('service_unit_type').select(['code', 'name_nb', 'name_nn', 'name_en']).where('code', 'in', types).execute()) {
      names.set(`service_type:${t.code}`, ctx.lang === 'nn' ? t.name_nn : ctx.lang === 'en' ? t.name_en : t.name_nb);
    }
    names.set('service_type:other', translate(ctx.lang, 'indicators.report.otherSource'));
  }
  return names;
}
