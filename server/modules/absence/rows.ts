// The absence file's format and the checks that need no database: columns, national id checksums,
// dates, percentages and progress. Each problem names the line, never the national id.
import type { MessageKey, MessageParams } from '../../../common/i18n/index.ts';
import { parseNationalId } from '../../../common/national-id.ts';
import { readCsv } from './csv.ts';

export const MAX_ROWS = 10_000;
export const MAX_CSV_CHARS = 2_000_000;

export type Column = 'nationalId' | 'from' | 'to' | 'percent' | 'progress' | 'teacherEmail';

/** The documented column names, in the order the documentation shows them. */
export const COLUMN_NAMES: Record<Column, string> = {
  nationalId: 'fodselsnummer',
  from: 'fra',
  to: 'til',
  percent: 'fravaer_prosent',
  progress: 'progresjon',
  teacherEmail: 'kontaktlaerer_epost',
};

/** Header names are matched without case, Norwegian letters, spaces, hyphens and underscores. */
const HEADER_ALIASES: Record<string, Column> = {
  fodselsnummer: 'nationalId', fnr: 'nationalId', personnummer: 'nationalId',
  fra: 'from', fradato: 'from',
  til: 'to', tildato: 'to',
  fravaerprosent: 'percent', fravaer: 'percent', fravarprosent: 'percent',
  progresjon: 'progress',
  kontaktlaererepost: 'teacherEmail', kontaktlaerer: 'teacherEmail', kontaktlarerepost: 'teacherEmail',
};

function normaliseHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .replace(/[\s_\-.%()]/g, '');
}

export interface Problem {
  /** null for a problem with the file as a whole. */
  line: number | null;
  key: MessageKey;
  params?: MessageParams;
}

export interface ParsedRow {
  line: number;
  nationalId: string | null; // null when invalid (reported)
  from: string | null;
  to: string | null;
  percent: number | null;
  progress: 'good' | 'weak' | null;
  teacherEmail: string | null; // lower case
}

function isoDate(value: string): string | null {
  const text = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (norwegian) [d, m, y] = [Number(norwegian[1]), Number(norwegian[2]), Number(norwegian[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function percentOf(value: string, line: number, problems: Problem[]): number | null {
  const text = value.trim().replace(/\s*%$/, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) {
    problems.push({ line, key: 'notifications.absence.row.percentMalformed', params: { line } });
    return null;
  }
  const n = Number(text.replace(',', '.'));
  if (n < 0) {
    problems.push({ line, key: 'notifications.absence.row.percentNegative', params: { line } });
    return null;
  }
  if (n > 100) {
    problems.push({ line, key: 'notifications.absence.row.percentOver100', params: { line } });
    return null;
  }
  return n;
}

const NATIONAL_ID_PROBLEM: Record<'format' | 'checksum' | 'date', MessageKey> = {
  format: 'notifications.absence.row.nationalIdFormat',
  checksum: 'notifications.absence.row.nationalIdChecksum',
  date: 'notifications.absence.row.nationalIdDate',
};

/** Reads the file and checks every row; database checks (child, teacher) come after. */
export function parseAbsenceFile(csv: string): { rows: ParsedRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = readCsv(csv);
  if (!file) return { rows: [], problems: [{ line: null, key: 'notifications.absence.file.empty' }] };

  const index = {} as Record<Column, number>;
  for (const [i, name] of file.header.entries()) {
    const column = HEADER_ALIASES[normaliseHeader(name)];
    if (!column) continue; // other columns (a name, a class) are allowed and ignored
    if (index[column] !== undefined) problems.push({ line: null, key: 'notifications.absence.file.duplicateColumn', params: { column: name } });
    index[column] = i;
  }
  const missing = (Object.keys(COLUMN_NAMES) as Column[]).filter((c) => index[c] === undefined);
  if (missing.length) problems.push({ line: null, key: 'notifications.absence.file.missingColumns', params: { columns: missing.map((c) => COLUMN_NAMES[c]).join(', ') } });
  if (file.rows.length === 0) problems.push({ line: null, key: 'notifications.absence.file.noRows' });
  if (file.rows.length > MAX_ROWS) problems.push({ line: null, key: 'notifications.absence.file.tooManyRows', params: { max: MAX_ROWS } });
  if (problems.length) return { rows: [], problems };

  const rows: ParsedRow[] = [];
  for (const { line, fields } of file.rows) {
    if (fields.length !== file.header.length) {
      problems.push({ line, key: 'notifications.absence.row.columnCount', params: { line, found: fields.length, expected: file.header.length } });
      continue;
    }
    const get = (c: Column) => (fields[index[c]] ?? '').trim();

    let nationalId: string | null = get('nationalId').replace(/\s/g, '');
    const id = parseNationalId(nationalId);
    if (!id.valid) {
      problems.push({ line, key: NATIONAL_ID_PROBLEM[id.problem], params: { line } });
      nationalId = null;
    }
    const from = isoDate(get('from'));
    if (!from) problems.push({ line, key: 'notifications.absence.row.dateMalformed', params: { line, column: COLUMN_NAMES.from } });
    const to = isoDate(get('to'));
    if (!to) problems.push({ line, key: 'notifications.absence.row.dateMalformed', params: { line, column: COLUMN_NAMES.to } });
    if (from && to && to < from) problems.push({ line, key: 'notifications.absence.row.toBeforeFrom', params: { line } });
    const percent = percentOf(get('percent'), line, problems);
    const progressText = get('progress').toLowerCase();
    const progress = progressText === 'god' ? 'good' : progressText === 'svak' ? 'weak' : null;
    if (!progress) problems.push({ line, key: 'notifications.absence.row.progressInvalid', params: { line } });
    const teacherEmail = get('teacherEmail').toLowerCase() || null;
    if (!teacherEmail) problems.push({ line, key: 'notifications.absence.row.teacherMissing', params: { line } });
    rows.push({ line, nationalId, from, to: to && from && to < from ? null : to, percent, progress, teacherEmail });
  }
  return { rows, problems };
}
