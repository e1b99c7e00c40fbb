// What the schema cannot tell the type generator (codegen.ts): the shape of a jsonb column as the
// code writes it, and how the database driver hands values over. types.ts is generated from the
// migrated schema plus this file. Nullability and defaults always come from the schema, and so do
// the closed sets of values of text columns: codegen.ts reads them from their CHECK constraints.

/** A link in the action guide (action_guide_step.links). */
export interface GuideLink {
  label: { nb: string; nn: string; en: string };
  url: string;
}

/**
 * Column types by PostgreSQL type name, as database.ts parses them: int8 as a number (counts and
 * bigserial ids stay far below 2^53); bytea as the bytes both drivers return. A `date` stays the
 * text 'YYYY-MM-DD' (codegen.ts asks for that).
 */
export const TYPE_MAPPING: Record<string, string> = {
  int8: 'number',
  bytea: 'Uint8Array',
};

/**
 * The type of one jsonb column, 'table.column' → a TypeScript type: read as its shape, written as
 * JSON text (the code stringifies it). codegen.ts adds `| null` for a nullable column and
 * Generated<> for one with a default, so write only the value's type.
 */
export const COLUMN_TYPES: Record<string, string> = {
  'idempotency_key.response': 'ColumnType<unknown, string, string>',
  'job.payload': 'ColumnType<unknown, string, string>',
  'catalogue_service_version.rules': 'ColumnType<unknown, string, string>',
  'catalogue_guide.definition': 'ColumnType<unknown, string, string>',
  'action_guide_step.links': 'ColumnType<GuideLink[], string, string>',
  'notification.params': 'ColumnType<Record<string, string | number>, string, string>',
  // See modules/child-welfare-reports/schema.ts for `content`.
  'child_welfare_report.content': 'ColumnType<unknown, string, string>',
  'child_welfare_report_delivery.payload': 'ColumnType<unknown, string, string>',
  // See modules/questionnaires/definition.ts: a FHIR Questionnaire-shaped definition and response items.
  'questionnaire_version.definition': 'ColumnType<unknown, string, string>',
  'screening.response': 'ColumnType<unknown, string, string>',
  'screening.subscores': 'ColumnType<Record<string, number>, string, string>',
};

/**
 * Text columns whose CHECK lists their values but that stay `string` until the code that fills
 * and filters them carries the closed type (the access module's category sets are strings).
 */
export const WIDE_COLUMNS: readonly string[] = ['relay_log_entry.category'];

/** Columns the code never writes (computed by the database): their type as it stands. */
export const READ_ONLY_COLUMNS: Record<string, string> = {
  'catalogue_service_text.search': 'ColumnType<string, never, never>',
};

/** The named types above that the generated file imports. */
export const NAMED_TYPES = ['GuideLink'] as const;
