// The enrolment file's format and the checks that need no database: columns, national id checksums
// and dates. Each problem names the line, never the national id. The CSV reader is the absence
// import's (one reader for the school systems' files).
import type { MessageKey, MessageParams } from '../../../common/i18n/index.ts';
import { parseNationalId } from '../../../common/national-id.ts';
import { readCsv } from '../absence/csv.ts';

export const MAX_ROWS = 10_000;
export const MAX_CSV_CHARS = 2_000_000;

export type Column = 'nationalId' | 'startsOn' | 'endsOn';

/** The documented column names; sluttdato may be left out or empty (still enrolled). */
export const COLUMN_NAMES: Record<Column, string> = { nationalId: 'fodselsnummer', startsOn: 'startdato', endsOn: 'sluttdato' };
const REQUIRED: Column[] = ['nationalId', 'startsOn'];

/** Header names are matched without case, Norwegian letters, spaces, hyphens and underscores. */
const HEADER_ALIASES: Record<string, Column> = {
  fodselsnummer: 'nationalId', fnr: 'nationalId', personnummer: 'nationalId',
  startdato: 'startsOn', start: 'startsOn', fra: 'startsOn', innskrevet: 'startsOn',
  sluttdato: 'endsOn', slutt: 'endsOn', til: 'endsOn', utskrevet: 'endsOn',
};

function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[\s_\-.()]/g, '');
}

export interface Problem {
  /** null for a problem with the file as a whole. */
  line: number | null;
  key: MessageKey;
  params?: MessageParams;
}

export interface EnrolmentRow {
  line: number;
  nationalId: string | null; // null when invalid (reported)
  startsOn: string | null;
  endsOn: string | null;
}

/** 'YYYY-MM-DD' from dd.mm.åååå or åååå-mm-dd, or null for anything else or an impossible date. */
export function isoDate(value: string): string | null {
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

const NATIONAL_ID_PROBLEM: Record<'format' | 'checksum' | 'date', MessageKey> = {
  format: 'enrolments.row.nationalIdFormat',
  checksum: 'enrolments.row.nationalIdChecksum',
  date: 'enrolments.row.nationalIdDate',
};

/** Reads the file and checks every row; the register check (is this a child of ours?) comes after. */
export function parseEnrolmentFile(csv: string): { rows: EnrolmentRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = readCsv(csv);
  if (!file) return { rows: [], problems: [{ line: null, key: 'enrolments.file.empty' }] };
  const index: Partial<Record<Column, number>> = {};
  for (const [i, name] of file.header.entries()) {
    const column = HEADER_ALIASES[normaliseHeader(name)];
    if (!column) continue; // other columns (names, a class, a department) are allowed and ignored
    if (index[column] !== undefined) problems.push({ line: null, key: 'enrolments.file.duplicateColumn', params: { column: name } });
    index[column] = i;
  }
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length) problems.push({ line: null, key: 'enrolments.file.missingColumns', params: { columns: missing.map((c) => COLUMN_NAMES[c]).join(', ') } });
  if (file.rows.length === 0) problems.push({ line: null, key: 'enrolments.file.noRows' });
  if (file.rows.length > MAX_ROWS) problems.push({ line: null, key: 'enrolments.file.tooManyRows', params: { max: MAX_ROWS } });
  if (problems.length) return { rows: [], problems };

  const rows: EnrolmentRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of file.rows) {
    if (fields.length !== file.header.length) {
      problems.push({ line, key: 'enrolments.row.columnCount', params: { line, found: fields.length, expected: file.header.length } });
      continue;
    }
    const get = (c: Column) => (index[c] === undefined ? '' : (fields[index[c]] ?? '').trim());
    let nationalId: string | null = get('nationalId').replace(/\s/g, '');
    const id = parseNationalId(nationalId);
    if (!id.valid) {
      problems.push({ line, key: NATIONAL_ID_PROBLEM[id.problem], params: { line } });
      nationalId = null;
    } else {
      const other = seen.get(nationalId);
      if (other !== undefined) problems.push({ line, key: 'enrolments.row.duplicate', params: { line, other } });
      else seen.set(nationalId, line);
    }
    const startsOn = isoDate(get('startsOn'));
    if (!startsOn) problems.push({ line, key: 'enrolments.row.dateMalformed', params: { line, column: COLUMN_NAMES.startsOn } });
    const endText = get('endsOn');
    const endsOn = endText ? isoDate(endText) : null;
    if (endText && !endsOn) problems.push({ line, key: 'enrolments.row.dateMalformed', params: { line, column: COLUMN_NAMES.endsOn } });
    if (startsOn && endsOn && endsOn < startsOn) problems.push({ line, key: 'enrolments.row.endBeforeStart', params: { line } });
    rows.push({ line, nationalId, startsOn, endsOn });
  }
  return { rows, problems };
}
