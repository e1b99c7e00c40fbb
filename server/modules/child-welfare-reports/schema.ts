import { z } from 'zod';
import { isoDate, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';

export const PersonParams = z.strictObject({ id: uuid });
export const ReportParams = z.strictObject({ reportId: uuid });
export const ConsultationParams = z.strictObject({ consultationId: uuid });

/** The duty the reporter acts under: barnevernloven § 13-2, or helsepersonelloven § 33 for health personnel. */
export const LEGAL_BASES = ['child_welfare_act', 'health_personnel_act'] as const;
export const DECISIONS = ['investigation', 'dismissed', 'referred'] as const;
export type ReviewDecision = (typeof DECISIONS)[number];

/** The national channel's pattern for a phone number (offentlig.bekymringsmelding.v2). */
const phone = z.string().trim().regex(/^[+]?[0-9]+([- ][0-9]+)*$/, { message: 'reports.err.phone' }).max(30);

/** The national report form for public services, as far as the reporter writes it. */
export const ReportBody = z
  .strictObject({
    description: nonEmptyText(8000),
    observedOn: isoDate,
    history: optionalText(8000),
    tried: optionalText(4000),
    childWords: optionalText(4000),
    otherServices: optionalText(2000),
    interpreter: optionalText(200),
    urgent: z.boolean(),
    familyTold: z.boolean(),
    notToldReason: optionalText(2000),
    legalBasis: z.enum(LEGAL_BASES),
    reporterPhone: phone,
  })
  .superRefine((v, ctx) => {
    if (!v.familyTold && !v.notToldReason) ctx.addIssue({ code: 'custom', path: ['notToldReason'], message: 'reports.err.notToldReason' });
  });
export type ReportInput = z.infer<typeof ReportBody>;

/** What the report holds as sent (child_welfare_report.content). */
export interface ReportContent {
  child: { name: string; birthDate: string; address: string | null; unborn: boolean };
  guardians: { personId: string; name: string; phone: string | null }[];
  reporter: { name: string; email: string; unitName: string | null; unitType: string | null };
  description: string;
  history: string | null;
  tried: string | null;
  childWords: string | null;
  otherServices: string | null;
  interpreter: string | null;
  legalBasis: (typeof LEGAL_BASES)[number];
}

export const QueueQuery = z.strictObject({ view: z.enum(['open', 'overdue', 'all']).default('open') });

export const VersionBody = z.strictObject({ version: recordVersion() });

export const DecisionBody = z.strictObject({
  decision: z.enum(DECISIONS),
  feedback: nonEmptyText(4000),
  version: recordVersion(),
});

export const InvestigationBody = z
  .strictObject({ step: z.enum(['extend', 'end']), finalFeedback: optionalText(4000), version: recordVersion() })
  .superRefine((v, ctx) => {
    if (v.step === 'end' && !v.finalFeedback) ctx.addIssue({ code: 'custom', path: ['finalFeedback'], message: 'errors.required' });
  });

export const FamilyVisibilityBody = z.strictObject({ familyMaySee: z.literal(true), version: recordVersion() });

export const ConsultationBody = z.strictObject({
  ageYears: z.number().int().min(0).max(18),
  situation: nonEmptyText(4000),
});

export const ConsultationAnswerBody = z.strictObject({
  body: nonEmptyText(4000),
  outcome: z.enum(['advice', 'send_report', 'not_child_welfare']).optional(),
});

export const CountsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
