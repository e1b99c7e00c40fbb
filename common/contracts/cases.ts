import { z } from 'zod';
import { abilities, PAGE } from './shared.ts';

export const STAGES = ['pregnancy', 'health_station', 'kindergarten', 'primary_school', 'lower_secondary', 'upper_secondary', 'adult'] as const;
export type Stage = (typeof STAGES)[number];

export const ENTRY_KINDS = ['development_area', 'goal', 'measure', 'evaluation', 'agreement', 'decision', 'strength', 'family_note', 'holder_comment'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const Title = z.object({ nb: z.string(), nn: z.string(), en: z.string() });
export type Title = z.infer<typeof Title>;

export const Staff = z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable() });
export type Staff = z.infer<typeof Staff>;

export const Person = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  kind: z.enum(['child', 'pregnant', 'adult']),
});
export type Person = z.infer<typeof Person>;

/** POST /api/worries */
export const NoteWorryResponse = z.object({ worryId: z.string(), caseId: z.string().nullable() });
export type NoteWorryResponse = z.infer<typeof NoteWorryResponse>;

/** GET /api/worries */
export const ListMyWorriesResponse = z.object({
  worries: z.array(z.object({
    id: z.string(),
    subjectKind: z.enum(['child', 'pregnant']),
    ageYears: z.number().nullable(),
    categories: z.array(z.string()),
    description: z.string(),
    noticedOn: z.string(),
    noticedBy: z.string(),
    mine: z.boolean(),
    discussions: z.array(z.object({
      note: z.string(),
      at: z.iso.datetime(),
      writtenBy: z.string(),
      withStaff: z.string().nullable(),
      withTeam: z.string().nullable(),
    })),
  })),
  ...PAGE,
});
export type ListMyWorriesResponse = z.infer<typeof ListMyWorriesResponse>;

