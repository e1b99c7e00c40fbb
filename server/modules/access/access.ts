// The authorization module (tilgangsstyring): the one place that answers "may this user do this to
// this record now, and why". Every route that touches personal data calls authorize(); it writes
// the audit record of an allowed access in the request's transaction, and a refusal is recorded
// after the rollback. Roles alone never open case data: that takes involvement (and, from the
// consent module, a valid consent).
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext, Principal, RequestContext } from '../../infra/http/context.ts';
import { AppError } from '../../infra/http/errors.ts';
import type { StaffRole } from '../../../common/roles.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { loadConsentsForAccess, loadConsentSettings } from '../consent/queries.ts';
import { ageOn, consentCovers, osloDate } from '../consent/rules.ts';

export type AccessAction =
  | 'person.create'
  | 'person.read'
  | 'person.list'
  | 'staff.create'
  | 'staff.update'
  | 'staff.read'
  | 'staff.list'
  | 'serviceUnit.create'
  | 'serviceUnit.update'
  | 'serviceUnitType.create'
  | 'audit.search'
  | 'case.read' // the shared case: relay log, who helps, under a valid consent
  | 'case.write'
  | 'consent.read'
  | 'consent.record' // a professional records a consent given on paper or orally
  | 'consent.withdraw'
  | 'legalBasis.record'; // opplysningsplikt / avvergeplikt: recorded, opens nothing

export type Purpose = 'administration' | 'follow_up' | 'registration' | 'audit' | 'sign_in' | 'self_service' | 'consent' | 'legal_duty';

export interface AccessRequest {
  action: AccessAction;
  purpose: Purpose;
  /** Whose personal data this is, when it concerns one person or staff user. */
  subject?: { kind: 'person' | 'staff'; id: string };
  entity?: { type: string; id: string };
}

export interface Decision {
  allowed: boolean;
  /** A stable code saying why: recorded in the audit log, never shown to a refused user. */
  reason: string;
}

/** Roles whose work is with children's cases; only these may register a person. */
const CASE_WORK_ROLES: readonly StaffRole[] = [
  'professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake', 'coordinating_unit',
];

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

