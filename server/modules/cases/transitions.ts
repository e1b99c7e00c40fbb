// Transitions (overganger): pregnancy → health station → kindergarten → school → lower and upper
// secondary → adult services. Pure functions: which stage a unit or an age belongs to, when the next
// stage starts, and whether a transition should be proposed now.
import { ageOn } from '../../../common/dates.ts';
import { AGE_OF_MAJORITY } from '../../../common/consent.ts';

import { STAGES, type Stage } from '../../../common/contracts/cases.ts';

export { STAGES, type Stage };

/** The unit types that receive a child at each stage. */
export const STAGE_UNIT_TYPES: Record<Stage, readonly string[]> = {
  pregnancy: ['health_station'],
  health_station: ['health_station'],
  kindergarten: ['kindergarten'],
  primary_school: ['school_primary'],
  lower_secondary: ['school_lower_secondary'],
  upper_secondary: ['school_upper_secondary'],
  adult: ['nav', 'coordinating_unit'],
};

/**
 * The stages a person enters as an adult (at 18; after-care from child welfare does not postpone it,
 * decision 0037): their own consent carries the case there. A consent their guardians gave while they were a child does not.
 */
export const OWN_CONSENT_STAGES: readonly Stage[] = ['adult'];

/** A transition is proposed this long before the next stage starts (the spring before school, etc.). */
export const PROPOSE_MONTHS_AHEAD = 10;

/** School starts in mid-August the year a child turns 6; lower secondary at 13, upper at 16. */
function augustOf(birthDate: string, yearsLater: number): string {
  return `${Number(birthDate.slice(0, 4)) + yearsLater}-08-15`;
}

function birthday(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = m === '02' && d === '29' ? '28' : d; // a leap-day child's birthday in other years
  return `${Number(y) + years}-${m}-${day}`;
}

export interface StageSubject {
  kind: 'child' | 'pregnant' | 'adult';
  birthDate: string;
  expectedBirthDate: string | null;
}

/** The stage by age alone, on a date. */
export function stageByAge(subject: StageSubject, on: string): Stage {
  if (subject.kind === 'pregnant') return 'pregnancy';
  if (subject.kind === 'adult') return 'adult';
  const b = subject.birthDate;
  if (on < birthday(b, 1)) return 'health_station';
  if (on < augustOf(b, 6)) return 'kindergarten';
  if (on < augustOf(b, 13)) return 'primary_school';
  if (on < augustOf(b, 16)) return 'lower_secondary';
  if (ageOn(b, on) < AGE_OF_MAJORITY) return 'upper_secondary';
  return 'adult';
}

/** When the stage after `stage` starts for this subject. */
export function nextStageStart(subject: StageSubject, stage: Stage): { stage: Stage; startsOn: string } | null {
  const b = subject.birthDate;
  switch (stage) {
    case 'pregnancy':
      return subject.expectedBirthDate ? { stage: 'health_station', startsOn: subject.expectedBirthDate } : null;
    case 'health_station':
      return { stage: 'kindergarten', startsOn: birthday(b, 1) };
    case 'kindergarten':
      return { stage: 'primary_school', startsOn: augustOf(b, 6) };
    case 'primary_school':
      return { stage: 'lower_secondary', startsOn: augustOf(b, 13) };
    case 'lower_secondary':
      return { stage: 'upper_secondary', startsOn: augustOf(b, 16) };
    case 'upper_secondary':
      return { stage: 'adult', startsOn: birthday(b, AGE_OF_MAJORITY) };
    case 'adult':
      return null;
  }
}

export function stageOfUnitType(typeCode: string): Stage | null {
  switch (typeCode) {
    case 'health_station': return 'health_station';
    case 'kindergarten': return 'kindergarten';
    case 'school_primary': return 'primary_school';
    case 'school_lower_secondary': return 'lower_secondary';
    case 'school_upper_secondary': return 'upper_secondary';
    default: return null;
  }
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

export interface Enrolled {
  unitId: string;
  unitTypeCode: string;
  startsOn: string;
  endsOn: string | null;
}

export interface TransitionProposal {
  fromStage: Stage;
  toStage: Stage;
  dueOn: string;
  /** 'enrolment': the child is enrolled at the next stage; 'age': the next stage is near. */
  because: 'enrolment' | 'age';
  /** The unit the child is enrolled at for the next stage, if known. */
  enrolledUnitId: string | null;
}

/**
 * Proposes the next transition when the child is enrolled at a unit of the next stage, or when the
 * next stage starts within PROPOSE_MONTHS_AHEAD months (or has already started).
 */
export function proposeTransition(subject: StageSubject, currentStage: Stage, enrolments: Enrolled[], today: string): TransitionProposal | null {
  const next = nextStageStart(subject, currentStage);
  if (!next) return null;
  const nextTypes = STAGE_UNIT_TYPES[next.stage];
  const enrolled = enrolments
    .filter((e) => nextTypes.includes(e.unitTypeCode) && (e.endsOn === null || e.endsOn >= today))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (enrolled) {
    return { fromStage: currentStage, toStage: next.stage, dueOn: enrolled.startsOn, because: 'enrolment', enrolledUnitId: enrolled.unitId };
  }
  if (next.startsOn <= addMonths(today, PROPOSE_MONTHS_AHEAD)) {
    return { fromStage: currentStage, toStage: next.stage, dueOn: next.startsOn, because: 'age', enrolledUnitId: null };
  }
  return null;
}
