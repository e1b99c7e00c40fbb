// The consent rules, as pure functions: who must consent for a person, whether a consent is in
// force today, and whether it covers a service unit and a purpose. The access module and the
// consent service both use them; tests check them against an independent model.
import { ageOn, osloDate } from '../../../common/dates.ts';

import { AGE_OF_MAJORITY, type ConsentPurpose } from '../../../common/consent.ts';

export { CONSENT_CATEGORIES, CONSENT_PURPOSES, type ConsentCategory, type ConsentPurpose } from '../../../common/consent.ts';

export interface ConsentSettings {
  consentAge: number; // default 16
  consentAgeChildWelfare: number; // default 15
  guardianRule: 'all' | 'one'; // default all
}

export interface ConsentSubject {
  id: string;
  kind: 'child' | 'pregnant' | 'adult';
  birthDate: string;
}

export interface Guardian {
  id: string;
  parentalResponsibility: boolean;
}

export type ConsentAuthority =
  | { decides: 'self' } // an adult or a pregnant woman
  | { decides: 'youth' } // a youth at or over the consent age
  | { decides: 'guardians'; guardianIds: string[]; rule: 'all' | 'one' };

export type ConsentAges = Pick<ConsentSettings, 'consentAge' | 'consentAgeChildWelfare'>;

/**
 * THE age rule: a youth decides alone from the municipality's consent age (16 by default), in
 * child-welfare matters from its lower age (15); an adult or a pregnant woman always.
 */
export function decidesAlone(subject: Pick<ConsentSubject, 'birthDate'> & { kind: string }, ages: ConsentAges, childWelfareMatter: boolean, today: string): boolean {
  return subject.kind !== 'child' || ageOn(subject.birthDate, today) >= (childWelfareMatter ? ages.consentAgeChildWelfare : ages.consentAge);
}

/** The age from which the youth decides alone in the matter. */
export function ageOfDecision(ages: ConsentAges, childWelfareMatter: boolean): number {
  return childWelfareMatter ? ages.consentAgeChildWelfare : ages.consentAge;
}

export function consentAuthority(subject: ConsentSubject, guardians: Guardian[], settings: ConsentSettings, childWelfareMatter: boolean, today: string): ConsentAuthority {
  if (subject.kind !== 'child' || ageOn(subject.birthDate, today) >= AGE_OF_MAJORITY) return { decides: 'self' };
  if (decidesAlone(subject, settings, childWelfareMatter, today)) return { decides: 'youth' };
  return { decides: 'guardians', guardianIds: guardians.filter((g) => g.parentalResponsibility).map((g) => g.id), rule: settings.guardianRule };
}

export type GiverProblem = 'errors.consentGiverRequired' | 'errors.consentYouthMustGive' | 'errors.consentAllGuardians' | 'errors.consentGiverNotGuardian';

/** Checks that the right people gave the consent; returns the problem, or null when it is enough. */
export function checkGivers(subjectId: string, authority: ConsentAuthority, giverIds: string[]): GiverProblem | null {
  if (giverIds.length === 0) return 'errors.consentGiverRequired';
  if (authority.decides === 'self' || authority.decides === 'youth') {
    return giverIds.includes(subjectId) ? null : authority.decides === 'youth' ? 'errors.consentYouthMustGive' : 'errors.consentGiverRequired';
  }
  if (giverIds.some((id) => id !== subjectId && !authority.guardianIds.includes(id))) return 'errors.consentGiverNotGuardian';
  const guardiansGiving = authority.guardianIds.filter((id) => giverIds.includes(id));
  if (guardiansGiving.length === 0) return 'errors.consentGiverRequired';
  if (authority.rule === 'all' && guardiansGiving.length < authority.guardianIds.length) return 'errors.consentAllGuardians';
  return null;
}

export type ConsentState = 'active' | 'withdrawn' | 'expired' | 'not_yet_valid' | 'awaiting_signature';

export interface ConsentPeriod {
  validFrom: string;
  validTo: string;
  withdrawnAt: Date | null;
  /** A digital consent still waiting for another guardian's signature is not in force. */
  awaitingSignature?: boolean;
}

/** A withdrawal takes effect at once; validity runs to the end of valid_to. */
export function consentState(consent: ConsentPeriod, now: Date): ConsentState {
  if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= now.getTime()) return 'withdrawn';
  if (consent.awaitingSignature) return 'awaiting_signature';
  const today = osloDate(now);
  if (today < consent.validFrom) return 'not_yet_valid';
  if (today > consent.validTo) return 'expired';
  return 'active';
}

export interface ConsentForAccess extends ConsentPeriod {
  purposes: string[];
  categories: string[];
  recipientUnitIds: string[];
  recipientUnitTypes: string[];
}

export interface UnitOfUser {
  id: string | null;
  typeCode: string | null;
}

/**
 * Whether the person's consents let a user of this unit share for this purpose now. The reason
 * names the first rule that failed, for the audit log.
 */
export function consentCovers(consents: ConsentForAccess[], unit: UnitOfUser, purpose: ConsentPurpose, now: Date): { covered: boolean; reason: string } {
  if (consents.length === 0) return { covered: false, reason: 'no_consent' };
  const active = consents.filter((c) => consentState(c, now) === 'active');
  if (active.length === 0) {
    const states = consents.map((c) => consentState(c, now));
    const reason = states.includes('withdrawn') ? 'consent_withdrawn' : states.includes('expired') ? 'consent_expired' : states.includes('awaiting_signature') ? 'consent_awaiting_signature' : 'consent_not_yet_valid';
    return { covered: false, reason };
  }
  const forPurpose = active.filter((c) => c.purposes.includes(purpose));
  if (forPurpose.length === 0) return { covered: false, reason: 'purpose_not_covered' };
  const forUnit = forPurpose.filter(
    (c) => (unit.id !== null && c.recipientUnitIds.includes(unit.id)) || (unit.typeCode !== null && c.recipientUnitTypes.includes(unit.typeCode)),
  );
  if (forUnit.length === 0) return { covered: false, reason: 'unit_not_recipient' };
  return { covered: true, reason: 'consent' };
}

/** The categories of information the consents in force let this unit see, for any of the purposes. */
export function coveredCategories(consents: ConsentForAccess[], unit: UnitOfUser, purposes: ConsentPurpose[], now: Date): Set<string> {
  const categories = new Set<string>();
  for (const c of consents) {
    if (consentState(c, now) !== 'active' || !c.purposes.some((p) => (purposes as string[]).includes(p))) continue;
    const recipient = (unit.id !== null && c.recipientUnitIds.includes(unit.id)) || (unit.typeCode !== null && c.recipientUnitTypes.includes(unit.typeCode));
    if (recipient) for (const category of c.categories) categories.add(category);
  }
  return categories;
}
