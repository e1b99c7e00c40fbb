import { z } from 'zod';
import { isoDate, nonEmptyText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { Definition } from '../../../common/contracts/questionnaires.ts';

export const PersonParams = z.strictObject({ id: uuid });
export const ScreeningParams = z.strictObject({ responseId: uuid });
export const InstrumentParams = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/) });
export const RoundParams = z.strictObject({ roundId: uuid });

/** A municipality's own instrument, or its next version (basedOnVersion: the newest one read; 0 for a new instrument). */
export const DefineBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'questionnaires.err.key' }),
  definition: Definition,
  basedOnVersion: recordVersion(0),
});
export type DefineInput = z.infer<typeof DefineBody>;

export const StartScreeningBody = z.strictObject({
  instrumentKey: z.string().min(1).max(41),
  /** In a conversation the professional fills it in with the person; or it goes to the person's Min side. */
  mode: z.enum(['conversation', 'min_side']),
});
export type StartScreeningInput = z.infer<typeof StartScreeningBody>;

/** QuestionnaireResponse.item: each item's linkId and the score of the option chosen. */
export const AnswerBody = z.strictObject({
  answers: z.array(z.strictObject({ linkId: z.string().min(1).max(40), score: z.number().int().min(0).max(100) })).max(60),
  version: recordVersion(),
});
export type AnswerInput = z.infer<typeof AnswerBody>;

export const TakeIntoLogBody = z
  .strictObject({
    /** The goal the measure works towards, in the family's words; its progress is rated 0–10. */
    goal: nonEmptyText(200),
    /** The measure's title: the threshold's suggestion unless the professional rewrites it. */
    title: nonEmptyText(200).optional(),
    startsOn: isoDate,
    evaluateOn: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.evaluateOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['evaluateOn'], message: 'cases.err.evaluateBeforeStart' });
  });
export type TakeIntoLogInput = z.infer<typeof TakeIntoLogBody>;

export const RateGoalBody = z.strictObject({
  source: z.enum(['relay_log', 'plan']).default('relay_log'),
  goalKey: uuid,
  score: z.number().int().min(0, { message: 'questionnaires.err.scoreRange' }).max(10, { message: 'questionnaires.err.scoreRange' }),
  occasion: z.enum(['start', 'evaluation', 'end']),
  /** Staff writing down the family's or the child's rating in a meeting say whose it is. */
  rater: z.enum(['family', 'child']).optional(),
});
export type RateGoalInput = z.infer<typeof RateGoalBody>;

export const ScheduleRoundBody = z
  .strictObject({ title: nonEmptyText(200), opensOn: isoDate, closesOn: isoDate })
  .superRefine((v, ctx) => {
    if (v.closesOn < v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'questionnaires.err.closesBeforeOpens' });
  });
export type ScheduleRoundInput = z.infer<typeof ScheduleRoundBody>;

export const SurveyAnswerBody = z.strictObject({
  answers: z.array(z.strictObject({ linkId: z.string().min(1).max(40), score: z.number().int().min(0).max(100) })).max(60),
});
