import { z } from 'zod';
import { isoDate, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { PLAN_REQUEST_KINDS } from '../../../common/contracts/plans.ts';

export const PersonParams = z.strictObject({ id: uuid });
export const RequestParams = z.strictObject({ requestId: uuid });
export const AssignmentParams = z.strictObject({ assignmentId: uuid });
export const PlanParams = z.strictObject({ planId: uuid });

export const PlanRequestBody = z.strictObject({
  kind: z.enum(PLAN_REQUEST_KINDS),
  reason: nonEmptyText(2000),
});
export type PlanRequestInput = z.infer<typeof PlanRequestBody>;

export const QueueQuery = z.strictObject({ view: z.enum(['open', 'decided']).default('open') });

export const DecisionBody = z
  .strictObject({
    decision: z.enum(['granted', 'refused']),
    reason: nonEmptyText(4000),
    coordinatorStaffId: uuid.optional(),
    version: recordVersion(),
  });
export type DecisionInput = z.infer<typeof DecisionBody>;

export const AppointBody = z.strictObject({ staffUserId: uuid, reason: optionalText(2000) });

export const AnswerBody = z.strictObject({ accept: z.boolean(), note: optionalText(1000) });

export const CreatePlanBody = z.strictObject({ firstEvaluationOn: isoDate.optional() });

export const GoalBody = z.strictObject({ whose: z.enum(['family', 'child']), text: nonEmptyText(2000), version: recordVersion() });

export const ContributionBody = z
  .strictObject({
    description: nonEmptyText(2000),
    // Optional here so that a missing one is refused with the plan's own words, not a type error.
    responsibleStaffId: uuid.optional(),
    startsOn: isoDate,
    endsOn: isoDate.optional(),
    version: recordVersion(),
  })
  .superRefine((v, ctx) => {
    if (!v.responsibleStaffId) ctx.addIssue({ code: 'custom', path: ['responsibleStaffId'], message: 'plans.err.responsibleRequired' });
    if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'plans.err.endBeforeStart' });
  });
export type ContributionInput = z.infer<typeof ContributionBody>;

export const EvaluationDateBody = z.strictObject({ dueOn: isoDate, version: recordVersion() });

export const EvaluationParams = z.strictObject({ planId: uuid, evaluationId: uuid });

/** An evaluation held: each own goal's status, with the family's view of it. */
export const EvaluationHeldBody = z.strictObject({
  goals: z.array(z.strictObject({ goalId: uuid, status: z.enum(['open', 'achieved', 'partly', 'not_achieved']), familyView: optionalText(2000) })).max(100),
  version: recordVersion(),
});
export type EvaluationHeldInput = z.infer<typeof EvaluationHeldBody>;

export const CommentBody = z.strictObject({ body: nonEmptyText(4000) });

export const VersionBody = z.strictObject({ version: recordVersion() });

export const AfterCareParams = z.strictObject({ afterCareId: uuid });

const afterCarePeriod = { startsOn: isoDate, endsOn: isoDate };
const endNotBeforeStart = (v: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) => {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'plans.err.endBeforeStart' });
};
/** Child welfare's after-care for a young adult: from and to (the age limit is checked against the person's birth date). */
export const AfterCareBody = z.strictObject(afterCarePeriod).superRefine(endNotBeforeStart);
export const AfterCareChangeBody = z.strictObject({ ...afterCarePeriod, version: recordVersion() }).superRefine(endNotBeforeStart);
export type AfterCareInput = { startsOn: string; endsOn: string };
