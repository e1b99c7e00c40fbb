// The indicator register (indikatorregister): indicators with names in three languages, a plain
// definition, unit, direction, source, a baseline (0-punkt) and targets (mål); every save is kept as
// a version, and retiring keeps the past. Entered figures come by hand or as a CSV, all or nothing.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, conflict, invalidField, isUniqueViolation, notFound, type FieldProblem } from '../../infra/http/errors.ts';
import type { Language } from '../../../common/roles.ts';
import { abilitiesOf, authorize } from '../access/access.ts';
import { readCsv } from '../absence/csv.ts';
import { COMPUTED } from './definitions.ts';
import type { CreateIndicatorInput, UpdateIndicatorInput } from './schema.ts';

type IndicatorRow = Awaited<ReturnType<typeof loadIndicators>>[number];

export const textIn = (lang: Language, row: { name_nb: string; name_nn: string; name_en: string }) => (lang === 'nn' ? row.name_nn : lang === 'en' ? row.name_en : row.name_nb);
export const definitionIn = (lang: Language, row: { definition_nb: string; definition_nn: string; definition_en: string }) =>
  lang === 'nn' ? row.definition_nn : lang === 'en' ? row.definition_en : row.definition_nb;

/** The municipality's indicators, with their targets and entered figures. */
export async function loadIndicators(trx: Tx, municipalityId: string, only?: string) {
  let q = trx.selectFrom('indicator').selectAll().where('municipality_id', '=', municipalityId);
  if (only) q = q.where('id', '=', only);
  const rows = await q.orderBy('retired_at', 'desc').orderBy('code').execute();
  const ids = rows.map((r) => r.id);
  const targets = ids.length ? await trx.selectFrom('indicator_target').selectAll().where('indicator_id', 'in', ids).orderBy('year').execute() : [];
  const entries = ids.length ? await trx.selectFrom('indicator_entry').select(['indicator_id', 'year', 'value']).where('indicator_id', 'in', ids).orderBy('year').execute() : [];
  return rows.map((r) => ({
    ...r,
    targets: targets.filter((t) => t.indicator_id === r.id).map((t) => ({ year: t.year, value: t.value })),
    entries: entries.filter((e) => e.indicator_id === r.id).map((e) => ({ year: e.year, value: e.value })),
  }));
}

function present(lang: Language, r: IndicatorRow) {
  return {
    id: r.id, code: r.code, source: r.source, computedKey: r.computed_key,
    names: { nb: r.name_nb, nn: r.name_nn, en: r.name_en },
    definitions: { nb: r.definition_nb, nn: r.definition_nn, en: r.definition_en },
    name: textIn(lang, r), definition: definitionIn(lang, r),
    unit: r.unit, direction: r.direction, baseline: { year: r.baseline_year, value: r.baseline_value },
    targets: r.targets, entries: r.entries, retiredAt: r.retired_at, version: r.version, updatedAt: r.updated_at,
  };
}

export async function register(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'indicator.list', purpose: 'administration' });
  const rows = await loadIndicators(ctx.trx, staff.municipalityId);
  const abilities = await abilitiesOf(ctx, { purpose: 'administration' }, { edit: 'indicator.edit' });
  return {
    indicators: rows.map((r) => present(ctx.lang, r)),
    computed: Object.entries(COMPUTED).map(([key, d]) => ({ key, unit: d.unit })),
    abilities,
  };
}

async function saveVersion(trx: Tx, indicatorId: string, staffUserId: string, now: Date) {
  const [row] = await loadIndicators(trx, (await trx.selectFrom('indicator').select('municipality_id').where('id', '=', indicatorId).executeTakeFirstOrThrow()).municipality_id, indicatorId);
  const r = row!;
  await trx.insertInto('indicator_version').values({
    indicator_id: r.id, version: r.version, saved_at: now, saved_by: staffUserId,
    snapshot: JSON.stringify({
      names: { nb: r.name_nb, nn: r.name_nn, en: r.name_en }, definitions: { nb: r.definition_nb, nn: r.definition_nn, en: r.definition_en },
      unit: r.unit, direction: r.direction, baseline: { year: r.baseline_year, value: r.baseline_value }, targets: r.targets, retired: r.retired_at !== null,
    }),
  }).execute();
}