async function isInvolved(trx: Tx, staffUserId: string, personId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('involvement')
    .select('kind')
    .where('person_id', '=', personId)
    .where('staff_user_id', '=', staffUserId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row?.kind ?? null;
}

async function citizenMayReadPerson(trx: Tx, citizenPersonId: string, personId: string): Promise<Decision> {
  if (citizenPersonId === personId) return allow('self');
  const guardianship = await trx
    .selectFrom('guardianship')
    .select('parental_responsibility')
    .where('child_id', '=', personId)
    .where('guardian_id', '=', citizenPersonId)
    .executeTakeFirst();
  if (!guardianship) return deny('not_related');
  return guardianship.parental_responsibility ? allow('guardian_with_parental_responsibility') : deny('guardian_without_parental_responsibility');
}

/**
 * What a citizen may do with a person's case: their own, or as a guardian with parental
 * responsibility while the child is under the consent age. From that age the youth decides.
 */
async function citizenCaseAccess(trx: Tx, citizenPersonId: string, personId: string): Promise<Decision> {
  const relation = await citizenMayReadPerson(trx, citizenPersonId, personId);
  if (!relation.allowed) return relation;
  const subject = await trx.selectFrom('person').select(['kind', 'birth_date', 'municipality_id']).where('id', '=', personId).executeTakeFirst();
  if (!subject) return deny('no_subject');
  if (subject.kind !== 'child') return relation;
  const settings = await loadConsentSettings(trx, subject.municipality_id);
  const ofAge = ageOn(subject.birth_date, osloDate()) >= settings.consentAge;
  if (relation.reason === 'self') return ofAge ? relation : deny('below_consent_age');
  return ofAge ? deny('youth_decides') : relation;
}

async function staffCaseAccess(trx: Tx, principal: Extract<Principal, { kind: 'staff' }>, personId: string): Promise<Decision> {
  if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
  const involvement = await isInvolved(trx, principal.staffUserId, personId);
  if (!involvement) return deny('not_involved');
  const unit = principal.serviceUnitId
    ? await trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', principal.serviceUnitId).executeTakeFirst()
    : undefined;
  const consents = await loadConsentsForAccess(trx, personId);
  const covered = consentCovers(consents, { id: unit?.id ?? null, typeCode: unit?.type_code ?? null }, 'collaboration');
  return covered.covered ? allow(`involved:${involvement}+consent`) : deny(covered.reason);
}

function requireRole(principal: Principal, role: StaffRole): Decision {
  if (principal.kind !== 'staff') return deny('not_staff');
  return principal.activeRole === role ? allow(`role:${role}`) : deny(`role_required:${role}`);
}

/** Decides without side effects; authorize() records the decision. */
export async function decide(trx: Tx, principal: Principal | null, request: AccessRequest): Promise<Decision> {
  if (!principal) return deny('not_signed_in');
  switch (request.action) {
    case 'staff.create':
    case 'staff.update':
    case 'staff.read':
    case 'staff.list':
    case 'serviceUnit.create':
    case 'serviceUnit.update':
    case 'serviceUnitType.create':
      return requireRole(principal, 'administrator');
    case 'audit.search':
      return requireRole(principal, 'auditor');
    case 'person.create':
      if (principal.kind !== 'staff') return deny('not_staff');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_case_work');
    case 'person.list':
      // Lists only ever contain people the user is involved with (see people/queries.ts).
      return principal.kind === 'staff' && CASE_WORK_ROLES.includes(principal.activeRole)
        ? allow('own_involvements')
        : principal.kind === 'citizen' ? allow('own_family') : deny('role_without_case_work');
    case 'person.read': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind === 'citizen') return citizenMayReadPerson(trx, principal.personId, personId);
      if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
      const involvement = await isInvolved(trx, principal.staffUserId, personId);
      return involvement ? allow(`involved:${involvement}`) : deny('not_involved');
    }
    case 'case.read':
    case 'case.write': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      return principal.kind === 'citizen' ? citizenCaseAccess(trx, principal.personId, personId) : staffCaseAccess(trx, principal, personId);
    }
    case 'consent.read':
    case 'consent.withdraw': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind === 'citizen') return citizenCaseAccess(trx, principal.personId, personId);
      if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
      const involvement = await isInvolved(trx, principal.staffUserId, personId);
      return involvement ? allow(`involved:${involvement}`) : deny('not_involved');
    }
    case 'consent.record': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'staff') return deny('not_staff');
      if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
      const involvement = await isInvolved(trx, principal.staffUserId, personId);
      return involvement ? allow(`involved:${involvement}`) : deny('not_involved');
    }
    case 'legalBasis.record':
      // Everyone who works with children has these duties, involved or not; recording one opens nothing.
      if (principal.kind !== 'staff') return deny('not_staff');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow(`duty:${principal.activeRole}`) : deny('role_without_case_work');
    default: {
      const unknown: never = request.action;
      return deny(`unknown_action:${String(unknown)}`);
    }
  }
}

export class AccessDenied extends AppError {
  readonly request: AccessRequest;
  readonly reason: string;
  constructor(request: AccessRequest, reason: string) {
    // The message is the same whatever the reason, so a refusal never tells whether a record exists.
    super('FORBIDDEN', 'errors.forbidden');
    this.request = request;
    this.reason = reason;
  }
}

/** Allows the access (and records it) or throws AccessDenied. */
export async function authorize(ctx: DataContext, request: AccessRequest): Promise<void> {
  const decision = await decide(ctx.trx, ctx.principal, request);
  ctx.decisions.push({ action: request.action, allowed: decision.allowed });
  if (!decision.allowed) throw new AccessDenied(request, decision.reason);
  await writeAudit(ctx.trx, {
    principal: ctx.principal,
    action: request.action,
    purpose: request.purpose,
    outcome: 'allowed',
    reason: decision.reason,
    subject: request.subject,
    entity: request.entity,
    requestId: ctx.requestId,
  });
}

/**
 * Records a read or write of one more person's data under a decision already made in this request
 * (e.g. each person shown in a list), so the family's access log is complete.
 */
export async function recordAccess(ctx: DataContext, request: AccessRequest & { subject: { kind: 'person' | 'staff'; id: string } }, reason: string): Promise<void> {
  if (!ctx.decisions.some((d) => d.allowed)) throw new Error('recordAccess needs an allowed decision first');
  await writeAudit(ctx.trx, {
    principal: ctx.principal, action: request.action, purpose: request.purpose, outcome: 'allowed', reason,
    subject: request.subject, entity: request.entity, requestId: ctx.requestId,
  });
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
