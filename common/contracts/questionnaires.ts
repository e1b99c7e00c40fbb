// Questionnaires (server/modules/questionnaires): instruments shaped like FHIR Questionnaire,
// screenings answered as a QuestionnaireResponse and scored, goal-progress ratings, and the
// anonymous collaboration survey's results.
import { z } from 'zod';

const at = z.iso.datetime();
const date = z.iso.date();

/** A text in each of the app's languages. */
export const Localized = z.strictObject({ nb: z.string().trim().min(1).max(2000), nn: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) });
export type Localized = z.infer<typeof Localized>;

/** Who answers an instrument: the professional with the person, the person on Min side, staff anonymously. */
export const ANSWERED_BY = ['professional_with_person', 'person', 'staff_anonymous'] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];

const linkId = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/);
const key = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/);

/** A step of the published action guide, by its level and key. */
export const GuideStepRef = z.strictObject({ level: z.number().int().min(0).max(3), stepKey: z.string().min(1).max(60) });

/**
 * An instrument version as FHIR Questionnaire has it (item.linkId, item.text, item.required,
 * item.answerOption with a score as its value), with what FHIR leaves to extensions written out:
 * the scoring rule and its subscales, thresholds with a text, a suggested measure and the action
 * guide's step, alert items, who answers, the source and the licence shown on every use.
 */
export const Definition = z.strictObject({
  resourceType: z.literal('Questionnaire'),
  title: Localized,
  /** Shown above the items: e.g. "In the past 7 days". */
  intro: Localized.optional(),
  answeredBy: z.enum(ANSWERED_BY),
  source: Localized,
  licence: Localized,
  item: z.array(z.strictObject({
    linkId,
    text: Localized,
    required: z.boolean(),
    /** The subscale the item counts towards, besides the total. */
    subscale: key.optional(),
    answerOption: z.array(z.strictObject({ score: z.number().int().min(0).max(100), display: Localized })).min(2).max(12),
    /** An answer scoring at least this needs action the same day, whatever the total. */
    alertFrom: z.number().int().min(1).max(100).optional(),
  })).min(1).max(60),
  scoring: z.strictObject({
    rule: z.literal('sum'),
    subscales: z.array(z.strictObject({ key, title: Localized })).max(10).default([]),
  }),
  thresholds: z.array(z.strictObject({
    key,
    /** The totals the threshold covers, both ends included. */
    // Bounded so the database's integer holds it; far above the highest total an instrument allows.
    from: z.number().int().min(0).max(100_000),
    to: z.number().int().min(0).max(100_000),
    text: Localized,
    /** The measure the threshold suggests, as it would be written in the relay log. */
    measure: Localized,
    /** The action guide's step the threshold links to, for a child or a youth (and any other answerer). */
    guideStep: GuideStepRef.nullable(),
    /** The pregnancy guide's step, for a pregnant woman or a new mother; without it she is shown none. */
    pregnancyGuideStep: GuideStepRef.nullable().optional(),
  })).max(10),
  /** What the professional is told when an alert item is answered. */
  alertText: Localized.optional(),
});
export type Definition = z.infer<typeof Definition>;

const Instrument = z.object({
  key: z.string(), version: z.number(), builtIn: z.boolean(), retired: z.boolean(), createdAt: at.nullable(),
  definition: Definition,
  /** The highest total the items allow. */
  maxScore: z.number(),
});

/** GET /api/questionnaires */
export const InstrumentsResponse = z.object({
  instruments: z.array(Instrument),
  abilities: z.object({ define: z.boolean() }),
});
export type InstrumentsResponse = z.infer<typeof InstrumentsResponse>;

/** GET /api/questionnaires/:key/versions: every version, newest first. */
export const InstrumentVersionsResponse = z.object({ versions: z.array(Instrument) });
export type InstrumentVersionsResponse = z.infer<typeof InstrumentVersionsResponse>;

/** POST /api/questionnaires */
export const InstrumentSaved = z.object({ key: z.string(), version: z.number() });