async function replaceTargets(trx: Tx, indicatorId: string, targets: { year: number; value: number }[]) {
  await trx.deleteFrom('indicator_target').where('indicator_id', '=', indicatorId).execute();
  if (targets.length) await trx.insertInto('indicator_target').values(targets.map((t) => ({ indicator_id: indicatorId, year: t.year, value: t.value }))).execute();
}

export async function createIndicator(ctx: DataContext, input: CreateIndicatorInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'indicator.edit', purpose: 'administration' });
  const computedKey = input.source === 'computed' ? input.computedKey! : null;
  // A computed indicator's unit is its definition's: a count is not a share.
  if (computedKey && COMPUTED[computedKey]!.unit !== input.unit) throw invalidField('unit', 'indicators.err.unitOfDefinition');
  const now = ctx.services.clock.now();
  const row = await ctx.trx.insertInto('indicator').values({
    municipality_id: staff.municipalityId, source: input.source, computed_key: computedKey, code: input.code,
    name_nb: input.names.nb, name_nn: input.names.nn, name_en: input.names.en,
    definition_nb: input.definitions.nb, definition_nn: input.definitions.nn, definition_en: input.definitions.en,
    unit: input.unit, direction: input.direction, baseline_year: input.baseline.year, baseline_value: input.baseline.value,
    updated_at: now, updated_by: staff.staffUserId,
  }).returning('id').executeTakeFirstOrThrow().catch((error: unknown) => {
    if (isUniqueViolation(error)) throw invalidField('code', 'indicators.err.codeTaken');
    throw error;
  });
  await replaceTargets(ctx.trx, row.id, input.targets);
  await saveVersion(ctx.trx, row.id, staff.staffUserId, now);
  return { id: row.id, version: 1 };
}

async function editable(ctx: DataContext, indicatorId: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'indicator.edit', purpose: 'administration', entity: { type: 'indicator', id: indicatorId } });
  const row = await ctx.trx.selectFrom('indicator').selectAll().where('id', '=', indicatorId).where('municipality_id', '=', staff.municipalityId).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  checkVersion(ctx, row.version);
  return { staff, row };
}

export async function updateIndicator(ctx: DataContext, indicatorId: string, input: UpdateIndicatorInput) {
  const { staff, row } = await editable(ctx, indicatorId);
  if (row.retired_at) throw new AppError('CONFLICT', 'indicators.err.retired');
  if (row.computed_key && COMPUTED[row.computed_key]?.unit !== input.unit) throw invalidField('unit', 'indicators.err.unitOfDefinition');
  const now = ctx.services.clock.now();
  const updated = await ctx.trx.updateTable('indicator').set({
    code: input.code, name_nb: input.names.nb, name_nn: input.names.nn, name_en: input.names.en,
    definition_nb: input.definitions.nb, definition_nn: input.definitions.nn, definition_en: input.definitions.en,
    unit: input.unit, direction: input.direction, baseline_year: input.baseline.year, baseline_value: input.baseline.value,
    version: row.version + 1, updated_at: now, updated_by: staff.staffUserId,
  }).where('id', '=', indicatorId).where('version', '=', input.version).executeTakeFirst().catch((error: unknown) => {
    if (isUniqueViolation(error)) throw invalidField('code', 'indicators.err.codeTaken');
    throw error;
  });
  if (Number(updated.numUpdatedRows) === 0) throw conflict();
  await replaceTargets(ctx.trx, indicatorId, input.targets);
  await saveVersion(ctx.trx, indicatorId, staff.staffUserId, now);
  return { id: indicatorId, version: row.version + 1 };
}

/** Retired: no longer in a new year's report, but its past years and versions stay. */
export async function retireIndicator(ctx: DataContext, indicatorId: string) {
  const { staff, row } = await editable(ctx, indicatorId);
  if (row.retired_at) throw new AppError('CONFLICT', 'indicators.err.retired');
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('indicator').set({ retired_at: now, retired_by: staff.staffUserId, version: row.version + 1, updated_at: now, updated_by: staff.staffUserId }).where('id', '=', indicatorId).execute();
  await saveVersion(ctx.trx, indicatorId, staff.staffUserId, now);
  return { id: indicatorId, version: row.version + 1 };
}

