// Individual plans (individuell plan), coordinators and Koordinerende enhet (decision 0022). The family
// asks (the one who decides for the child), or a professional under the family's consent; the
// coordinating unit (Koordinerende enhet) of the person's municipality decides and appoints; the
// appointed coordinator answers. The plan is read and written by the coordinator and by involved
// professionals whose unit the family's consent for the plan reaches; the unit itself sees requests
// and decisions, and the plan only when the consent names it. The family reads the plan as it reads
// the case, and writes in it as the one who decides for the child.
import type { Principal, StaffPrincipal } from '../../../infra/http/context.ts';
import type { Decision } from '../actions.ts';
import type { AccessFacts } from '../facts.ts';
import { allow, caseWorker, deny, entityId, subjectId, type Policy, type Rule } from '../policy.ts';
import { consentReaches } from './consent.ts';
import { citizenCaseAccess, citizenDecides, involvedCaseWorker } from './person.ts';
import { osloDate } from '../../../../common/dates.ts';
import { loadConsentsForAccess } from '../../consent/queries.ts';
import { consentState } from '../../consent/rules.ts';
import { OWN_CONSENT_STAGES, stageByAge } from '../../cases/transitions.ts';
import { isChildWelfareIntake } from './child-welfare.ts';

const isCoordinatingUnit = (principal: Principal): principal is StaffPrincipal =>
  principal.kind === 'staff' && principal.activeRole === 'coordinating_unit';

/** The coordinating unit of the person's municipality. */
async function coordinatingUnitOf(facts: AccessFacts, principal: Principal, personId: string | null): Promise<Decision> {
  if (!isCoordinatingUnit(principal)) return deny('role_required:coordinating_unit');
  if (!personId) return deny('no_subject');
  const person = await facts.person(personId);
  if (!person) return deny('no_subject');
  return person.municipalityId === principal.municipalityId ? allow('role:coordinating_unit') : deny('other_municipality');
}

/** The staff user's coordinator appointment for the person: 'accepted' when in office, 'pending' while it waits for their answer. */
async function coordinatorStatus(facts: AccessFacts, principal: StaffPrincipal, personId: string): Promise<'accepted' | 'pending' | null> {
  const rows = await facts.trx.selectFrom('coordinator_assignment').select('status')
    .where('person_id', '=', personId).where('staff_user_id', '=', principal.staffUserId).where('status', 'in', ['accepted', 'pending']).execute();
  if (rows.some((r) => r.status === 'accepted')) return 'accepted';
  return rows.length ? 'pending' : null;
}

/** The person's coordinator in office (accepted), who is also a case worker. */
async function coordinator(facts: AccessFacts, principal: Principal, personId: string): Promise<Decision> {
  const role = caseWorker(principal);
  if (!role.allowed) return role;
  const status = await coordinatorStatus(facts, principal as StaffPrincipal, personId);
  // One appointed who has not yet answered is told so, from the refusal's reason (plans/plan.ts createPlan).
  return status === 'accepted' ? allow('coordinator') : deny(status === 'pending' ? 'coordinator_not_accepted' : 'not_coordinator');
}

/** A professional under the family's consent for the plan: the coordinator, or involved and the consent names their unit. */
async function planWorker(facts: AccessFacts, principal: Principal, personId: string, now: Date): Promise<Decision> {
  const asCoordinator = await coordinator(facts, principal, personId);
  if (asCoordinator.allowed || principal.kind !== 'staff') return asCoordinator;
  await facts.staffCase(principal.staffUserId, principal.serviceUnitId, personId);
  const involved = await involvedCaseWorker(facts, principal, personId);
  if (!involved.allowed) return involved;
  const consent = await consentReaches(facts, principal, personId, 'individual_plan', now);
  return consent.allowed ? allow(`${involved.reason}+${consent.reason}`) : consent;
}

/**
 * From the stage one enters as an adult (18), the plan carries on into adult services only on the
 * young adult's own consent to it: a guardian's consent does not follow past 18, for the coordinator
 * no more than for the others. The stage rule is the transitions' (cases/transitions.ts).
 */
