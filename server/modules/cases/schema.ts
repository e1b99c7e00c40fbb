import { z } from 'zod';
import { isoDate, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { CONSENT_CATEGORIES } from '../consent/rules.ts';
import { ENTRY_KINDS } from '../../../common/contracts/cases.ts';
import { afterCursor } from '../../infra/http/paging.ts';

export const CaseParams = z.strictObject({ caseId: uuid });
export const PersonParams = z.strictObject({ id: uuid });
/** A page of the relay log (`before`: the `olderCursor` of the page before it) and of the case's worries (`worriesAfter`: the `worriesCursor`). */
export const CasePageQuery = z.strictObject({ before: z.string().min(1).max(200).optional(), worriesAfter: afterCursor });
export const WorryParams = z.strictObject({ worryId: uuid });
export const HandoverParams = z.strictObject({ handoverId: uuid });
export const EntryParams = z.strictObject({ caseId: uuid, entryKey: uuid });

export const LEVELS = [0, 1, 2, 3] as const;
const level = z.number().int().min(0).max(3);
const category = z.enum(CONSENT_CATEGORIES);

export const WorryBody = z
  .strictObject({
    /** Absent: an anonymous worry, discussed without identity. */
    personId: uuid.optional(),
    subjectKind: z.enum(['child', 'pregnant']).default('child'),
    ageYears: z.number().int().min(0).max(60).optional(),
    categories: z.array(category).min(1, 'cases.err.categoryRequired'),
    description: nonEmptyText(4000),
    noticedOn: isoDate,
  });
export type WorryInput = z.infer<typeof WorryBody>;

export const WorryDiscussionBody = z
  .strictObject({ withStaffId: uuid.optional(), withTeamId: uuid.optional(), note: nonEmptyText(4000) })
  .superRefine((value, ctx) => {
    if (!value.withStaffId === !value.withTeamId) ctx.addIssue({ code: 'custom', path: ['withStaffId'], message: 'cases.err.discussWithOne' });
  });

export const LinkWorryBody = z.strictObject({ personId: uuid });

export const LevelBody = z.strictObject({ toLevel: level, reason: nonEmptyText(2000), version: recordVersion() });

export const StepBody = z.strictObject({ level, stepKey: z.string().min(1).max(60), done: z.boolean(), note: optionalText(1000) });

/** What professionals write; the family writes notes, strengths and comments on the relay holder. */
export const STAFF_ENTRY_KINDS = ['development_area', 'goal', 'measure', 'evaluation', 'agreement', 'decision', 'strength'] as const;
export const FAMILY_ENTRY_KINDS = ['strength', 'family_note', 'holder_comment'] as const;

export const EntryBody = z
  .strictObject({
    kind: z.enum(ENTRY_KINDS),
    category: category.default('other'),
    title: nonEmptyText(200),
    body: z.string().trim().max(8000).default(''),
    responsibleStaffId: uuid.optional(),
    startsOn: isoDate.optional(),
    evaluateOn: isoDate.optional(),
    measureKey: uuid.optional(),
    outcome: z.enum(['achieved', 'partly', 'not_achieved']).optional(),
    familyView: optionalText(4000),
    childView: optionalText(4000),
    /** For a correction: the version the writer read; a newer one means someone else changed it. */
    basedOnVersion: recordVersion().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'measure') {
      if (!v.responsibleStaffId) ctx.addIssue({ code: 'custom', path: ['responsibleStaffId'], message: 'cases.err.responsibleRequired' });
      if (!v.startsOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'errors.required' });
      if (!v.evaluateOn) ctx.addIssue({ code: 'custom', path: ['evaluateOn'], message: 'errors.required' });
      if (v.startsOn && v.evaluateOn && v.evaluateOn < v.startsOn) {
        ctx.addIssue({ code: 'custom', path: ['evaluateOn'], message: 'cases.err.evaluateBeforeStart' });
      }
    }
    if (v.kind === 'evaluation') {
      if (!v.measureKey) ctx.addIssue({ code: 'custom', path: ['measureKey'], message: 'errors.required' });
      if (!v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'errors.required' });
    }
  });
export type EntryInput = z.infer<typeof EntryBody>;

export const InvolveBody = z.strictObject({ staffUserId: uuid });

export const HandoverBody = z.strictObject({ toStaffId: uuid, message: optionalText(2000), transitionId: uuid.optional() });
export const AnswerBody = z.strictObject({ note: optionalText(2000) });

export const TransitionBody = z.strictObject({
  toUnitId: uuid,
  meetingAt: z.iso.datetime({ offset: true, message: 'errors.invalidDate' }).optional(),
  meetingPlace: optionalText(200),
});

export const EnrolmentBody = z.strictObject({ serviceUnitId: uuid, startsOn: isoDate });

export const CloseBody = z.strictObject({ reason: z.enum(['goals_reached', 'family_withdrew', 'moved', 'other']), note: nonEmptyText(2000) });

const translated = (max: number) => z.strictObject({ nb: nonEmptyText(max), nn: nonEmptyText(max), en: nonEmptyText(max) });
const translatedOptional = (max: number) => z.strictObject({ nb: z.string().trim().max(max), nn: z.string().trim().max(max), en: z.string().trim().max(max) });

/** A link from a step: a page of Sammen or its handbook ("/..."), or a web address. */
const guideLink = z.strictObject({
  label: translated(200),
  url: z.string().trim().max(500).refine((u) => /^\/[^/]/.test(u) || /^https?:\/\/[^\s]+$/.test(u), { message: 'cases.err.guideLinkUrl' }),
});

export const GuideBody = z.strictObject({
  basedOnVersion: recordVersion(0),
  note: optionalText(500),
  steps: z.array(z.strictObject({
    level,
    subject: z.enum(['child', 'pregnancy']).default('child'),
    stepKey: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/, { message: 'cases.err.guideStepKey' }),
    title: translated(200),
    body: translatedOptional(2000),
    links: z.array(guideLink).max(10).default([]),
  })).min(1).max(80),
});
export type GuideInput = z.infer<typeof GuideBody>;