export async function history(ctx: DataContext, indicatorId: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'indicator.list', purpose: 'administration', entity: { type: 'indicator', id: indicatorId } });
  const found = await ctx.trx.selectFrom('indicator').select('id').where('id', '=', indicatorId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!found) throw notFound();
  const rows = await ctx.trx.selectFrom('indicator_version').select(['version', 'saved_at', 'snapshot']).where('indicator_id', '=', indicatorId).orderBy('version', 'desc').execute();
  return {
    versions: rows.map((r) => {
      const s = (typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot) as { names: Record<Language, string>; baseline: { year: number; value: number }; targets: { year: number; value: number }[]; retired: boolean };
      return { version: r.version, savedAt: r.saved_at, name: s.names[ctx.lang], baseline: s.baseline, targets: s.targets, retired: s.retired };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Entered figures: `code;year;value` (header line first), a decimal comma or point. Any bad line
// refuses the whole file, each problem named by its line; nothing is stored.

const MAX_ROWS = 5000;

function parseNumber(raw: string): number | null {
  const cleaned = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export async function importEntries(ctx: DataContext, csv: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'indicator.edit', purpose: 'administration' });
  const file = readCsv(csv);
  const refuse = (fields: FieldProblem[]) => new AppError('VALIDATION', 'indicators.import.refused', { params: { count: fields.length }, fields });
  if (!file || file.rows.length === 0) throw refuse([{ field: 'csv', messageKey: 'indicators.import.empty' }]);
  const header = file.header.map((h) => h.toLowerCase());
  const col = { code: header.indexOf('code'), year: header.indexOf('year'), value: header.indexOf('value') };
  if (col.code < 0 || col.year < 0 || col.value < 0) throw refuse([{ field: 'csv', messageKey: 'indicators.import.header' }]);
  if (file.rows.length > MAX_ROWS) throw refuse([{ field: 'csv', messageKey: 'indicators.import.tooMany', params: { max: MAX_ROWS } }]);
  const indicators = await ctx.trx.selectFrom('indicator').select(['id', 'code', 'source', 'retired_at']).where('municipality_id', '=', staff.municipalityId).execute();
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  const rows: { indicatorId: string; year: number; value: number }[] = [];
  for (const { line, fields } of file.rows) {
    const problem = (messageKey: 'indicators.import.unknownCode' | 'indicators.import.computed' | 'indicators.import.retired' | 'indicators.import.badYear' | 'indicators.import.badValue' | 'indicators.import.duplicate', params: Record<string, string | number> = {}) =>
      problems.push({ field: `line.${line}`, messageKey, params: { line, ...params } });
    const code = (fields[col.code] ?? '').trim();
    const indicator = byCode.get(code);
    const year = Number((fields[col.year] ?? '').trim());
    const value = parseNumber(fields[col.value] ?? '');
    if (!indicator) problem('indicators.import.unknownCode', { code });
    else if (indicator.source !== 'entered') problem('indicators.import.computed', { code });
    else if (indicator.retired_at) problem('indicators.import.retired', { code });
    else if (!Number.isInteger(year) || year < 2000 || year > 2100) problem('indicators.import.badYear');
    else if (value === null) problem('indicators.import.badValue');
    else {
      const key = `${code}:${year}`;
      const other = seen.get(key);
      if (other !== undefined) problem('indicators.import.duplicate', { other });
      else {
        seen.set(key, line);
        rows.push({ indicatorId: indicator.id, year, value });
      }
    }
  }
  if (problems.length) throw refuse(problems);
  const now = ctx.services.clock.now();
  await ctx.trx.insertInto('indicator_entry')
    .values(rows.map((r) => ({ indicator_id: r.indicatorId, year: r.year, value: r.value, entered_by: staff.staffUserId, entered_at: now })))
    .onConflict((oc) => oc.columns(['indicator_id', 'year']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), entered_by: eb.ref('excluded.entered_by'), entered_at: eb.ref('excluded.entered_at') })))
    .execute();
  return { imported: rows.length };
}