async function adultOwnConsent(facts: AccessFacts, personId: string, now: Date): Promise<Decision | null> {
  const person = await facts.person(personId);
  if (!person) return deny('no_subject');
  const stage = stageByAge({ kind: person.kind as 'child' | 'pregnant' | 'adult', birthDate: person.birthDate, expectedBirthDate: null }, osloDate(now));
  if (!OWN_CONSENT_STAGES.includes(stage)) return null;
  const own = await loadConsentsForAccess(facts.trx, personId, true);
  return own.some((c) => c.purposes.includes('individual_plan') && consentState(c, now) === 'active') ? null : deny('adult_own_consent_required');
}

/** A staff rule on the plan's content, under the young adult's own consent from 18. */
async function staffOnPlan(facts: AccessFacts, personId: string, now: Date, rule: () => Promise<Decision>): Promise<Decision> {
  const decision = await rule();
  if (!decision.allowed) return decision;
  return (await adultOwnConsent(facts, personId, now)) ?? decision;
}

/** The plan's content to a professional: the coordinator or a service under the consent, and from 18 on the young adult's own consent (a plan's meetings too). */
export const planContentAccess = (facts: AccessFacts, principal: Principal, personId: string, now: Date): Promise<Decision> =>
  staffOnPlan(facts, personId, now, () => planWorker(facts, principal, personId, now));

/**
 * Child welfare of the person's municipality records after-care (decision 0037). Sammen holds no
 * child-welfare case list, so the intake of the municipality answers for it, as it does for reports.
 */
async function childWelfareOf(facts: AccessFacts, principal: Principal, personId: string | null): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  if (!isChildWelfareIntake(principal)) return deny('role_required:child_welfare_intake');
  if (!personId) return deny('no_subject');
  const person = await facts.person(personId);
  if (!person) return deny('no_subject');
  return person.municipalityId === principal.municipalityId ? allow('child_welfare_intake') : deny('other_municipality');
}

/**
 * The family who take part in the person's plan now: each citizen who reads it on Min side — the
 * guardians with parental responsibility (while they see the case) and the person from the consent
 * age. A background job's reminders go to them (decision 0037).
 */
export async function planFamily(facts: AccessFacts, personId: string, now: Date): Promise<string[]> {
  const candidates = await facts.trx.selectFrom('citizen_account as a').select('a.person_id')
    .where((eb) => eb.or([
      eb('a.person_id', '=', personId),
      eb('a.person_id', 'in', eb.selectFrom('guardianship as g').select('g.guardian_id').where('g.child_id', '=', personId).where('g.parental_responsibility', '=', true)),
    ]))
    .orderBy('a.person_id').execute();
  const taking: string[] = [];
  for (const c of candidates) if ((await citizenCaseAccess(facts, c.person_id, personId, now)).allowed) taking.push(c.person_id);
  return taking;
}

/** The person a plan, request, appointment or after-care period belongs to, read in the decision's own query. */
async function personOf(facts: AccessFacts, table: 'plan_request' | 'coordinator_assignment' | 'individual_plan' | 'after_care', id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await facts.trx.selectFrom(table).select('person_id').where('id', '=', id).executeTakeFirst();
  return row?.person_id ?? null;
}

/** The plan's content: the family as they see the case, the unit only under the consent, staff by planContentAccess. */
const planRead: Rule = async ({ principal, request, facts, now }) => {
  const personId = subjectId(request);
  if (!personId) return deny('no_subject');
  if (principal.kind === 'citizen') return citizenCaseAccess(facts, principal.personId, personId, now);
  if (isCoordinatingUnit(principal)) {
    // The unit itself only when the family's consent for the plan names it.
    return staffOnPlan(facts, personId, now, async () => {
      const unit = await coordinatingUnitOf(facts, principal, personId);
      if (!unit.allowed) return unit;
      return consentReaches(facts, principal, personId, 'individual_plan', now);
    });
  }
  return planContentAccess(facts, principal, personId, now);
};

