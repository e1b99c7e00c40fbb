// The law's deadlines for a report to child welfare, in one place. They run in calendar days in
// Norway, from the Oslo date the report was received: the hour, the weekday and daylight saving
// do not matter, and the day of receipt is not counted (a week from a Monday is the next Monday).
// A deadline that falls on a weekend or holiday is not moved: these are the service's own
// working deadlines, not a party's time limit (decision 0021).
//   barnevernloven § 6-2: the intake reviews a report within one week of receipt;
//   § 13-2 / § 6-7: a reporter gets feedback within three weeks of receipt, and a reporter from a
//   public service hears again within three weeks after an investigation ends;
//   § 6-2: an investigation is finished within three months of receipt, six when extended.
import { addDays, addMonths } from '../../../common/dates.ts';
import { osloDate } from '../../../common/dates.ts';

export const REVIEW_DAYS = 7;
export const FEEDBACK_DAYS = 21;
export const FINAL_FEEDBACK_DAYS = 21;
export const INVESTIGATION_MONTHS = 3;
export const INVESTIGATION_EXTENDED_MONTHS = 6;
/** Reminders go to the intake this many days before a deadline. */
export const REMINDER_DAYS_BEFORE = 2;

export interface ReceiptDeadlines {
  receivedOn: string;
  reviewBy: string;
  feedbackBy: string;
}

export function receiptDeadlines(receivedAt: Date): ReceiptDeadlines {
  const receivedOn = osloDate(receivedAt);
  return { receivedOn, reviewBy: addDays(receivedOn, REVIEW_DAYS), feedbackBy: addDays(receivedOn, FEEDBACK_DAYS) };
}

export function investigationEndBy(receivedOn: string, extended: boolean): string {
  return addMonths(receivedOn, extended ? INVESTIGATION_EXTENDED_MONTHS : INVESTIGATION_MONTHS);
}

export function finalFeedbackBy(investigationEndedOn: string): string {
  return addDays(investigationEndedOn, FINAL_FEEDBACK_DAYS);
}

/** A deadline is missed once its day has passed in Oslo without the thing done. */
export function isOverdue(deadline: string, now: Date): boolean {
  return osloDate(now) > deadline;
}
