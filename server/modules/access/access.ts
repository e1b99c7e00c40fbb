// The authorization module (tilgangsstyring): the one place that answers "may this user do this to
// this record now, and why". Every route that touches personal data calls authorize(); it records
// the audit row of an allowed access, written in the request's transaction, and a refusal is recorded
// after the rollback. Roles alone never open case data: that takes involvement (and, from the
// consent module, a valid consent).
//
// Each entity's rules live in one policy under ./policies/ (see policy.ts for the shape); RULES below
// joins them, and the compiler refuses an action without a rule. To add an entity: write its policy,
// name its actions in actions.ts, add it to POLICIES.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext, Principal, RequestContext } from '../../infra/http/context.ts';
import { AppError, type ErrorCode, type FieldProblem } from '../../infra/http/errors.ts';
import type { MessageKey } from '../../../common/i18n/index.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { alreadyRecorded, auditInRequest, noteAccess } from './person-reads.ts';
import { ACCESS_ACTIONS, type AccessAction, type AccessRequest, type Decision } from './actions.ts';
import { AccessFacts, type SubjectRecord } from './facts.ts';
import { openGate, ungatedTrx } from './gate.ts';
import { deny, type Policy, type Rule } from './policy.ts';
import { auditPolicy } from './policies/audit.ts';
import { casePolicy } from './policies/case.ts';
import { childWelfarePolicy } from './policies/child-welfare.ts';
import { planFamily, planPolicy } from './policies/plan.ts';
import { caseStatusPolicy } from './policies/case-status.ts';
import { consentPolicy, visibleCategories as categoriesOf } from './policies/consent.ts';
import { meetingPolicy } from './policies/meeting.ts';
import { absencePolicy, notificationPolicy } from './policies/notification.ts';
import { cataloguePolicy, organisationPolicy } from './policies/organisation.ts';
import { familyDeciders as decidersOf, parentsWithResponsibility, personPolicy } from './policies/person.ts';
import { teamPolicy } from './policies/team.ts';
import { questionnairePolicy } from './policies/questionnaire.ts';
import { worryPolicy } from './policies/worry.ts';
import { birthPolicy } from './policies/birth.ts';
import { familyEffortPolicy } from './policies/family-effort.ts';
import { indicatorPolicy } from './policies/indicator.ts';
import { enrolmentPolicy } from './policies/enrolment.ts';
import { handbookPolicy } from './policies/handbook.ts';

export { seesEveryTeam } from './policies/team.ts';
export { ACCESS_ACTIONS, type AccessAction, type AccessRequest, type Decision, type Purpose } from './actions.ts';

const POLICIES: Policy[] = [
  personPolicy, casePolicy, caseStatusPolicy, consentPolicy, meetingPolicy, teamPolicy, worryPolicy,
  organisationPolicy, cataloguePolicy, auditPolicy, notificationPolicy, absencePolicy, childWelfarePolicy,
  indicatorPolicy,
  enrolmentPolicy, planPolicy, questionnairePolicy, handbookPolicy, birthPolicy, familyEffortPolicy,
];

const RULES: Record<AccessAction, Rule> = {
  ...personPolicy, ...casePolicy, ...caseStatusPolicy, ...consentPolicy, ...meetingPolicy, ...teamPolicy, ...worryPolicy,
  ...organisationPolicy, ...cataloguePolicy, ...auditPolicy, ...notificationPolicy, ...absencePolicy, ...childWelfarePolicy,
  ...indicatorPolicy,
  ...enrolmentPolicy, ...planPolicy, ...questionnairePolicy, ...handbookPolicy, ...birthPolicy, ...familyEffortPolicy,
};

// An action decided by two policies would have two rules, one silently winning.
for (const action of ACCESS_ACTIONS) {
  const owners = POLICIES.filter((p) => action in p).length;
  if (owners !== 1) throw new Error(`access action ${action} has ${owners} policies`);
}