/** What the scoring rule made of an answer. */
export const ScreeningResult = z.object({
  score: z.number(),
  maxScore: z.number(),
  subscores: z.array(z.object({ key: z.string(), title: z.string(), score: z.number() })),
  /** The threshold the total passed, with its text, the suggested measure and the action guide's step. */
  threshold: z.object({
    key: z.string(), text: z.string(), measure: z.string(),
    guideStep: z.object({ level: z.number(), stepKey: z.string(), title: z.string().nullable() }).nullable(),
  }).nullable(),
  /** Items answered at or over their alert score: action the same day. */
  alert: z.boolean(),
  alertItems: z.array(z.string()),
  alertText: z.string().nullable(),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

/** One item as shown to the one answering, in the reader's language. */
const ShownItem = z.object({
  linkId: z.string(), text: z.string(), required: z.boolean(),
  answerOption: z.array(z.object({ score: z.number(), display: z.string() })),
});

const ScreeningSummary = {
  id: z.string(), personId: z.string(), instrumentKey: z.string(), instrumentVersion: z.number(), title: z.string(),
  mode: z.enum(['conversation', 'min_side']), status: z.enum(['sent', 'answered']),
  requestedAt: at, requestedBy: z.string(), answeredAt: at.nullable(),
};

/** GET /api/screenings/:screeningId: the form to answer, or the answer and its result. */
export const ScreeningResponse = z.object({
  ...ScreeningSummary,
  version: z.number(),
  intro: z.string().nullable(),
  source: z.string(), licence: z.string(),
  items: z.array(ShownItem),
  /** QuestionnaireResponse.item: each answer's linkId and score. */
  answers: z.array(z.object({ linkId: z.string(), score: z.number() })).nullable(),
  language: z.enum(['nb', 'nn', 'en']).nullable(),
  result: ScreeningResult.nullable(),
  measureEntryKey: z.string().nullable(),
  abilities: z.object({ answer: z.boolean(), takeIntoLog: z.boolean() }),
});
export type ScreeningResponse = z.infer<typeof ScreeningResponse>;

/** GET /api/people/:id/screenings */
export const ScreeningsResponse = z.object({
  screenings: z.array(z.object({ ...ScreeningSummary, score: z.number().nullable(), thresholdText: z.string().nullable(), alert: z.boolean() })),
  /** Instruments the user may start here (staff), by key and title. */
  instruments: z.array(z.object({ key: z.string(), version: z.number(), title: z.string(), answeredBy: z.enum(ANSWERED_BY) })),
  abilities: z.object({ start: z.boolean() }),
});
export type ScreeningsResponse = z.infer<typeof ScreeningsResponse>;

/** POST /api/screenings/:screeningId/answers */
export const AnsweredResponse = z.object({ id: z.string(), version: z.number(), result: ScreeningResult });
export type AnsweredResponse = z.infer<typeof AnsweredResponse>;

/** POST /api/screenings/:screeningId/measure */
export const TakenIntoLogResponse = z.object({ caseId: z.string(), measureEntryKey: z.string(), goalEntryKey: z.string() });

/** GET /api/people/:id/goal-ratings: each goal of the relay log with its ratings over time. */
export const GoalRatingsResponse = z.object({
  goals: z.array(z.object({
    source: z.enum(['relay_log', 'plan']), goalKey: z.string(), title: z.string(),
    ratings: z.array(z.object({ score: z.number(), occasion: z.enum(['start', 'evaluation', 'end']), rater: z.enum(['family', 'child']), ratedOn: date })),
    /** The occasion the next rating would be (start while there is none). */
    nextOccasion: z.enum(['start', 'evaluation']),
  })),
  abilities: z.object({ rate: z.boolean() }),
});
export type GoalRatingsResponse = z.infer<typeof GoalRatingsResponse>;

/** A collaboration survey round. */
const Round = { id: z.string(), title: z.string(), opensOn: date, closesOn: date, open: z.boolean() };

/** GET /api/surveys: the rounds; for each, whether the signed-in staff user has answered. */
export const SurveyRoundsResponse = z.object({
  rounds: z.array(z.object({ ...Round, answered: z.boolean() })),
  abilities: z.object({ schedule: z.boolean(), results: z.boolean() }),
});
export type SurveyRoundsResponse = z.infer<typeof SurveyRoundsResponse>;

/** GET /api/surveys/:roundId: the questions, in the reader's language. */
export const SurveyFormResponse = z.object({
  ...Round, answered: z.boolean(), intro: z.string().nullable(), source: z.string(), licence: z.string(), items: z.array(ShownItem),
});
export type SurveyFormResponse = z.infer<typeof SurveyFormResponse>;

/** POST /api/surveys/:roundId/answers: nothing of the answer comes back. */
export const SurveyAnswered = z.object({ answered: z.literal(true) });

/** GET /api/surveys/results: per round and service type, as far as the small-number rule (common/suppression.ts) lets through. */
export const SurveyResultsResponse = z.object({
  /** The suppression threshold: groups of fewer are hidden. */
  minGroup: z.number(),
  rounds: z.array(z.object({
    ...Round,
    /** Everyone who answered the round; null when hidden. */
    respondents: z.number().nullable(),
    groups: z.array(z.object({
      serviceType: z.string(), name: z.string().nullable(), respondents: z.number(),
      items: z.array(z.object({ linkId: z.string(), text: z.string(), mean: z.number() })),
    })),
    /** Service types that answered but are hidden: too few, or one that would give a hidden one back. */
    hiddenGroups: z.number(),
  })),
});
export type SurveyResultsResponse = z.infer<typeof SurveyResultsResponse>;