export const planPolicy = {
  'planRequest.create': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind === 'citizen') return citizenDecides(facts, principal.personId, personId, now);
    // A professional asks on the family's behalf, with their consent: to collaborate or to the plan.
    await facts.staffCase(principal.staffUserId, principal.serviceUnitId, personId);
    const involved = await involvedCaseWorker(facts, principal, personId);
    if (!involved.allowed) return involved;
    const forPlan = await consentReaches(facts, principal, personId, 'individual_plan', now);
    if (forPlan.allowed) return allow(`${involved.reason}+${forPlan.reason}`);
    const collaboration = await consentReaches(facts, principal, personId, 'collaboration', now);
    return collaboration.allowed ? allow(`${involved.reason}+${collaboration.reason}`) : collaboration;
  },
  'planRequestQueue.read': ({ principal }) => (isCoordinatingUnit(principal) ? allow('role:coordinating_unit') : deny('role_required:coordinating_unit')),
  'planRequest.decide': async ({ principal, request, facts }) => {
    if (!isCoordinatingUnit(principal)) return deny('role_required:coordinating_unit');
    const personId = (await personOf(facts, 'plan_request', entityId(request, 'plan_request'))) ?? subjectId(request);
    return coordinatingUnitOf(facts, principal, personId);
  },
  'coordinator.appoint': ({ principal, request, facts }) => coordinatingUnitOf(facts, principal, subjectId(request)),
  'coordinator.answer': async ({ principal, request, facts }) => {
    if (principal.kind !== 'staff') return deny('not_staff');
    const id = entityId(request, 'coordinator_assignment');
    if (!id) return deny('no_subject');
    const row = await facts.trx.selectFrom('coordinator_assignment').select(['staff_user_id']).where('id', '=', id).executeTakeFirst();
    if (!row) return deny('no_subject');
    return row.staff_user_id === principal.staffUserId ? allow('appointed_coordinator') : deny('not_appointed');
  },
  // What is asked and decided, and who coordinates: the family, the unit, the professionals involved.
  'planStatus.read': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind === 'citizen') return citizenCaseAccess(facts, principal.personId, personId, now);
    if (isCoordinatingUnit(principal)) return coordinatingUnitOf(facts, principal, personId);
    const role = caseWorker(principal);
    if (!role.allowed) return role;
    if (await coordinatorStatus(facts, principal, personId)) return allow('coordinator');
    return involvedCaseWorker(facts, principal, personId);
  },
  'plan.read': planRead,
  'plan.create': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    return personId ? staffOnPlan(facts, personId, now, () => coordinator(facts, principal, personId)) : deny('no_subject');
  },
  'plan.write': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request) ?? (await personOf(facts, 'individual_plan', entityId(request, 'individual_plan')));
    return personId ? planContentAccess(facts, principal, personId, now) : deny('no_subject');
  },
  // The coordinator in office calls the plan's meetings (ansvarsgruppemøte).
  'planMeeting.schedule': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request) ?? (await personOf(facts, 'individual_plan', entityId(request, 'individual_plan')));
    return personId ? staffOnPlan(facts, personId, now, () => coordinator(facts, principal, personId)) : deny('no_subject');
  },
  'afterCare.record': async ({ principal, request, facts }) =>
    childWelfareOf(facts, principal, subjectId(request) ?? (await personOf(facts, 'after_care', entityId(request, 'after_care')))),
  // After-care shows with the plan: child welfare who recorded it, and whoever reads the plan (from 18 on the young adult's own consent).
  'afterCare.read': async (input) => {
    if (isChildWelfareIntake(input.principal)) return childWelfareOf(input.facts, input.principal, subjectId(input.request));
    return planRead(input);
  },
  'plan.familyWrite': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    return citizenDecides(facts, principal.personId, personId, now);
  },
} satisfies Policy;
