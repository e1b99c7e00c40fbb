import { z } from 'zod';
import { isoDate, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { CONSENT_CATEGORIES } from '../consent/rules.ts';

export const PersonParams = z.strictObject({ id: uuid });
export const TeamParams = z.strictObject({ teamId: uuid });
export const ReferralParams = z.strictObject({ referralId: uuid });
export const MeetingParams = z.strictObject({ meetingId: uuid });
export const ItemParams = z.strictObject({ itemId: uuid });

const dateTime = z.iso.datetime({ offset: true, message: 'errors.invalidDate' });

export const ReferralBody = z.strictObject({
  reason: nonEmptyText(4000),
  // consent: the family consented to team discussion; family_present: a guardian or the youth takes part
  basis: z.enum(['consent', 'family_present']),
  teamId: uuid.optional(),
  /** Why another team than the one proposed for the child's age and area: required then. */
  otherTeamReason: optionalText(2000),
});

export const AnonymousReferralBody = z.strictObject({ teamId: uuid, ageYears: z.number().int().min(0).max(25), summary: nonEmptyText(4000) });

export const AnswerBody = z.strictObject({ note: optionalText(2000) });
export const MoreInfoBody = z.strictObject({ note: nonEmptyText(2000) });
export const RedirectBody = z.strictObject({ teamId: uuid, note: nonEmptyText(2000) });

export const ScheduleBody = z
  .strictObject({
    startsAt: dateTime,
    endsAt: dateTime.optional(),
    place: optionalText(200),
    staffIds: z.array(uuid).max(20).default([]),
    personIds: z.array(uuid).max(6).default([]),
  });
export type ScheduleInput = z.infer<typeof ScheduleBody>;

/** A participant at a meeting: present, absent, or sent apologies (meldt forfall). */
export const ATTENDANCE = ['present', 'absent', 'apologies'] as const;

export const ActionItemInput = z.strictObject({
  what: nonEmptyText(500),
  ownerStaffId: uuid.optional(),
  /** A guardian or the youth taking part owns the item instead of a professional. */
  ownerPersonId: uuid.optional(),
  dueOn: isoDate.optional(),
});

export const MinutesBody = z
  .strictObject({
    version: recordVersion(),
    category: z.enum(CONSENT_CATEGORIES).default('development'),
    background: optionalText(8000),
    childView: optionalText(4000),
    familyView: optionalText(4000),
    assessments: optionalText(8000),
    decisions: optionalText(8000),
    actionItems: z.array(ActionItemInput).max(30).default([]),
    // Who actually came (oppmøte), by participant; those left out stay as they were.
    attendance: z.array(z.strictObject({ participantId: uuid, attendance: z.enum(ATTENDANCE) })).max(40).default([]),
  })
  .superRefine((v, ctx) => {
    v.actionItems.forEach((item, i) => {
      if (!item.ownerStaffId && !item.ownerPersonId) ctx.addIssue({ code: 'custom', path: ['actionItems', i, 'ownerStaffId'], message: 'meetings.err.ownerRequired' });
      if (item.ownerStaffId && item.ownerPersonId) ctx.addIssue({ code: 'custom', path: ['actionItems', i, 'ownerPersonId'], message: 'meetings.err.oneOwner' });
      if (!item.dueOn) ctx.addIssue({ code: 'custom', path: ['actionItems', i, 'dueOn'], message: 'meetings.err.dueRequired' });
    });
  });
export type MinutesInput = z.infer<typeof MinutesBody>;

export const ReviewBody = z.strictObject({
  items: z.array(z.strictObject({ id: uuid, status: z.enum(['done', 'not_done']), note: optionalText(1000) })).min(1).max(30),
});
