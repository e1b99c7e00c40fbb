// The people of Fjordvik: the fixed demo families, generated families with 1–3 children and their
// guardians, and pregnant women. Pure and deterministic: the same options give the same people in
// the same order (only the uuids differ between runs).
import { randomUUID } from 'node:crypto';
import { checkDigits, parseNationalId, syntheticNationalId } from '../../common/national-id.ts';
import { addDays, daysBetween, subtractYears } from '../../common/dates.ts';
import {
  ADULT_GIVEN_NAMES, asciiHandle, CHILD_GIVEN_NAMES, FAMILY_NAMES, NEWLY_ARRIVED_NAMES, STREETS,
} from './names.ts';
import type { Area } from './organisation.ts';
import type { Random } from './random.ts';

export interface PersonRow {
  id: string;
  national_id: string | null;
  given_name: string;
  family_name: string;
  birth_date: string;
  kind: 'child' | 'pregnant' | 'adult';
  expected_birth_date: string | null;
  area: Area;
  address: string;
  email: string | null;
  phone: string | null;
  language: 'nb' | 'nn' | 'en';
}

export interface GuardianshipRow {
  child_id: string;
  guardian_id: string;
  relation: 'mother' | 'father' | 'other';
  parental_responsibility: boolean;
  lives_with_child: boolean;
}

/** People inserted together, so that a family is never half written. */
export interface Household {
  people: PersonRow[];
  guardianships: GuardianshipRow[];
}

// ---------------------------------------------------------------------------------------------
// National ids

type IdKind = 'fnr' | 'dnr' | 'none';

/** A synthetic D-number (day + 40; month + 80 as for synthetic fødselsnummer). */
function syntheticDNumber(birthDate: string, serial: number): string | null {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let individual: number;
  if (y >= 2000) individual = 500 + (serial % 500);
  else if (y >= 1940) individual = serial % 500;
  else return null;
  const firstNine =
    String(d + 40).padStart(2, '0') + String(m + 80).padStart(2, '0') + String(y % 100).padStart(2, '0') +
    String(individual).padStart(3, '0');
  const check = checkDigits(firstNine);
  return check === null ? null : firstNine + check;
}

export interface IdAllocator {
  /** A unique synthetic id for the birth date; `start` picks where among the 500 serials to begin. */
  allocate(birthDate: string, kind: IdKind, start: number): string | null;
}

