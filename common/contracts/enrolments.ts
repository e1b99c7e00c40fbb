import { z } from 'zod';

/** POST /api/enrolments/imports */
export const ImportEnrolmentsResponse = z.object({
  importId: z.string(),
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
});
export type ImportEnrolmentsResponse = z.infer<typeof ImportEnrolmentsResponse>;

/** GET /api/enrolments?q= : name and birth date only, a page at a time. */
export const EnrolledChildrenResponse = z.object({
  children: z.array(z.object({
    personId: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string(),
  })),
  hasMore: z.boolean(),
  nextCursor: z.string().nullable(),
  abilities: z.object({ noteWorry: z.boolean() }),
});
export type EnrolledChildrenResponse = z.infer<typeof EnrolledChildrenResponse>;
