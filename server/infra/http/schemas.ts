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

export const nonEmptyText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

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