export function createIdAllocator(): IdAllocator {
  const used = new Set<string>();
  return {
    allocate(birthDate, kind, start) {
      if (kind === 'none') return null;
      const build = kind === 'fnr' ? syntheticNationalId : syntheticDNumber;
      for (let i = 0; i < 500; i++) {
        const id = build(birthDate, start + i);
        if (id === null || used.has(id)) continue;
        const parsed = parseNationalId(id);
        if (!parsed.valid || !parsed.synthetic || parsed.kind !== kind || parsed.birthDate !== birthDate) {
          throw new Error(`Generated an invalid synthetic national id for ${birthDate}`);
        }
        used.add(id);
        return id;
      }
      throw new Error(`No free synthetic national id left for ${birthDate}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The fixed demo families. Birth dates are relative to the reference date so that Emma is always
// five; with the default reference date (2026-08-15) the dates and national ids never change.

export type DemoPersonKey =
  | 'emma' | 'jonas' | 'sofie' | 'martin' | 'sander' | 'line' | 'thomas' | 'maja' | 'camilla' | 'hanna' | 'ida' | 'kristin';

interface DemoMember {
  key: DemoPersonKey;
  givenName: string;
  familyName: string;
  kind: PersonRow['kind'];
  /** Age on the reference date, and days past that birthday. */
  years: number;
  days: number;
  expectedInDays?: number;
  /** When not living with the rest of the household. */
  area?: Area;
  address?: string;
  email?: string;
  phone?: string;
}

interface DemoFamily {
  area: Area;
  address: string;
  members: DemoMember[];
  guardianships: [child: DemoPersonKey, guardian: DemoPersonKey, GuardianshipRow['relation'], responsibility: boolean, livesWith: boolean][];
}

export const DEMO_FAMILIES: readonly DemoFamily[] = [
  {
    area: 'Nord',
    address: 'Fjellveien 7, Fjordvik',
    members: [
      { key: 'emma', givenName: 'Emma', familyName: 'Nordli', kind: 'child', years: 5, days: 140 },
      { key: 'jonas', givenName: 'Jonas', familyName: 'Nordli', kind: 'child', years: 9, days: 41 },
      {
        key: 'sofie', givenName: 'Sofie', familyName: 'Nordli', kind: 'adult', years: 34, days: 75,
        email: 'sofie.nordli@example.com', phone: '412 34 567',
      },
      {
        key: 'martin', givenName: 'Martin', familyName: 'Berg', kind: 'adult', years: 36, days: 203,
        area: 'Sør', address: 'Strandveien 23, Fjordvik', email: 'martin.berg@example.com', phone: '423 45 678',
      },
    ],
    guardianships: [
      ['emma', 'sofie', 'mother', true, true],
      ['emma', 'martin', 'father', false, false],
      ['jonas', 'sofie', 'mother', true, true],
      ['jonas', 'martin', 'father', false, false],
    ],
  },
  {
    area: 'Sentrum',
    address: 'Kirkegata 14B, Fjordvik',
    members: [
      { key: 'sander', givenName: 'Sander', familyName: 'Holm', kind: 'child', years: 16, days: 115, phone: '434 56 789' },
      { key: 'line', givenName: 'Line', familyName: 'Holm', kind: 'adult', years: 44, days: 12, email: 'line.holm@example.com', phone: '445 67 890' },
      { key: 'thomas', givenName: 'Thomas', familyName: 'Holm', kind: 'adult', years: 46, days: 290, phone: '456 78 901' },
    ],
    guardianships: [
      ['sander', 'line', 'mother', true, true],
      ['sander', 'thomas', 'father', true, true],
    ],
  },
  {
    area: 'Nord',
    address: 'Lyngbakken 3, Fjordvik',
    members: [
      { key: 'maja', givenName: 'Maja', familyName: 'Kristiansen', kind: 'child', years: 15, days: 190, phone: '467 89 012' },
      {
        key: 'camilla', givenName: 'Camilla', familyName: 'Kristiansen', kind: 'adult', years: 41, days: 60,
        email: 'camilla.kristiansen@example.com', phone: '478 90 123',
      },
    ],
    guardianships: [['maja', 'camilla', 'mother', true, true]],
  },
  {
    area: 'Nord',
    address: 'Bjørkelia 11, Fjordvik',
    members: [
      {
        key: 'hanna', givenName: 'Hanna', familyName: 'Sæther', kind: 'pregnant', years: 29, days: 64, expectedInDays: 80,
        email: 'hanna.saether@example.com', phone: '489 01 234',
      },
    ],
    guardianships: [],
  },
  {
    // The youth's path: Ida turns 18 three and a half weeks after the reference date, so the move to
    // adult services is due (see server/demo/youth.ts).
    area: 'Sør',
    address: 'Havnegata 5, Fjordvik',
    members: [
      { key: 'ida', givenName: 'Ida', familyName: 'Johnsen', kind: 'child', years: 17, days: 340, phone: '490 12 345' },
      {
        key: 'kristin', givenName: 'Kristin', familyName: 'Johnsen', kind: 'adult', years: 47, days: 150,
        email: 'kristin.johnsen@example.com', phone: '491 23 456',
      },
    ],
    guardianships: [['ida', 'kristin', 'mother', true, true]],
  },
];

export const DEMO_CHILD_COUNT = DEMO_FAMILIES.flatMap((f) => f.members).filter((m) => m.kind === 'child').length;

function demoHouseholds(referenceDate: string, ids: IdAllocator): { households: Household[]; demo: Record<DemoPersonKey, PersonRow> } {
  const demo = {} as Record<DemoPersonKey, PersonRow>;
  const households = DEMO_FAMILIES.map((family): Household => {
    const people = family.members.map((m): PersonRow => {
      const birthDate = addDays(subtractYears(referenceDate, m.years), -m.days);
      const person: PersonRow = {
        id: randomUUID(),
        national_id: ids.allocate(birthDate, 'fnr', 0),
        given_name: m.givenName,
        family_name: m.familyName,
        birth_date: birthDate,
        kind: m.kind,
        expected_birth_date: m.expectedInDays === undefined ? null : addDays(referenceDate, m.expectedInDays),
        area: m.area ?? family.area,
        address: m.address ?? family.address,
        email: m.email ?? null,
        phone: m.phone ?? null,
        language: 'nb',
      };
      demo[m.key] = person;
      return person;
    });
    const guardianships = family.guardianships.map(([child, guardian, relation, responsibility, livesWith]) => ({
      child_id: demo[child].id,
      guardian_id: demo[guardian].id,
      relation,
      parental_responsibility: responsibility,
      lives_with_child: livesWith,
    }));
    return { people, guardianships };
  });
  return { households, demo };
}

// ---------------------------------------------------------------------------------------------
// Generated families

// Weights for the first child's age. Siblings are placed around the first child and so thin out
// the youngest and oldest ages; the extra weight at 0–3 offsets that, leaving the youngest cohorts
// a little smaller than the school ages, as falling birth numbers have made them. Fewer
// 19–23-year-olds live in the municipality: many move away to study.
const AGE_WEIGHTS: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, age) => [
  age,
  age === 0 ? 1.35 : age === 1 ? 1.22 : age === 2 ? 1.12 : age === 3 ? 1.05 : age <= 15 ? 1 : age <= 18 ? 0.97 : age === 19 ? 0.85 : 0.7,
] as const);

const AREA_WEIGHTS: readonly (readonly [Area, number])[] = [['Nord', 0.36], ['Sentrum', 0.28], ['Sør', 0.36]];

type Shape =
  | 'couple' // both parents, living together, both with parental responsibility
  | 'separated' // both with responsibility, the child lives with one of them
  | 'father_without_responsibility' // mother alone has responsibility; the father lives elsewhere
  | 'single_mother'
  | 'single_father'
  | 'other_guardian'; // e.g. a grandparent or appointed guardian (verge)

const SHAPE_WEIGHTS: readonly (readonly [Shape, number])[] = [
  ['couple', 0.62],
  ['separated', 0.16],
  ['father_without_responsibility', 0.05],
  ['single_mother', 0.1],
  ['single_father', 0.03],
  ['other_guardian', 0.04],
];

const NEWLY_ARRIVED_SHAPES: readonly (readonly [Shape, number])[] = [['couple', 0.7], ['single_mother', 0.3]];

/** Share of families that are newly arrived (nyankomne): without a national id yet, or with a D-number. */
const ORIGIN_WEIGHTS: readonly (readonly [IdKind, number])[] = [['fnr', 0.97], ['none', 0.02], ['dnr', 0.01]];

const FAMILY_SIZE_WEIGHTS: readonly (readonly [number, number])[] = [[1, 0.38], [2, 0.42], [3, 0.2]];

const MIN_PARENT_AGE_DAYS = 7306; // 20 years
const MAX_PARENT_AGE_DAYS = 16435; // 45 years
const MAX_CHILD_AGE_DAYS = 8765; // just under 24 years

function birthDateForAge(random: Random, referenceDate: string, age: number): string {
  const latest = subtractYears(referenceDate, age);
  const earliest = addDays(subtractYears(referenceDate, age + 1), 1);
  return addDays(earliest, random.int(0, daysBetween(earliest, latest)));
}

// Mobile-style numbers and the reserved example.com domain: nothing reaches a real person.
function phoneNumber(random: Random): string {
  const digits = () => String(random.int(0, 9));
  return `4${digits()}${digits()} ${digits()}${digits()} ${digits()}${digits()}${digits()}`;
}

function emailFor(random: Random, givenName: string, familyName: string): string {
  return `${asciiHandle(givenName)}.${asciiHandle(familyName)}${random.int(1, 99)}@example.com`;
}

function addressIn(random: Random, area: Area): string {
  const letter = random.chance(0.12) ? random.pick(['A', 'B', 'C', 'D']) : '';
  return `${random.pick(STREETS[area])} ${random.int(1, 80)}${letter}, Fjordvik`;
}

interface FamilyContext {
  random: Random;
  ids: IdAllocator;
  referenceDate: string;
}

function newPerson(
  ctx: FamilyContext,
  fields: Omit<PersonRow, 'id' | 'national_id' | 'expected_birth_date' | 'email' | 'phone'> & Partial<Pick<PersonRow, 'expected_birth_date'>>,
  idKind: IdKind,
): PersonRow {
  return {
    id: randomUUID(),
    national_id: ctx.ids.allocate(fields.birth_date, idKind, ctx.random.int(0, 499)),
    expected_birth_date: null,
    email: null,
    phone: null,
    ...fields,
  };
}

function generateFamily(ctx: FamilyContext, size: number): Household {
  const { random, referenceDate } = ctx;
  const origin = random.weighted(ORIGIN_WEIGHTS);
  const newlyArrived = origin !== 'fnr';
  const shape = random.weighted(newlyArrived ? NEWLY_ARRIVED_SHAPES : SHAPE_WEIGHTS);
  const area = random.weighted(AREA_WEIGHTS);
  const address = addressIn(random, area);
  const language: PersonRow['language'] = newlyArrived ? (random.chance(0.5) ? 'en' : 'nb') : random.chance(0.06) ? 'nn' : 'nb';
  const familyNames = newlyArrived ? NEWLY_ARRIVED_NAMES.family : FAMILY_NAMES;
  const adultNames = newlyArrived ? NEWLY_ARRIVED_NAMES : ADULT_GIVEN_NAMES;
  const childNames = newlyArrived ? NEWLY_ARRIVED_NAMES : CHILD_GIVEN_NAMES;

  // Siblings are born within a few years of the first child.
  const firstBirth = birthDateForAge(random, referenceDate, random.weighted(AGE_WEIGHTS));
  const earliestBirth = addDays(referenceDate, -MAX_CHILD_AGE_DAYS);
  const births = [firstBirth];
  while (births.length < size) {
    let offset = random.int(330, 2400) * (random.chance(0.5) ? 1 : -1);
    let birth = addDays(firstBirth, offset);
    if (birth > referenceDate || birth < earliestBirth) {
      offset = -offset;
      birth = addDays(firstBirth, offset);
    }
    if (birth > referenceDate) birth = referenceDate;
    if (birth < earliestBirth) birth = earliestBirth;
    births.push(birth);
  }
  births.sort();
  const oldest = births[0]!;
  const span = daysBetween(oldest, births[births.length - 1]!);

  // Every parent is 20–45 years older than each child; most are around 30 at the first birth.
  const maxAgeAtOldest = MAX_PARENT_AGE_DAYS - span;
  const spread = (random.next() + random.next()) / 2;
  const motherAgeAtOldest = Math.round(MIN_PARENT_AGE_DAYS + (maxAgeAtOldest - MIN_PARENT_AGE_DAYS) * spread ** 1.4);
  const fatherAgeAtOldest = Math.min(
    maxAgeAtOldest,
    Math.max(MIN_PARENT_AGE_DAYS, motherAgeAtOldest + random.int(-2 * 365, 6 * 365)),
  );

  const fatherFamily = random.pick(familyNames);
  const motherFamily = shape === 'couple' && random.chance(0.45) ? fatherFamily : random.pick(familyNames);
  let childFamily: string;
  if (shape === 'single_mother') childFamily = motherFamily;
  else if (shape === 'single_father') childFamily = fatherFamily;
  else if (shape === 'other_guardian') childFamily = random.pick(familyNames);
  else if (motherFamily === fatherFamily) childFamily = fatherFamily;
  else childFamily = random.weighted([[fatherFamily, 0.55], [motherFamily, 0.3], [`${motherFamily} ${fatherFamily}`, 0.15]]);

  const people: PersonRow[] = [];
  const guardianships: GuardianshipRow[] = [];

  const children = births.map((birth) => {
    const age = daysBetween(birth, referenceDate) / 365.25;
    const sex = random.chance(0.5) ? 'female' : 'male';
    let givenName = random.pick(childNames[sex]);
    for (let i = 0; i < 5 && people.some((p) => p.given_name === givenName); i++) givenName = random.pick(childNames[sex]);
    const child = newPerson(ctx, { given_name: givenName, family_name: childFamily, birth_date: birth, kind: 'child', area, address, language }, origin);
    if (age >= 15 && random.chance(0.7)) child.phone = phoneNumber(random);
    if (age >= 15 && random.chance(0.4)) child.email = emailFor(random, givenName, childFamily);
    people.push(child);
    return child;
  });

  const adult = (sex: 'female' | 'male', familyName: string, ageAtOldest: number, livesWithChildren: boolean): PersonRow => {
    const ownArea = livesWithChildren ? area : random.weighted(AREA_WEIGHTS);
    const givenName = random.pick(adultNames[sex]);
    const person = newPerson(
      ctx,
      {
        given_name: givenName,
        family_name: familyName,
        birth_date: addDays(oldest, -ageAtOldest),
        kind: 'adult',
        area: ownArea,
        address: livesWithChildren ? address : addressIn(random, ownArea),
        language,
      },
      origin,
    );
    if (random.chance(0.75)) person.phone = phoneNumber(random);
    if (random.chance(0.55)) person.email = emailFor(random, givenName, familyName);
    people.push(person);
    return person;
  };
  const link = (guardian: PersonRow, relation: GuardianshipRow['relation'], responsibility: boolean, livesWith: boolean) => {
    for (const child of children) {
      guardianships.push({ child_id: child.id, guardian_id: guardian.id, relation, parental_responsibility: responsibility, lives_with_child: livesWith });
    }
  };

  switch (shape) {
    case 'couple':
      link(adult('female', motherFamily, motherAgeAtOldest, true), 'mother', true, true);
      link(adult('male', fatherFamily, fatherAgeAtOldest, true), 'father', true, true);
      break;
    case 'separated': {
      const withMother = random.chance(0.75);
      link(adult('female', motherFamily, motherAgeAtOldest, withMother), 'mother', true, withMother);
      link(adult('male', fatherFamily, fatherAgeAtOldest, !withMother), 'father', true, !withMother);
      break;
    }
    case 'father_without_responsibility':
      link(adult('female', motherFamily, motherAgeAtOldest, true), 'mother', true, true);
      link(adult('male', fatherFamily, fatherAgeAtOldest, false), 'father', false, false);
      break;
    case 'single_mother':
      link(adult('female', motherFamily, motherAgeAtOldest, true), 'mother', true, true);
      break;
    case 'single_father':
      link(adult('male', fatherFamily, fatherAgeAtOldest, true), 'father', true, true);
      break;
    case 'other_guardian': {
      const sex = random.chance(0.7) ? 'female' : 'male';
      const familyName = random.chance(0.6) ? childFamily : random.pick(familyNames);
      link(adult(sex, familyName, Math.max(motherAgeAtOldest, maxAgeAtOldest - 365), true), 'other', true, true);
      break;
    }
  }
  return { people, guardianships };
}

function generatePregnant(ctx: FamilyContext): Household {
  const { random, referenceDate } = ctx;
  const origin = random.weighted(ORIGIN_WEIGHTS);
  const newlyArrived = origin !== 'fnr';
  const area = random.weighted(AREA_WEIGHTS);
  const givenName = random.pick(newlyArrived ? NEWLY_ARRIVED_NAMES.female : ADULT_GIVEN_NAMES.female);
  const familyName = random.pick(newlyArrived ? NEWLY_ARRIVED_NAMES.family : FAMILY_NAMES);
  const person = newPerson(
    ctx,
    {
      given_name: givenName,
      family_name: familyName,
      birth_date: birthDateForAge(random, referenceDate, random.int(19, 42)),
      kind: 'pregnant',
      expected_birth_date: addDays(referenceDate, random.int(1, 182)),
      area,
      address: addressIn(random, area),
      language: newlyArrived && random.chance(0.5) ? 'en' : 'nb',
    },
    origin,
  );
  if (random.chance(0.85)) person.phone = phoneNumber(random);
  if (random.chance(0.6)) person.email = emailFor(random, givenName, familyName);
  return { people: [person], guardianships: [] };
}

export interface Population {
  /** Demo families first, then generated families, then pregnant women. */
  households: Household[];
  demo: Record<DemoPersonKey, PersonRow>;
}

/**
 * `children` counts the demo family's children too; about 1 % as many pregnant women come on top
 * (plus the demo one).
 */
export function generatePopulation(random: Random, referenceDate: string, children: number): Population {
  const ids = createIdAllocator();
  const { households, demo } = demoHouseholds(referenceDate, ids);
  const ctx: FamilyContext = { random, ids, referenceDate };
  let remaining = Math.max(0, children - DEMO_CHILD_COUNT);
  while (remaining > 0) {
    const size = Math.min(remaining, random.weighted(FAMILY_SIZE_WEIGHTS));
    households.push(generateFamily(ctx, size));
    remaining -= size;
  }
  const pregnant = Math.round(children * 0.01);
  for (let i = 0; i < pregnant; i++) households.push(generatePregnant(ctx));
  return { households, demo };
}
