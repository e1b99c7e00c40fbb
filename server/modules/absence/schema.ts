import { z } from 'zod';
import { MAX_CSV_CHARS } from './rows.ts';

/** The CSV goes in the body (never in a URL), as text: the browser reads the file as UTF-8. */
export const ImportAbsenceBody = z.strictObject({
  fileName: z.string().trim().max(200).optional(),
  csv: z.string(),
});
export type ImportAbsenceInput = z.infer<typeof ImportAbsenceBody>;

/** Room for the largest file we accept, in JSON, and a little more so a too-large file gets its own message. */
export const IMPORT_BODY_LIMIT = MAX_CSV_CHARS * 2 + 100_000;