/** The facts of a request, shared by its decisions until it writes (see facts.ts). */
const requestFacts = new WeakMap<Tx, { facts: AccessFacts; writes: number }>();

function factsOf(ctx: DataContext): AccessFacts {
  const found = requestFacts.get(ctx.trx);
  if (found && found.writes === ctx.writes.count) return found.facts;
  // The rules read the subject's data to decide, before the handler's gate may open.
  const facts = new AccessFacts(ungatedTrx(ctx));
  requestFacts.set(ctx.trx, { facts, writes: ctx.writes.count });
  return facts;
}

export async function decideWith(facts: AccessFacts, principal: Principal | null, request: AccessRequest, now: Date): Promise<Decision> {
  if (!principal) return deny('not_signed_in');
  const rule = RULES[request.action] as Rule | undefined;
  if (!rule) return deny(`unknown_action:${String(request.action)}`);
  return rule({ principal, request, facts, now });
}

/** Decides without side effects, on facts of its own; authorize() records the decision. */
export function decide(trx: Tx, principal: Principal | null, request: AccessRequest, now: Date): Promise<Decision> {
  return decideWith(new AccessFacts(trx), principal, request, now);
}

/** The decision for the signed-in user now, on the request's facts; records nothing (abilities, filtering a list). */
export function decideInRequest(ctx: DataContext, request: AccessRequest): Promise<Decision> {
  return decideWith(factsOf(ctx), ctx.principal, request, ctx.services.clock.now());
}

export async function may(ctx: DataContext, request: AccessRequest): Promise<boolean> {
  return (await decideInRequest(ctx, request)).allowed;
}

/**
 * What the signed-in user may do with one resource, for the web to show only those buttons: each
 * named ability is the decision of its action, by the same rule as the route that does it.
 */
export async function abilitiesOf<K extends string>(ctx: DataContext, on: Omit<AccessRequest, 'action'>, actions: Record<K, AccessAction>): Promise<Record<K, boolean>> {
  const result = {} as Record<K, boolean>;
  for (const key of Object.keys(actions) as K[]) result[key] = await may(ctx, { ...on, action: actions[key] });
  return result;
}

/**
 * The person a record belongs to, for the decision about it: a handler may not read the record before
 * a decision allowed something (gate.ts), so it asks here, beside the gate, for the id alone. Null for
 * an unknown record or one that names no one; the decision then refuses alike, so the answer never
 * tells whether it exists.
 */
export function subjectOf(ctx: DataContext, table: SubjectRecord, id: string): Promise<string | null> {
  const p = ctx.principal;
  // A professional's case routes are the busiest: the person and their way into the case come in one statement.
  if (table === 'help_case' && p?.kind === 'staff') return factsOf(ctx).staffCaseOf(p.staffUserId, p.serviceUnitId, id);
  return factsOf(ctx).subjectOf(table, id);
}

/** `subject` of an access request about this person, or nothing when there is none. */
export function aboutPerson(personId: string | null | undefined): { subject?: { kind: 'person'; id: string } } {
  return personId ? { subject: { kind: 'person', id: personId } } : {};
}

/** The relay log's categories the reader may see (call after case.read was allowed). */
export function visibleCategories(ctx: DataContext, personId: string): Promise<Set<string> | 'all'> {
  return categoriesOf(factsOf(ctx), ctx.principal, personId, ctx.services.clock.now());
}

/** The citizens who decide for the person (the person, or the guardians while a child is under the consent age). */
export function familyDeciders(ctx: DataContext, personId: string): Promise<string[]> {
  return decidersOf(factsOf(ctx), personId, ctx.services.clock.now());
}

/** The guardians with parental responsibility for the person now: none from 18 (parentsWithResponsibility). */
export function parentsOf(ctx: DataContext, personId: string): Promise<string[]> {
  return parentsWithResponsibility(factsOf(ctx), personId, ctx.services.clock.now());
}

