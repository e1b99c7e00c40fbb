// The outcome track's answers: the indicator register and the annual status report. Figures only;
// every computed figure has been through the suppression rule (common/suppression.ts). A share is
// in percent (0–100) everywhere: register, figures, CSV.
import { z } from 'zod';
import { abilities, Cell } from './shared.ts';

const Texts = z.object({ nb: z.string(), nn: z.string(), en: z.string() });
const YearValue = z.object({ year: z.number(), value: z.number() });

export const Indicator = z.object({
  id: z.string(),
  code: z.string(),
  source: z.enum(['computed', 'entered']),
  computedKey: z.string().nullable(),
  names: Texts,
  definitions: Texts,
  /** The name and definition in the reader's language. */
  name: z.string(),
  definition: z.string(),
  unit: z.enum(['count', 'share', 'days', 'years']),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  baseline: YearValue,
  targets: z.array(YearValue),
  /** Entered figures by year (entered indicators only). */
  entries: z.array(YearValue),
  retiredAt: z.iso.datetime().nullable(),
  version: z.number(),
  updatedAt: z.iso.datetime(),
});
export type Indicator = z.infer<typeof Indicator>;

/** GET /api/indicators */
export const IndicatorRegisterResponse = z.object({
  indicators: z.array(Indicator),
  /** The computed definitions an indicator can use (server/modules/indicators/definitions.ts). */
  computed: z.array(z.object({ key: z.string(), unit: z.enum(['count', 'share', 'days', 'years']) })),
  abilities: abilities('edit'),
});
export type IndicatorRegisterResponse = z.infer<typeof IndicatorRegisterResponse>;

/** GET /api/indicators/:indicatorId/history: every saved version, newest first */
export const IndicatorHistoryResponse = z.object({
  versions: z.array(z.object({
    version: z.number(),
    savedAt: z.iso.datetime(),
    name: z.string(),
    baseline: YearValue,
    targets: z.array(YearValue),
    retired: z.boolean(),
  })),
});
export type IndicatorHistoryResponse = z.infer<typeof IndicatorHistoryResponse>;

/** POST /api/indicators/entries: a CSV of entered figures, all or nothing */
export const ImportEntriesResponse = z.object({ imported: z.number() });
export type ImportEntriesResponse = z.infer<typeof ImportEntriesResponse>;

export const ReportRow = z.object({
  indicator: z.object({
    id: z.string(), code: z.string(), name: z.string(), definition: z.string(),
    unit: z.enum(['count', 'share', 'days', 'years']), direction: z.enum(['higher_is_better', 'lower_is_better']), source: z.enum(['computed', 'entered']),
  }),
  baseline: YearValue,
  /** The target for the report's year, if one was set. */
  target: YearValue.nullable(),
  /** The figure for the year (null: none yet). */
  status: Cell.nullable(),
  previous: Cell.nullable(),
  /** Status minus baseline and minus the previous year; null when either is missing or hidden. */
  changeFromBaseline: z.number().nullable(),
  changeFromPrevious: z.number().nullable(),
  /** Better than the baseline by the indicator's direction. */
  improved: z.boolean().nullable(),
  targetMet: z.boolean().nullable(),
  /** From the baseline's year to the report's year. */
  trend: z.array(z.object({ year: z.number(), value: Cell.nullable() })),
  /** Per team, kindergarten/school or service type, where the indicator is broken down. */
  breakdown: z.array(z.object({ scopeKind: z.enum(['team', 'unit', 'service_type']), key: z.string(), name: z.string(), value: Cell })),
});
export type ReportRow = z.infer<typeof ReportRow>;

/** GET /api/indicators/report?year=: the annual status report (the 003 table) */
export const AnnualReportResponse = z.object({
  year: z.number(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When the computed figures were last counted. */
  refreshedAt: z.iso.datetime().nullable(),
  suppressionThreshold: z.number(),
  rows: z.array(ReportRow),
});
export type AnnualReportResponse = z.infer<typeof AnnualReportResponse>;
