// Reports to child welfare, the intake's queue and anonymous consultations (server/modules/child-welfare-reports).
import { z } from 'zod';

const date = z.iso.date();
const at = z.iso.datetime();
const Decision = z.enum(['investigation', 'dismissed', 'referred']);
const Status = z.enum(['sent', 'received', 'feedback_given', 'investigation_ended']);
const DeliveryState = z.enum(['queued', 'accepted', 'sent', 'delivered', 'refused', 'failed']);

/** The law's deadlines as Oslo calendar dates, and whether each passed undone. */
const Deadlines = {
  reviewBy: date, reviewOverdue: z.boolean(),
  feedbackBy: date, feedbackOverdue: z.boolean(),
  investigationEndBy: date.nullable(), investigationOverdue: z.boolean(),
  finalFeedbackBy: date.nullable(), finalFeedbackOverdue: z.boolean(),
};

/** POST /api/people/:id/child-welfare-reports: the receipt. */
export const SendReportResponse = z.object({
  id: z.string(), reference: z.string(), receivedAt: at, receivedOn: date, reviewBy: date, feedbackBy: date,
  /** The duty service's phone number, for an urgent report. */
  dutyServicePhone: z.string().nullable(),
});
export type SendReportResponse = z.infer<typeof SendReportResponse>;

/** GET /api/child-welfare/queue */
export const ReportQueueResponse = z.object({
  items: z.array(z.object({
    id: z.string(), reference: z.string(), urgent: z.boolean(), receivedAt: at, status: Status, daysSinceReceipt: z.number(),
    child: z.object({ id: z.string(), name: z.string() }),
    reporter: z.object({ name: z.string(), unitName: z.string().nullable(), unitType: z.string().nullable() }),
    decision: Decision.nullable(),
    ...Deadlines,
  })),
});
export type ReportQueueResponse = z.infer<typeof ReportQueueResponse>;

/** GET /api/child-welfare/reports/:reportId and every step the intake takes on it. */
export const ReportResponse = z.object({
  id: z.string(), reference: z.string(), version: z.number(), status: Status, urgent: z.boolean(), receivedAt: at, receivedOn: date,
  child: z.object({ id: z.string(), name: z.string(), birthDate: date, address: z.string().nullable(), unborn: z.boolean() }),
  guardians: z.array(z.object({ personId: z.string(), name: z.string(), phone: z.string().nullable() })),
  reporter: z.object({ id: z.string(), name: z.string(), role: z.string(), phone: z.string(), email: z.string(), unitName: z.string().nullable(), unitType: z.string().nullable() }),
  observedOn: date, description: z.string(), history: z.string().nullable(), tried: z.string().nullable(), childWords: z.string().nullable(),
  otherServices: z.string().nullable(), interpreter: z.string().nullable(), legalBasis: z.enum(['child_welfare_act', 'health_personnel_act']),
  familyTold: z.boolean(), notToldReason: z.string().nullable(), familyMaySee: z.boolean(),
  acknowledgedAt: at.nullable(), decision: Decision.nullable(), decidedOn: date.nullable(), feedback: z.string().nullable(), feedbackAt: at.nullable(),
  investigationExtended: z.boolean(), investigationEndedOn: date.nullable(), finalFeedback: z.string().nullable(), finalFeedbackAt: at.nullable(),
  delivery: z.object({ channel: z.string().nullable(), state: DeliveryState, attempts: z.number().nullable() }).nullable(),
  ...Deadlines,
});
export type ReportResponse = z.infer<typeof ReportResponse>;

/** GET /api/child-welfare/reports/mine */
export const MyReportsResponse = z.object({
  items: z.array(z.object({
    id: z.string(), reference: z.string(), urgent: z.boolean(), receivedAt: at, status: Status,
    child: z.object({ id: z.string(), name: z.string() }),
    acknowledgedAt: at.nullable(), decision: Decision.nullable(), feedback: z.string().nullable(), feedbackAt: at.nullable(),
    investigationEndedOn: date.nullable(), finalFeedback: z.string().nullable(), delivery: DeliveryState.nullable(),
    feedbackBy: date, feedbackOverdue: z.boolean(), finalFeedbackBy: date.nullable(), finalFeedbackOverdue: z.boolean(),
  })),
});
export type MyReportsResponse = z.infer<typeof MyReportsResponse>;

/** GET /api/people/:id/child-welfare-reports (Min side) */
export const FamilyReportsResponse = z.object({
  reports: z.array(z.object({ id: z.string(), sentAt: at, unitName: z.string().nullable(), unitType: z.string().nullable() })),
});
export type FamilyReportsResponse = z.infer<typeof FamilyReportsResponse>;

const Outcome = z.enum(['advice', 'send_report', 'not_child_welfare']);
const Consultation = {
  id: z.string(), ageYears: z.number(), situation: z.string(), outcome: Outcome.nullable(), createdAt: at,
  asker: z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable(), unitType: z.string().nullable() }),
};

/** GET /api/child-welfare/consultations */
export const ConsultationsResponse = z.object({
  items: z.array(z.object(Consultation)),
  /** ask: a new consultation; answer: the threads (the intake). */
  abilities: z.object({ ask: z.boolean(), answer: z.boolean() }),
});
export type ConsultationsResponse = z.infer<typeof ConsultationsResponse>;

/** GET /api/child-welfare/consultations/:consultationId */
export const ConsultationResponse = z.object({
  ...Consultation,
  messages: z.array(z.object({ id: z.string(), body: z.string(), writtenAt: at, authorName: z.string() })),
});
export type ConsultationResponse = z.infer<typeof ConsultationResponse>;

/** By the service type's code, with its name in the reader's language (null for reports from no unit). */
const BySource = z.array(z.object({ source: z.string(), name: z.string().nullable(), count: z.number() }));

/** GET /api/child-welfare/counts: numbers only. */
export const ReportCountsResponse = z.object({
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  bySource: BySource,
  byDecision: z.array(z.object({ decision: z.string(), count: z.number() })),
  consultationsBySource: BySource,
});
export type ReportCountsResponse = z.infer<typeof ReportCountsResponse>;