/** The same, for a background job (no request): who decides for the person now. */
export function familyDecidersFromJob(trx: Tx, personId: string, now: Date): Promise<string[]> {
  return decidersOf(new AccessFacts(trx), personId, now);
}

/** For a background job: the citizens who take part in the person's individual plan now (they read it on Min side). */
export function planFamilyFromJob(trx: Tx, personId: string, now: Date): Promise<string[]> {
  return planFamily(new AccessFacts(trx), personId, now);
}

export class AccessDenied extends AppError {
  readonly request: AccessRequest;
  readonly reason: string;
  /** `answer` replaces the plain 403 where the user is meant to learn one thing (e.g. that a person exists), and nothing more. */
  constructor(request: AccessRequest, reason: string, answer?: { code: ErrorCode; messageKey: MessageKey; fields?: FieldProblem[] }) {
    // The message is the same whatever the reason, so a refusal never tells whether a record exists.
    super(answer?.code ?? 'FORBIDDEN', answer?.messageKey ?? 'errors.forbidden', { fields: answer?.fields ?? [] });
    this.request = request;
    this.reason = reason;
  }
}

/** Allows the access (and records it) or throws AccessDenied. */
export async function authorize(ctx: DataContext, request: AccessRequest): Promise<void> {
  const decision = await decideWith(factsOf(ctx), ctx.principal, request, ctx.services.clock.now());
  ctx.decisions.push({ action: request.action, allowed: decision.allowed });
  if (!decision.allowed) throw new AccessDenied(request, decision.reason);
  openGate(ctx);
  if (alreadyRecorded(ctx, request)) return;
  auditInRequest(ctx, {
    principal: ctx.principal,
    action: request.action,
    purpose: request.purpose,
    outcome: 'allowed',
    reason: decision.reason,
    subject: request.subject,
    entity: request.entity,
    requestId: ctx.requestId,
  });
  noteAccess(ctx, request);
}

/**
 * For a step a request may do without (e.g. copying a meeting's minutes into the relay log): when
 * allowed, records it like authorize() and returns true; when not, returns false and the request
 * goes on without that step. Nothing is refused, so nothing is recorded as refused.
 */
export async function authorizeIfAllowed(ctx: DataContext, request: AccessRequest): Promise<boolean> {
  const decision = await decideWith(factsOf(ctx), ctx.principal, request, ctx.services.clock.now());
  if (!decision.allowed) return false;
  ctx.decisions.push({ action: request.action, allowed: true });
  openGate(ctx);
  auditInRequest(ctx, {
    principal: ctx.principal, action: request.action, purpose: request.purpose, outcome: 'allowed', reason: decision.reason,
    subject: request.subject, entity: request.entity, requestId: ctx.requestId,
  });
  return true;
}

/**
 * Records a read or write of one more person's data under a decision already made in this request
 * (e.g. each person shown in a list, each claim verified), so the family's access log is complete.
 * The same access twice in one request is one row; for plain reads of people see readPeople().
 */
export function recordAccess(ctx: DataContext, request: AccessRequest & { subject: { kind: 'person' | 'staff'; id: string } }, reason: string): void {
  if (!ctx.decisions.some((d) => d.allowed)) throw new Error('recordAccess needs an allowed decision first');
  if (alreadyRecorded(ctx, request)) return;
  auditInRequest(ctx, {
    principal: ctx.principal, action: request.action, purpose: request.purpose, outcome: 'allowed', reason,
    subject: request.subject, entity: request.entity, requestId: ctx.requestId,
  });
  noteAccess(ctx, request);
}

export async function recordDenial(ctx: RequestContext, denied: AccessDenied): Promise<void> {
  await ctx.services.db.transaction().execute((trx) =>
    writeAudit(trx, {
      principal: ctx.principal,
      action: denied.request.action,
      purpose: denied.request.purpose,
      outcome: 'denied',
      reason: denied.reason,
      subject: denied.request.subject,
      entity: denied.request.entity,
      requestId: ctx.requestId,
    }),
  );
}
