import { z } from 'zod';
import { afterCursor } from '../../infra/http/paging.ts';
import { uuid } from '../../infra/http/schemas.ts';
import { WorryBody } from '../cases/schema.ts';
import { MAX_CSV_CHARS } from './rows.ts';

/** The CSV goes in the body (never in a URL), as text: the browser reads the file as UTF-8. */
export const ImportEnrolmentsBody = z.strictObject({
  fileName: z.string().trim().max(200).optional(),
  csv: z.string(),
});
export type ImportEnrolmentsInput = z.infer<typeof ImportEnrolmentsBody>;

/** Room for the largest file we accept, in JSON, and a little more so a too-large file gets its own message. */
export const IMPORT_BODY_LIMIT = MAX_CSV_CHARS * 2 + 100_000;

/**
 * A name (or part of one) or a birth date (dd.mm.åååå or åååå-mm-dd). Never a national identity
 * number: it would land in a URL and the logs, so eleven digits are refused outright.
 */
export const EnrolmentSearchQuery = z.strictObject({
  q: z.string().trim().min(2, 'enrolments.search.tooShort').max(100)
    .refine((q) => !/^\d{6}\s?\d{5}$/.test(q), 'enrolments.search.noNationalId'),
  after: afterCursor,
});

export const EnrolledChildParams = z.strictObject({ personId: uuid });

/** A worry about an enrolled child: what the worry page asks, the child given by the address. */
export const EnrolledWorryBody = WorryBody.pick({ categories: true, description: true, noticedOn: true });
export type EnrolledWorryInput = z.infer<typeof EnrolledWorryBody>;
