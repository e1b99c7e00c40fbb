// Building blocks for request schemas shared by the modules.
import { z } from 'zod';
import { parseNationalId } from '../../../common/national-id.ts';

function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date as 'YYYY-MM-DD' that exists (no 30 February). */
export const isoDate = z
  .string({ message: 'errors.invalidDate' })
  .refine(isRealIsoDate, { message: 'errors.invalidDate' })
  .meta({ format: 'date' });

/** PostgreSQL's integer (int4): a larger number is refused here rather than by the database. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** A whole number that fits the database's integer column. */
export const int4 = () => z.number().int().min(INT4_MIN).max(INT4_MAX);

/** The version of a record the client read (optimistic concurrency). */
export const recordVersion = (min = 1) => z.number().int().min(min).max(INT4_MAX);

/**
 * Characters that never belong in text a person typed: C0 controls except tab and line feed (a
 * carriage return only as part of CRLF), DEL, C1 controls, and the Unicode bidi embeddings,
 * overrides and isolates that make text read differently from how it is stored (U+202A–U+202E,
 * U+2066–U+2069). A lone CR splits lines in e-mail and calendar files; a null byte cannot be
 * stored in PostgreSQL text; bidi overrides disguise names and links.
 */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_IN_TEXT.test(value);
}

/** Line ends are stored as LF whatever the browser or script sent. */
export const normaliseLineEnds = (value: string) => value.replace(/\r\n/g, '\n');

/** Free text: no control characters or bidi overrides; CRLF becomes LF. The route runner applies the same rule to every string of every request. */
export const text = () =>
  z.string().refine((v) => !hasForbiddenCharacters(v), { message: 'errors.controlCharacter' }).transform(normaliseLineEnds);

export const nonEmptyText = (max = 200) => text().pipe(z.string().trim().min(1).max(max));
export const optionalText = (max = 200) =>
  text().pipe(z.string().trim().max(max)).optional().transform((v) => (v ? v : undefined));

export const uuid = z.uuid();

/** Fødselsnummer or D-nummer, spaces allowed, both check digits and the date verified. */
export const nationalId = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .superRefine((value, ctx) => {
    const result = parseNationalId(value);
    if (result.valid) return;
    const message =
      result.problem === 'format' ? 'errors.nationalIdFormat'
      : result.problem === 'checksum' ? 'errors.nationalIdChecksum'
      : 'errors.nationalIdDate';
    ctx.addIssue({ code: 'custom', message });
  });

export const email = z.email().max(200);

export const language = z.enum(['nb', 'nn', 'en']);
