// Individual plans, coordinators and Koordinerende enhet's requests (server/modules/plans).
import { z } from 'zod';
import { abilities } from './shared.ts';
import { PLAN_REQUEST_KINDS } from '../plans.ts';

const date = z.iso.date();
const at = z.iso.datetime();
export { PLAN_REQUEST_KINDS };
const Kind = z.enum(PLAN_REQUEST_KINDS);
const Decision = z.enum(['granted', 'refused']);
const Staff = z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), unitName: z.string().nullable() });

/** GET /api/plan-requests: Koordinerende enhet's queue, the undecided first, the oldest first. */
export const PlanQueueResponse = z.object({
  items: z.array(z.object({
    id: z.string(), version: z.number(), kind: Kind, reason: z.string(), requestedAt: at,
    person: z.object({ id: z.string(), name: z.string(), birthDate: date }),
    requestedBy: z.enum(['family', 'professional']), requesterName: z.string(),
    /** Days since the request, to today or to the decision. */
    waitingDays: z.number(),
    decision: Decision.nullable(), decidedAt: at.nullable(),
  })),
});
export type PlanQueueResponse = z.infer<typeof PlanQueueResponse>;

/** GET /api/plan-requests/:requestId: one request and whom the unit may appoint (staff involved with the person). */
export const PlanRequestResponse = z.object({
  id: z.string(), version: z.number(), kind: Kind, reason: z.string(), requestedAt: at, waitingDays: z.number(),
  person: z.object({ id: z.string(), name: z.string(), birthDate: date }),
  requestedBy: z.enum(['family', 'professional']), requesterName: z.string(),
  decision: Decision.nullable(), decisionReason: z.string().nullable(), decidedAt: at.nullable(), decidedBy: z.string().nullable(),
  candidates: z.array(Staff),
});
export type PlanRequestResponse = z.infer<typeof PlanRequestResponse>;

const Author = z.object({ kind: z.enum(['staff', 'family']), name: z.string() });

/** A young adult's after-care (ettervern) from child welfare, shown with the plan (decision 0037). */
export const AfterCarePeriod = z.object({ id: z.string(), version: z.number(), startsOn: date, endsOn: date, recordedBy: z.string(), recordedAt: at });

/** GET /api/people/:id/after-care. */
export const AfterCareListResponse = z.object({ items: z.array(AfterCarePeriod) });
export type AfterCareListResponse = z.infer<typeof AfterCareListResponse>;

export const PlanView = z.object({
  id: z.string(), version: z.number(), status: z.enum(['active', 'ended']), createdAt: at,
  /** The relay log's development areas, goals and measures, each at its current version. */
  logItems: z.array(z.object({
    entryKey: z.string(), version: z.number(), kind: z.enum(['development_area', 'goal', 'measure']), category: z.string(), title: z.string(), body: z.string(),
    responsible: z.object({ name: z.string(), unitName: z.string().nullable() }).nullable(), startsOn: date.nullable(), evaluateOn: date.nullable(),
  })),
  /** Items of the log the reader's consent does not reach. */
  hiddenLogItems: z.number(),
  goals: z.array(z.object({
    id: z.string(), whose: z.enum(['family', 'child']), text: z.string(), status: z.enum(['open', 'achieved', 'partly', 'not_achieved']),
    familyView: z.string().nullable(), author: Author, writtenAt: at,
  })),
  contributions: z.array(z.object({
    id: z.string(), description: z.string(), responsible: z.object({ name: z.string(), unitName: z.string().nullable() }), startsOn: date, endsOn: date.nullable(),
  })),
  evaluations: z.array(z.object({ id: z.string(), dueOn: date, doneOn: date.nullable() })),
  /** The plan's meetings (ansvarsgruppemøter), held as team meetings; the family sees those they were invited to. */
  meetings: z.array(z.object({ id: z.string(), startsAt: at, place: z.string(), status: z.enum(['scheduled', 'closed', 'cancelled']) })),
  comments: z.array(z.object({ id: z.string(), body: z.string(), author: Author, writtenAt: at })),
  /** Child welfare's after-care for the young adult, when recorded; the plan needs a coordinator in adult services before the last one ends. */
  afterCare: z.array(AfterCarePeriod),
  history: z.array(z.object({ version: z.number(), what: z.string(), by: z.string(), at })),
  confirmed: z.object({ version: z.number(), at, by: z.string() }).nullable(),
  /** The family confirmed the version now shown. */
  confirmedCurrent: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

/** GET /api/people/:id/individual-plan: the requests and decisions, the coordinator, and the plan when the reader may see it. */
export const PersonPlanResponse = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  requests: z.array(z.object({
    id: z.string(), kind: Kind, reason: z.string(), requestedAt: at, decision: Decision.nullable(), decisionReason: z.string().nullable(), decidedAt: at.nullable(),
  })),
  coordinator: (Staff.extend({ email: z.string(), phone: z.string().nullable(), since: at, childCoordinator: z.boolean() })).nullable(),
  /** An appointment waiting for the appointed staff user's answer. */
  pendingAppointment: z.object({ id: z.string(), coordinator: Staff, mine: z.boolean() }).nullable(),
  plan: PlanView.nullable(),
  /** A plan exists that the reader's consent does not reach. */
  planHidden: z.boolean(),
  /** Staff involved with the person now, in case work: whom a contribution may name as responsible (empty unless the reader writes in the plan). */
  involvedStaff: z.array(Staff),
  /** Whom the coordinator may invite from the family (guardians with parental responsibility, the child); empty unless the reader calls meetings. */
  family: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['guardian', 'youth']) })),
  abilities: abilities('request', 'appoint', 'createPlan', 'write', 'familyWrite', 'scheduleMeeting'),
});
export type PersonPlanResponse = z.infer<typeof PersonPlanResponse>;
