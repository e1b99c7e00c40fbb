// People: registering, reading and listing them, the relations professionals enter and the family
// confirms, access requests, and who decides for a child. The rules here are used by the other
// policies: a professional reaches a person only while involved, a citizen only as the person or a
// guardian with parental responsibility.
import type { Db } from '../../../infra/db/database.ts';
import type { Principal, StaffPrincipal } from '../../../infra/http/context.ts';
import { ageOn, osloDate } from '../../../../common/dates.ts';
import { AGE_OF_MAJORITY } from '../../../../common/consent.ts';
import { decidesAlone } from '../../consent/rules.ts';
import type { Decision } from '../actions.ts';
import type { AccessFacts, SubjectPerson } from '../facts.ts';
import { allow, caseWorker, deny, entityId, requireRole, subjectId, type Policy } from '../policy.ts';

/** A staff user in a case-work role who is involved with the person now. */
export async function involvedCaseWorker(facts: AccessFacts, principal: Principal, personId: string): Promise<Decision> {
  const role = caseWorker(principal);
  if (!role.allowed) return role;
  const involvement = await facts.involvement((principal as StaffPrincipal).staffUserId, personId);
  return involvement ? allow(`involved:${involvement}`) : deny('not_involved');
}

/**
 * The citizen is the person, or a guardian of them with parental responsibility. That responsibility
 * ends when the child comes of age: from 18 a guardian reaches nothing of the person, whatever the
 * youth chose at 16 and whatever the register still holds.
 */
export async function citizenRelation(facts: AccessFacts, citizenPersonId: string, personId: string, now: Date): Promise<Decision> {
  if (citizenPersonId === personId) return allow('self');
  await facts.citizenView(citizenPersonId, personId);
  const guardianship = await facts.guardianship(citizenPersonId, personId);
  if (!guardianship) return deny('not_related');
  if (!guardianship.parentalResponsibility) return deny('guardian_without_parental_responsibility');
  const subject = await facts.person(personId);
  if (!subject) return deny('no_subject');
  return ofAge(subject, now) ? deny('of_age') : allow('guardian_with_parental_responsibility');
}

/** Whether the person has come of age (myndig): 18, in Oslo's calendar. */
function ofAge(person: Pick<SubjectPerson, 'birthDate'>, now: Date): boolean {
  return ageOn(person.birthDate, osloDate(now)) >= AGE_OF_MAJORITY;
}

/**
 * Who decides for a person: the person themself when an adult, pregnant, or a youth at or over the
 * consent age (the age rule is decidesAlone in consent/rules.ts); the guardians with parental
 * responsibility while a child is under it.
 */
export function decidesForSelf(person: Pick<SubjectPerson, 'kind' | 'birthDate' | 'consentAge' | 'consentAgeChildWelfare'>, now: Date, childWelfareMatter = false): boolean {
  return decidesAlone(person, person, childWelfareMatter, osloDate(now));
}

/** Whether the citizen is the one who decides for the person (decidesForSelf). */
export async function citizenDecides(facts: AccessFacts, citizenPersonId: string, personId: string, now: Date): Promise<Decision> {
  const relation = await citizenRelation(facts, citizenPersonId, personId, now);
  if (!relation.allowed) return relation;
  const subject = await facts.person(personId);
  if (!subject) return deny('no_subject');
  const self = relation.reason === 'self';
  if (subject.kind !== 'child') return self ? allow('self') : deny('adult_decides');
  if (decidesForSelf(subject, now)) return self ? allow('youth_self') : deny('youth_decides');
  return self ? deny('below_consent_age') : relation;
}

/**
 * The guardians with parental responsibility for the person now, whom the services invite, name on
 * a consent form and count as the family: none once the person is of age, though the register may
 * still list them (citizenRelation holds the same rule for what a guardian may see).
 */
export async function parentsWithResponsibility(facts: AccessFacts, personId: string, now: Date): Promise<string[]> {
  const person = await facts.person(personId);
  if (!person || ofAge(person, now)) return [];
  const rows = await facts.trx.selectFrom('guardianship').select('guardian_id')
    .where('child_id', '=', personId).where('parental_responsibility', '=', true).execute();
  return rows.map((row) => row.guardian_id);
}

