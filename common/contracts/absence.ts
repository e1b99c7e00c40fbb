import { z } from 'zod';

/** POST /api/absence/imports */
export const ImportAbsenceResponse = z.object({
  importId: z.string(),
  rows: z.number(),
  children: z.number(),
  highAbsence: z.number(),
});
export type ImportAbsenceResponse = z.infer<typeof ImportAbsenceResponse>;

/** GET /api/absence/high */
export const ListHighAbsenceResponse = z.object({
  children: z.array(z.object({
    personId: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    period: z.string(),
    absencePercent: z.number(),
    absencePercentText: z.string(),
    progress: z.enum(['good', 'weak']),
  })),
  firstStep: z.object({
    key: z.string(),
    title: z.string(),
    body: z.string(),
    guideVersion: z.number(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
  }).nullable(),
});
export type ListHighAbsenceResponse = z.infer<typeof ListHighAbsenceResponse>;

