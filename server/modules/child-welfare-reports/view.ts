// How a report reads: its status and deadlines, and the whole report for the intake and the reporter.
import { isOverdue } from './deadlines.ts';
import type { ReportRow } from './queries.ts';
import type { ReportContent } from './schema.ts';

// The review decision is recorded with its feedback to the reporter, in one step.
export type ReportStatus = 'sent' | 'received' | 'feedback_given' | 'investigation_ended';

export function statusOf(r: Pick<ReportRow, 'acknowledged_at' | 'feedback_at' | 'final_feedback_at'>): ReportStatus {
  if (r.final_feedback_at) return 'investigation_ended';
  if (r.feedback_at) return 'feedback_given';
  if (r.acknowledged_at) return 'received';
  return 'sent';
}

/** The deadlines of a report, each with whether it passed undone. */
export function deadlinesOf(r: ReportRow, now: Date) {
  return {
    reviewBy: r.review_by,
    reviewOverdue: !r.decided_at && isOverdue(r.review_by, now),
    feedbackBy: r.feedback_by,
    feedbackOverdue: !r.feedback_at && isOverdue(r.feedback_by, now),
    investigationEndBy: r.investigation_end_by,
    investigationOverdue: r.investigation_end_by !== null && !r.investigation_ended_on && isOverdue(r.investigation_end_by, now),
    finalFeedbackBy: r.final_feedback_by,
    finalFeedbackOverdue: r.final_feedback_by !== null && !r.final_feedback_at && isOverdue(r.final_feedback_by, now),
  };
}

/** One report as its reader sees it: the intake and the reporter see what it contains, and nothing else of the child's case. */
export function reportView(r: ReportRow, now: Date) {
  const content = r.content as ReportContent;
  return {
    id: r.id, reference: r.reference, version: r.version, status: statusOf(r), urgent: r.urgent,
    receivedAt: r.received_at, receivedOn: r.received_on,
    child: { id: r.person_id, ...content.child },
    guardians: content.guardians,
    reporter: { id: r.reporter_staff_id, name: r.reporter_name, role: r.reporter_role, phone: r.reporter_phone, email: content.reporter.email, unitName: r.unit_name, unitType: r.unit_type },
    observedOn: r.observed_on, description: content.description, history: content.history, tried: content.tried, childWords: content.childWords,
    otherServices: content.otherServices, interpreter: content.interpreter, legalBasis: content.legalBasis,
    familyTold: r.family_told, notToldReason: r.not_told_reason, familyMaySee: r.family_may_see,
    acknowledgedAt: r.acknowledged_at, decision: r.decision, decidedOn: r.decided_on, feedback: r.feedback_text, feedbackAt: r.feedback_at,
    investigationExtended: r.investigation_extended, investigationEndedOn: r.investigation_ended_on, finalFeedback: r.final_feedback_text, finalFeedbackAt: r.final_feedback_at,
    delivery: r.delivery_state ? { channel: r.delivery_channel, state: r.delivery_state, attempts: r.delivery_attempts } : null,
    ...deadlinesOf(r, now),
  };
}