/** GET /api/worries/discussants */
export const DiscussantsResponse = z.object({
  staff: z.array(Staff),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DiscussantsResponse = z.infer<typeof DiscussantsResponse>;

/** POST /api/worries/:worryId/link */
export const LinkWorryResponse = z.object({ caseId: z.string() });
export type LinkWorryResponse = z.infer<typeof LinkWorryResponse>;

/** A step of the action guide on the case, and whether it was done. */
export const GuideStep = z.object({
  done: z.object({ at: z.iso.datetime(), by: z.string(), note: z.string().nullable() }).nullable(),
  level: z.number(),
  position: z.number(),
  stepKey: z.string(),
  title: z.string(),
  body: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});
export type GuideStep = z.infer<typeof GuideStep>;

export const Transition = z.object({
  id: z.string(),
  fromStage: z.string(),
  toStage: z.string(),
  toUnitId: z.string(),
  toUnitName: z.string(),
  dueOn: z.string(),
  meetingAt: z.iso.datetime().nullable(),
  meetingPlace: z.string().nullable(),
  status: z.enum(['cancelled', 'planned', 'completed']),
});
export type Transition = z.infer<typeof Transition>;

/** GET /api/people/:id/case-status */
export const CaseStatus = z.object({
  case: z.object({
    id: z.string(),
    version: z.number(),
    level: z.number(),
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    closeReason: z.enum(['other', 'goals_reached', 'family_withdrew', 'moved', 'birth']).nullable(),
    closeNote: z.string().nullable(),
    retainUntil: z.string().nullable(),
    relayHolder: z.object({
      id: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
    levelHistory: z.array(z.object({
      from: z.number().nullable(),
      to: z.number(),
      reason: z.string(),
      at: z.iso.datetime(),
      by: z.string(),
    })),
    guideVersion: z.number().nullable(),
    steps: z.array(GuideStep),
    pendingHandover: z.object({
      id: z.string(),
      to: Staff,
      requestedAt: z.iso.datetime(),
      message: z.string().nullable(),
      forMe: z.boolean(),
      transitionId: z.string().nullable(),
    }).nullable(),
    transitions: z.array(Transition),
    plannedTransitionId: z.string().nullable(),
    /** For a citizen: the action-plan items the family took on in team meetings; `mine` may be marked done. */
    familyItems: z.array(z.object({
      id: z.string(),
      what: z.string(),
      owner: z.string(),
      mine: z.boolean(),
      dueOn: z.string(),
      status: z.enum(['open', 'done', 'not_done']),
      doneOn: z.string().nullable(),
      teamName: z.string(),
      meetingOn: z.iso.datetime(),
    })),
    proposedTransition: z.object({
      suggestedUnits: z.array(z.object({ id: z.string(), name: z.string(), area: z.string().nullable() })),
      fromStage: z.enum(STAGES),
      toStage: z.enum(STAGES),
      dueOn: z.string(),
      because: z.enum(['enrolment', 'age']),
      enrolledUnitId: z.string().nullable(),
    }).nullable(),
  }).nullable(),
  person: Person,
  stage: z.enum(STAGES),
  enrolments: z.array(z.object({
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    unitTypeCode: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  })),
  abilities: abilities('readLog', 'changeStatus', 'refer', 'hold', 'answerHandover', 'enrol', 'registerBirth', 'requestEffort'),
});
export type CaseStatus = z.infer<typeof CaseStatus>;

/** The current version of a relay log entry. */
export const Entry = z.object({
  entryKey: z.string(),
  version: z.number(),
  kind: z.enum(ENTRY_KINDS),
  category: z.string(),
  title: z.string(),
  body: z.string(),
  responsible: z.object({
    id: z.string(),
    name: z.string().nullable(),
    unitName: z.string().nullable(),
  }).nullable(),
  startsOn: z.string().nullable(),
  evaluateOn: z.string().nullable(),
  measureKey: z.string().nullable(),
  outcome: z.enum(['achieved', 'partly', 'not_achieved']).nullable(),
  familyView: z.string().nullable(),
  childView: z.string().nullable(),
  author: z.union([z.object({
    kind: z.literal('staff'),
    name: z.string().nullable(),
    unitName: z.string().nullable(),
  }), z.object({ kind: z.literal('family'), name: z.string(), unitName: z.null() })]),
  writtenAt: z.iso.datetime(),
  firstWrittenAt: z.iso.datetime().nullable(),
});
export type Entry = z.infer<typeof Entry>;

/** GET /api/people/:id/case */
export const CaseLog = z.object({
  abilities: abilities('write'),
  person: Person,
  involved: z.array(z.object({
    kind: z.string(),
    since: z.iso.datetime(),
    staffId: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    unitName: z.string().nullable(),
  })),
  caseId: z.string().nullable(),
  closed: z.boolean(),
  purged: z.boolean(),
  // 'all' for the family and the relay holder; otherwise the categories the consent shares.
  visibleCategories: z.union([z.literal('all'), z.array(z.string())]),
  hiddenEntries: z.number(),
  entries: z.array(Entry),
  hasMore: z.boolean(),
  olderCursor: z.string().nullable(),
  worries: z.array(z.object({
    id: z.string(),
    categories: z.array(z.string()),
    description: z.string(),
    noticedOn: z.string(),
    noticedBy: z.string(),
  })),
  worriesHasMore: z.boolean(),
  worriesCursor: z.string().nullable(),
});
export type CaseLog = z.infer<typeof CaseLog>;

/** POST /api/cases/:caseId/level */
export const ChangeLevelResponse = z.object({ level: z.number(), version: z.number() });
export type ChangeLevelResponse = z.infer<typeof ChangeLevelResponse>;

/** POST /api/cases/:caseId/steps */
export const SetStepDoneResponse = z.object({ done: z.boolean() });
export type SetStepDoneResponse = z.infer<typeof SetStepDoneResponse>;

/** POST /api/cases/:caseId/entries */
export const AddEntryResponse = z.object({ entryKey: z.string(), version: z.number() });
export type AddEntryResponse = z.infer<typeof AddEntryResponse>;

/** POST /api/cases/:caseId/entries/:entryKey */
export const CorrectEntryResponse = z.object({ entryKey: z.string(), version: z.number() });
export type CorrectEntryResponse = z.infer<typeof CorrectEntryResponse>;

/** GET /api/cases/:caseId/entries/:entryKey/history */
export const EntryHistoryResponse = z.object({
  versions: z.array(z.object({
    version: z.number(),
    category: z.string(),
    title: z.string(),
    body: z.string(),
    startsOn: z.string().nullable(),
    evaluateOn: z.string().nullable(),
    outcome: z.enum(['achieved', 'partly', 'not_achieved']).nullable(),
    familyView: z.string().nullable(),
    childView: z.string().nullable(),
    writtenAt: z.iso.datetime(),
    author: z.string(),
  })),
});
export type EntryHistoryResponse = z.infer<typeof EntryHistoryResponse>;

/** Staff the consent lets into the case. */
export const Colleague = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  unitTypeCode: z.string(),
});
export type Colleague = z.infer<typeof Colleague>;

/** GET /api/cases/:caseId/colleagues */
export const ListColleaguesResponse = z.object({
  colleagues: z.array(Colleague),
});
export type ListColleaguesResponse = z.infer<typeof ListColleaguesResponse>;

/** POST /api/cases/:caseId/involved */
export const InvolveColleagueResponse = z.object({ involved: z.boolean() });
export type InvolveColleagueResponse = z.infer<typeof InvolveColleagueResponse>;

/** POST /api/cases/:caseId/transitions */
export const PlanTransitionResponse = z.object({
  id: z.string(),
  fromStage: z.enum(STAGES),
  toStage: z.enum(STAGES),
  dueOn: z.string(),
});
export type PlanTransitionResponse = z.infer<typeof PlanTransitionResponse>;

/** POST /api/cases/:caseId/close */
export const CloseCaseResponse = z.object({ closedAt: z.iso.datetime(), retainUntil: z.string() });
export type CloseCaseResponse = z.infer<typeof CloseCaseResponse>;

/** GET /api/action-guide */
export const ReadGuideResponse = z.object({
  version: z.number().nullable(),
  versions: z.array(z.object({
    version: z.number(),
    publishedAt: z.iso.datetime(),
    note: z.string().nullable(),
    publishedBy: z.string().nullable(),
  })),
  steps: z.array(z.object({
    level: z.number(),
    /** Whom the step is written for: a child, or a pregnant woman before the birth. */
    subject: z.enum(['child', 'pregnancy']),
    stepKey: z.string(),
    title: Title,
    body: Title,
    links: z.array(z.object({ label: Title, url: z.string() })),
  })),
});
export type ReadGuideResponse = z.infer<typeof ReadGuideResponse>;

/** GET /api/tasks: open rounds of the collaboration survey the user has not answered (questionnaires/survey.ts). */
export const MyTasksResponse = z.object({
  surveys: z.array(z.object({ id: z.string(), title: z.string(), closesOn: z.string() })),
});
export type MyTasksResponse = z.infer<typeof MyTasksResponse>;

/** GET /api/tasks/handovers, a page at a time */
export const MyHandoversResponse = z.object({
  handovers: z.array(z.object({
    id: z.string(),
    requestedAt: z.iso.datetime(),
    message: z.string().nullable(),
    fromName: z.string(),
    person: z.object({ id: z.string(), name: z.string() }),
  })),
  ...PAGE,
});
export type MyHandoversResponse = z.infer<typeof MyHandoversResponse>;

/** GET /api/tasks/measures, a page at a time */
export const MyMeasuresResponse = z.object({
  measures: z.array(z.object({
    entryKey: z.string(),
    title: z.string(),
    evaluateOn: z.string().nullable(),
    overdue: z.boolean(),
    person: z.object({ id: z.string(), name: z.string() }),
  })),
  ...PAGE,
});
export type MyMeasuresResponse = z.infer<typeof MyMeasuresResponse>;

/** GET /api/tasks/action-items, a page at a time */
export const MyActionItemsResponse = z.object({
  actionItems: z.array(z.object({
    id: z.string(),
    what: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    meetingId: z.string(),
    teamName: z.string(),
    person: z.object({ id: z.string(), name: z.string() }).nullable(),
  })),
  ...PAGE,
});
export type MyActionItemsResponse = z.infer<typeof MyActionItemsResponse>;

