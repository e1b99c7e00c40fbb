import { z } from 'zod';
import { nonEmptyText, recordVersion, text, uuid } from '../../infra/http/schemas.ts';
import { COMPUTED_KEYS, INDICATOR_UNITS } from './definitions.ts';

export const IndicatorParams = z.strictObject({ indicatorId: uuid });

const year = z.number({ message: 'indicators.err.year' }).int({ message: 'indicators.err.year' }).min(2000, { message: 'indicators.err.year' }).max(2100, { message: 'indicators.err.year' });
const figure = z.number({ message: 'indicators.err.value' }).finite({ message: 'indicators.err.value' }).min(-1e12).max(1e12);

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;

const indicatorFields = {
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, { message: 'indicators.err.code' }),
  names: z.strictObject({ nb: nonEmptyText(200), nn: nonEmptyText(200), en: nonEmptyText(200) }),
  definitions: z.strictObject({ nb: nonEmptyText(2000), nn: nonEmptyText(2000), en: nonEmptyText(2000) }),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baseline: z.strictObject({ year, value: figure }),
  targets: z.array(z.strictObject({ year, value: figure })).max(30).default([]),
};

const targetsAfterBaseline = (v: { baseline: { year: number }; targets: { year: number }[] }, ctx: z.RefinementCtx) => {
  const seen = new Set<number>();
  v.targets.forEach((t, i) => {
    if (t.year <= v.baseline.year) ctx.addIssue({ code: 'custom', path: ['targets', i, 'year'], message: 'indicators.err.targetBeforeBaseline' });
    if (seen.has(t.year)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'year'], message: 'indicators.err.targetTwice' });
    seen.add(t.year);
  });
};

export const CreateIndicatorBody = z
  .strictObject({
    ...indicatorFields,
    source: z.enum(['computed', 'entered']),
    computedKey: z.enum(COMPUTED_KEYS).optional(),
  })
  .superRefine((v, ctx) => {
    targetsAfterBaseline(v, ctx);
    if (v.source === 'computed' && !v.computedKey) ctx.addIssue({ code: 'custom', path: ['computedKey'], message: 'indicators.err.computedKey' });
  });
export type CreateIndicatorInput = z.infer<typeof CreateIndicatorBody>;

export const UpdateIndicatorBody = z.strictObject({ ...indicatorFields, version: recordVersion() }).superRefine(targetsAfterBaseline);
export type UpdateIndicatorInput = z.infer<typeof UpdateIndicatorBody>;

export const RetireBody = z.strictObject({ version: recordVersion() });

/** Entered figures as CSV in the body (never in a URL): `code;year;value`, a header line first. */
export const IMPORT_BODY_LIMIT = 1_100_000;
export const ImportBody = z.strictObject({ csv: text().pipe(z.string().max(1_000_000)) });

export const ReportQuery = z.strictObject({
  year: z.coerce.number({ message: 'indicators.err.year' }).int({ message: 'indicators.err.year' }).min(2000, { message: 'indicators.err.year' }).max(2100, { message: 'indicators.err.year' }),
  teamId: uuid.optional(),
});
export type ReportQueryInput = z.infer<typeof ReportQuery>;
