// Consents: reading, recording, giving, signing and withdrawing them, and THE consent rule every
// staff read or write derived from a case goes through (consentReaches).
import type { Principal, StaffPrincipal } from '../../../infra/http/context.ts';
import { consentCovers, coveredCategories, type ConsentPurpose } from '../../consent/rules.ts';
import type { Decision } from '../actions.ts';
import type { AccessFacts } from '../facts.ts';
import { allow, deny, entityId, subjectId, type Policy } from '../policy.ts';
import { citizenCaseAccess, citizenDecides, involvedCaseWorker } from './person.ts';

/**
 * THE consent rule: whether the family's consents in force let the user's service unit have the
 * person's data for this purpose now — per purpose and recipient unit, whatever the user's role in
 * a meeting or a handover. Every staff read and write derived from a case goes through it: the
 * relay log and the baton (collaboration), meetings, their minutes and action plans (team
 * discussion), the task list and the texts of notifications.
 */
export async function consentReaches(facts: AccessFacts, principal: StaffPrincipal, personId: string, purpose: 'collaboration' | 'team_discussion' | 'individual_plan', now: Date): Promise<Decision> {
  const found = await facts.unit(principal.serviceUnitId);
  const unit = { id: found?.id ?? null, typeCode: found?.typeCode ?? null };
  const consents = await facts.consents(personId);
  const covered = consentCovers(consents, unit, purpose, now);
  if (covered.covered) return allow(purpose === 'collaboration' ? 'consent' : `${purpose}_consent`);
  // A consent to transfer at a transition opens the log to the receiving unit of a planned or
  // completed transition, and to no other unit.
  if (purpose === 'collaboration' && unit.id && (covered.reason === 'purpose_not_covered' || covered.reason === 'unit_not_recipient') && (await facts.transitionReceiver(personId, unit.id))) {
    const forTransition = consentCovers(consents, unit, 'transition', now);
    if (forTransition.covered) return allow('transition_consent');
  }
  return deny(covered.reason);
}

/** A professional's way into the shared case: involved, and the consent reaches their unit. */
export async function staffCaseAccess(facts: AccessFacts, principal: StaffPrincipal, personId: string, now: Date): Promise<Decision> {
  await facts.staffCase(principal.staffUserId, principal.serviceUnitId, personId);
  const involved = await involvedCaseWorker(facts, principal, personId);
  if (!involved.allowed) return involved;
  const consent = await consentReaches(facts, principal, personId, 'collaboration', now);
  return consent.allowed ? allow(`${involved.reason}+${consent.reason}`) : consent;
}

/** The shared case (relay log): the family as case.read allows them, staff through staffCaseAccess. */
export function caseAccess(facts: AccessFacts, principal: Principal, personId: string, now: Date): Promise<Decision> {
  return principal.kind === 'citizen' ? citizenCaseAccess(facts, principal.personId, personId, now) : staffCaseAccess(facts, principal, personId, now);
}

/**
 * A team's work on a child rests on the basis of its referral: the family's consent to team
 * discussion naming the user's unit, or the family taking part in the meeting. A withdrawal of a
 * team-discussion consent after the meeting was set up reaches a meeting held with the family too:
 * it is the family saying no. The user must also still be involved with the child.
 */
export async function teamDiscussionReaches(facts: AccessFacts, principal: StaffPrincipal, personId: string, referralId: string | null, since: Date | null, now: Date): Promise<Decision> {
  await facts.staffCase(principal.staffUserId, principal.serviceUnitId, personId);
  const involved = await involvedCaseWorker(facts, principal, personId);
  if (!involved.allowed) return involved;
  const consent = await consentReaches(facts, principal, personId, 'team_discussion', now);
  if (consent.allowed) return consent;
  const referral = referralId ? await facts.trx.selectFrom('referral').select('basis').where('id', '=', referralId).executeTakeFirst() : undefined;
  if (referral?.basis !== 'family_present') return consent;
  const consents = await facts.consents(personId);
  const saidNo = consents.some((c) => c.purposes.includes('team_discussion') && c.withdrawnAt !== null && (since === null || c.withdrawnAt.getTime() >= new Date(since).getTime()));
  return saidNo ? deny('consent_withdrawn') : allow('family_present');
}

/**
 * The categories of the relay log a reader may see: all for the family; for staff, what the
 * consents covering their unit name (for collaboration, or for the transition they receive).
 * Call only after case.read was allowed.
 */
export async function visibleCategories(facts: AccessFacts, principal: Principal | null, personId: string, now: Date): Promise<Set<string> | 'all'> {
  if (!principal) return new Set();
  if (principal.kind === 'citizen') return 'all';
  await facts.staffCase(principal.staffUserId, principal.serviceUnitId, personId);
  const unit = await facts.unit(principal.serviceUnitId);
  if (!unit) return new Set();
  const consents = await facts.consents(personId);
  const purposes: ConsentPurpose[] = (await facts.transitionReceiver(personId, unit.id)) ? ['collaboration', 'transition'] : ['collaboration'];
  return coveredCategories(consents, { id: unit.id, typeCode: unit.typeCode }, purposes, now);
}

export const consentPolicy = {
  // Seeing a youth's consents may be shared with guardians; withdrawing is the youth's own.
  'consent.read': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return principal.kind === 'citizen' ? citizenCaseAccess(facts, principal.personId, personId, now) : involvedCaseWorker(facts, principal, personId);
  },
  'consent.withdraw': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return principal.kind === 'citizen' ? citizenDecides(facts, principal.personId, personId, now) : involvedCaseWorker(facts, principal, personId);
  },
  'consent.record': ({ principal, request, facts }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'staff') return deny('not_staff');
    return involvedCaseWorker(facts, principal, personId);
  },
  'consent.give': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    return citizenDecides(facts, principal.personId, personId, now);
  },
  'consent.sign': async ({ principal, request, facts }) => {
    if (principal.kind !== 'citizen') return deny('not_citizen');
    const consentId = entityId(request, 'consent');
    if (!consentId) return deny('no_subject');
    const consent = await facts.trx.selectFrom('consent').select('awaiting_person_ids').where('id', '=', consentId).executeTakeFirst();
    return consent?.awaiting_person_ids.includes(principal.personId) ? allow('awaited_signer') : deny('not_awaited_signer');
  },
} satisfies Policy;