/** The citizens (with an account) who decide for the person: whom Min side asks and tells. */
export async function familyDeciders(facts: AccessFacts, personId: string, now: Date): Promise<string[]> {
  const family = await facts.familyWithAccounts(personId);
  if (!family) return [];
  if (decidesForSelf(family.person, now)) return family.selfHasAccount ? [personId] : [];
  return family.guardiansWithAccount;
}

/**
 * The citizen is the person a professional named as guardian: matched on the national id the
 * professional entered, which ID-porten verified at the citizen's sign-in.
 */
async function namedInRelationClaim(trx: Db, citizenPersonId: string, claimId: string): Promise<Decision> {
  const row = await trx
    .selectFrom('relation_claim as c')
    .innerJoin('person as p', 'p.national_id', 'c.national_id')
    .select('c.id')
    .where('c.id', '=', claimId)
    .where('p.id', '=', citizenPersonId)
    .executeTakeFirst();
  return row ? allow('named_as_guardian') : deny('not_named_as_guardian');
}

export const personPolicy = {
  'person.create': ({ principal }) => caseWorker(principal),
  'person.read': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return principal.kind === 'citizen' ? citizenRelation(facts, principal.personId, personId, now) : involvedCaseWorker(facts, principal, personId);
  },
  // Lists only ever contain people the user is involved with (see people/queries.ts).
  'person.list': ({ principal }) => {
    if (principal.kind === 'citizen') return allow('own_family');
    return caseWorker(principal).allowed ? allow('own_involvements') : deny('role_without_case_work');
  },
  // Scoped by the query to relations naming the citizen's own national id.
  'relation.list': ({ principal }) => (principal.kind === 'citizen' ? allow('own_relations') : deny('not_citizen')),
  'relation.confirm': ({ principal, request, facts }) => {
    if (principal.kind !== 'citizen') return deny('not_citizen');
    const claimId = entityId(request, 'relation_claim');
    return claimId ? namedInRelationClaim(facts.trx, principal.personId, claimId) : deny('no_subject');
  },
  'relation.verify': ({ principal }) => requireRole(principal, 'administrator'),
  'accessRequest.create': ({ principal }) => caseWorker(principal),
  // Scoped by the query: staff see their own requests, a citizen those for people they decide for.
  'accessRequest.list': ({ principal }) => {
    if (principal.kind === 'citizen') return allow('own_family_requests');
    return caseWorker(principal).allowed ? allow('own_requests') : deny('role_without_case_work');
  },
  'accessRequest.answer': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    return citizenDecides(facts, principal.personId, personId, now);
  },
  'guardianVisibility.set': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    if (principal.personId !== personId) return deny('not_self');
    const decision = await citizenDecides(facts, principal.personId, personId, now);
    if (!decision.allowed || decision.reason !== 'youth_self') return deny('not_youth_of_consent_age');
    // From 18 no guardian sees the case (citizenRelation): there is nothing left to choose.
    const subject = await facts.person(personId);
    return subject && ofAge(subject, now) ? deny('of_age') : decision;
  },
} satisfies Policy;

/**
 * What a citizen may see of a person's case: their own, or as a guardian with parental
 * responsibility while the child is under the consent age. From that age the youth decides. In a
 * child-welfare matter the youth sees their own from the lower child-welfare age (a party from 15).
 */
export async function citizenCaseAccess(facts: AccessFacts, citizenPersonId: string, personId: string, now: Date, childWelfareMatter = false): Promise<Decision> {
  const relation = await citizenRelation(facts, citizenPersonId, personId, now);
  if (!relation.allowed) return relation;
  const subject = await facts.person(personId);
  if (!subject) return deny('no_subject');
  if (subject.kind !== 'child') return relation;
  if (relation.reason === 'self') return decidesForSelf(subject, now, childWelfareMatter) ? relation : deny('below_consent_age');
  const ofAge = decidesForSelf(subject, now);
  if (!ofAge) return relation;
  // From the consent age the youth decides whether guardians see the case.
  return subject.guardiansSeeCase ? allow('youth_lets_guardian_see') : deny('youth_decides');
}
