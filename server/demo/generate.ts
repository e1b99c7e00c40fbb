// The demo-data generator: a whole fictional municipality (Fjordvik kommune) with its services,
// staff, teams, children, guardians and the fixed demo log-ins. The plan is built in memory from a
// seeded random source and a fixed reference date, so the same options always give the same data;
// it is then written in one transaction, in batches of rows, without a round trip per row.
import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffRole } from '../../common/roles.ts';
import type { Db, Tx } from '../infra/db/database.ts';
import { planDemoAbsence, writeDemoAbsence, type DemoAbsencePlan } from './absence.ts';
import { addDays, ageInMonths, daysBetween, parseIsoDate } from '../../common/dates.ts';
import { DEMO_CITIZENS, DEMO_STAFF, type DemoCitizenUsername } from '../modules/identity/demo-users.ts';
import { ADULT_GIVEN_NAMES, asciiHandle, FAMILY_NAMES } from './names.ts';
import { EMAIL_DOMAIN, LEADER_TITLE, MUNICIPALITY, STAFF_SLOTS, TEAMS, UNIT_TYPE_AGE_MONTHS, UNITS, type Area } from './organisation.ts';
import { DEFAULT_GUIDE } from '../modules/cases/default-guide.ts';
import { writeDemoStories, type StoryInput } from './stories.ts';
import { writeDemoReports, type DemoReportInput } from './child-welfare-reports.ts';
import { writeDemoQuestionnaires, type DemoQuestionnaireInput } from './questionnaires.ts';
import { writeDemoPlans, type DemoPlanInput } from './plans.ts';
import { nextStageStart, STAGES, STAGE_UNIT_TYPES, stageByAge, type Stage } from '../modules/cases/transitions.ts';
import { type DemoPersonKey, generatePopulation, type GuardianshipRow, type Household, type PersonRow } from './population.ts';
import { derive, type Random } from './random.ts';
import { writeDemoCatalogue } from './catalogue.ts';
import { writeDemoHandbook } from './handbook.ts';
import { DEMO_SERVICES } from './catalogue-services.ts';
import { writeDemoPopulationRegister } from './population-register.ts';
import { writeDemoPregnancy } from './pregnancy.ts';
import { writeDemoFamilyEffort } from './family-efforts.ts';
import { writeDemoYouth } from './youth.ts';
import { writeDemoActivity } from './activity.ts';
import { refreshFigures } from '../modules/indicators/refresh.ts';

export const DEFAULT_SEED = 2026;
export const DEFAULT_REFERENCE_DATE = '2026-08-15';
const MAX_CHILDREN = 1_000_000;
/** Rows per INSERT: well below PostgreSQL's 65 535 bind parameters at 12 columns a row. */
const BATCH_ROWS = 1000;

export interface DemoOptions {
  children: number;
  seed?: number | undefined;
  /** 'YYYY-MM-DD': "today" for the demo; every age and date is computed from it. */
  referenceDate?: string | undefined;
  /** Where to write the demo's population register (a JSON file); not written when unset. */
  populationRegisterFile?: string | undefined;
  /** Years of past team work and the indicator register (activity.ts); none when unset, as in tests. */
  activityYears?: number | undefined;
  /** When the indicators' figures are counted after the activity (the app's clock); the reference date's morning when unset. */
  now?: Date | undefined;
}

/** Rows written, per table. */
export interface DemoSummary {
  municipality: number;
  service_unit: number;
  staff_user: number;
  staff_role: number;
  team: number;
  team_service_unit: number;
  team_member: number;
  person: number;
  guardianship: number;
  citizen_account: number;
  involvement: number;
  catalogue_service: number;
  enrolment: number;
  absence_record: number;
}

export class DemoDataExistsError extends Error {
  constructor(municipalityName: string) {
    super(`The database already holds a municipality (${municipalityName}); demo data is only generated into an empty database.`);
    this.name = 'DemoDataExistsError';
  }
}

/** The options are out of range; nothing was written. */
export class DemoOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoOptionsError';
  }
}

interface StaffPlan {
  id: string;
  key: string;
  username: string;
  display_name: string;
  email: string;
  title: string;
  unitName: string;
  roles: StaffRole[];
}

interface TeamPlan {
  id: string;
  name: string;
  kind: 'early_intervention' | 'system_level';
  age_from_months: number;
  age_to_months: number;
  area: string | null;
  leader_staff_user_id: string;
  meeting_place: string;
  description: string;
  unitIds: string[];
  memberIds: string[];
}

interface InvolvementPlan {
  person_id: string;
  staff_user_id: string;
  kind: 'registrant' | 'coordinator';
  started_at: string;
}

export interface DemoPlan {
  municipalityId: string;
  units: { id: string; type_code: string; name: string; area: string | null; email: string | null }[];
  staff: StaffPlan[];
  teams: TeamPlan[];
  households: Household[];
  citizenAccounts: { person_id: string; username: string }[];
  involvements: InvolvementPlan[];
  enrolments: EnrolmentPlan[];
  /** Fjellbekken skole's imported absence (built from the enrolments). */
  absence: DemoAbsencePlan | null;
  referenceDate: string;
  /** The fixed demo families, kept as they are for the guided tour and the tests. */
  demoPersonIds: string[];
  /** Years of past team work to write (activity.ts). */
  activityYears: number;
}

interface EnrolmentPlan {
  person_id: string;
  service_unit_id: string;
  starts_on: string;
}

// ---------------------------------------------------------------------------------------------
// Planning

function planStaff(random: Random, unitIds: Map<string, string>): StaffPlan[] {
  const staff: StaffPlan[] = DEMO_STAFF.map((u) => ({
    id: randomUUID(),
    key: u.username,
    username: u.username,
    display_name: u.displayName,
    email: `${u.username}@${EMAIL_DOMAIN}`,
    title: u.title,
    unitName: u.unitName,
    roles: [...u.roles],
  }));
  const displayNames = new Set(staff.map((s) => s.display_name));
  const usernames = new Set(staff.map((s) => s.username));
  for (const slot of STAFF_SLOTS) {
    let givenName = '';
    let familyName = '';
    // Distinct display names keep the demo readable; the username suffix below is only a backstop.
    for (let i = 0; i < 20; i++) {
      givenName = random.pick(ADULT_GIVEN_NAMES[random.chance(0.65) ? 'female' : 'male']);
      familyName = random.pick(FAMILY_NAMES);
      if (!displayNames.has(`${givenName} ${familyName}`)) break;
    }
    const displayName = `${givenName} ${familyName}`;
    const base = `${asciiHandle(givenName)}.${asciiHandle(familyName)}`;
    let username = base;
    for (let n = 2; usernames.has(username); n++) username = `${base}${n}`;
    displayNames.add(displayName);
    usernames.add(username);
    const unitType = UNITS.find((u) => u.name === slot.unit)?.type;
    staff.push({
      id: randomUUID(),
      key: slot.key,
      username,
      display_name: displayName,
      email: `${username}@${EMAIL_DOMAIN}`,
      title: slot.title,
      unitName: slot.unit,
      // Administration staff take part in system-level teams but never in case work.
      roles: unitType === 'municipal_admin' ? [] : ['professional'],
    });
  }
  for (const s of staff) {
    if (!unitIds.has(s.unitName)) throw new Error(`Demo staff ${s.key} names an unknown unit: ${s.unitName}`);
    if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(s.username)) throw new Error(`Invalid demo username: ${s.username}`);
  }
  return staff;
}

function planTeams(staffByKey: Map<string, StaffPlan>, unitIds: Map<string, string>): TeamPlan[] {
  const demoUsernames = new Set<string>(DEMO_STAFF.map((u) => u.username));
  const staffFor = (key: string, team: string): StaffPlan => {
    const s = staffByKey.get(key);
    if (!s) throw new Error(`Team ${team} names unknown staff: ${key}`);
    return s;
  };
  const grant = (s: StaffPlan, role: StaffRole, team: string) => {
    if (s.roles.includes(role)) return;
    // The demo log-ins have the roles the documentation promises; teams must fit them, not widen them.
    if (demoUsernames.has(s.username)) throw new Error(`Demo user ${s.username} in team ${team} lacks the role ${role}`);
    s.roles.push(role);
  };
  return TEAMS.map((t) => {
    const leader = staffFor(t.leader, t.name);
    // team_leader is the leader of an early-intervention team; system-level teams hold no cases.
    if (t.kind === 'early_intervention') grant(leader, 'team_leader', t.name);
    const members = [leader, ...t.members.map((k) => staffFor(k, t.name))];
    for (const m of members) grant(m, 'team_member', t.name);
    return {
      id: randomUUID(),
      name: t.name,
      kind: t.kind,
      age_from_months: t.ageFromMonths,
      age_to_months: t.ageToMonths,
      area: t.area,
      leader_staff_user_id: leader.id,
      meeting_place: t.meetingPlace,
      description: t.description,
      unitIds: t.units.map((name) => {
        const id = unitIds.get(name);
        if (!id) throw new Error(`Team ${t.name} names an unknown unit: ${name}`);
        return id;
      }),
      memberIds: [...new Set(members.map((m) => m.id))],
    };
  });
}

interface Candidate {
  person: PersonRow;
  ageMonths: number;
}

/** Age in months; negative before birth, counted back from the expected birth date. */
function candidateAge(person: PersonRow, referenceDate: string): number {
  if (person.kind === 'pregnant' && person.expected_birth_date) {
    return -Math.ceil(daysBetween(referenceDate, person.expected_birth_date) / 30.44);
  }
  return ageInMonths(person.birth_date, referenceDate);
}

function planInvolvements(
  random: Random,
  referenceDate: string,
  staff: StaffPlan[],
  population: { households: Household[]; demo: Record<DemoPersonKey, PersonRow> },
): InvolvementPlan[] {
  const demoIds = new Set(Object.values(population.demo).map((p) => p.id));
  // The demo families' stories are told by the fixed involvements below, not by chance.
  const candidates: Candidate[] = population.households
    .flatMap((h) => h.people)
    .filter((p) => p.kind !== 'adult' && !demoIds.has(p.id))
    .map((person) => ({ person, ageMonths: candidateAge(person, referenceDate) }));

  const pick = (area: Area | null, from: number, to: number, count: number): PersonRow[] =>
    random
      .sample(
        candidates.filter((c) => (area === null || c.person.area === area) && c.ageMonths >= from && c.ageMonths <= to),
        count,
      )
      .map((c) => c.person);

  const startedAt = (person: PersonRow): string => {
    const earliest = person.kind === 'pregnant' ? addDays(referenceDate, -150) : person.birth_date;
    let day = addDays(referenceDate, -random.int(7, 400));
    if (day < earliest) day = earliest;
    return `${day}T08:00:00.000Z`;
  };

  const involvements: InvolvementPlan[] = [];
  const involve = (s: StaffPlan, people: PersonRow[], kind: InvolvementPlan['kind'] = 'registrant') => {
    for (const person of people) involvements.push({ person_id: person.id, staff_user_id: s.id, kind, started_at: startedAt(person) });
  };
  const byKey = new Map(staff.map((s) => [s.key, s]));
  const get = (key: string) => byKey.get(key)!;
  const demo = population.demo;

  involve(get('fagperson.barnehage'), [demo.emma, ...pick('Nord', 12, 71, 3)]);
  involve(get('fagperson.skole'), [demo.jonas, ...pick('Nord', 72, 155, 3)]);
  involve(get('helsesykepleier'), [demo.hanna, ...pick('Nord', -9, 11, 3)]);
  involve(get('teammedlem'), pick('Nord', 12, 155, 2));
  involve(get('koordinator'), pick(null, 72, 287, 2), 'coordinator');
  involve(get('kontaktlaerer.nordheim.us'), [demo.maja]);
  involve(get('radgiver.vgs'), [demo.sander]);
  involve(get('helsesykepleier.skole.2'), [demo.sander]);
  involve(get('jordmor'), [demo.hanna]);

  const demoUsernames = new Set<string>(DEMO_STAFF.map((u) => u.username));
  for (const s of staff) {
    if (demoUsernames.has(s.username) || !s.roles.includes('professional')) continue;
    const unit = UNITS.find((u) => u.name === s.unitName)!;
    const ages = UNIT_TYPE_AGE_MONTHS[unit.type];
    if (!ages) continue;
    involve(s, pick(unit.area, ages[0], ages[1], random.int(1, 3)));
  }
  return involvements;
}

/** When the stage a child is in began: the previous stage's next start. */
function stageStart(person: PersonRow, stage: Stage): string {
  const previous = STAGES[STAGES.indexOf(stage) - 1];
  const subject = { kind: person.kind, birthDate: person.birth_date, expectedBirthDate: person.expected_birth_date };
  return (previous && nextStageStart(subject, previous)?.startsOn) || person.birth_date;
}

/**
 * Each child is enrolled where their age puts them: the health station, a kindergarten or a school of
 * their area (lower secondary in Sentrum takes Sør too; the upper secondary school takes everyone).
 */
function planEnrolments(random: Random, referenceDate: string, units: { id: string; type_code: string; name: string; area: Area | null }[], population: { households: Household[]; demo: Record<DemoPersonKey, PersonRow> }): EnrolmentPlan[] {
  const fixed = new Map<string, string>([
    [population.demo.emma.id, 'Solsikken barnehage'],
    [population.demo.jonas.id, 'Fjellbekken skole'],
    [population.demo.maja.id, 'Nordheim ungdomsskole'],
    [population.demo.sander.id, 'Fjordvik videregående skole'],
    [population.demo.ida.id, 'Fjordvik videregående skole'],
  ]);
  const enrolments: EnrolmentPlan[] = [];
  for (const person of population.households.flatMap((h) => h.people)) {
    if (person.kind !== 'child') continue;
    const stage = stageByAge({ kind: 'child', birthDate: person.birth_date, expectedBirthDate: null }, referenceDate);
    if (stage === 'adult' || stage === 'pregnancy') continue;
    const types = STAGE_UNIT_TYPES[stage];
    const fixedUnit = fixed.get(person.id);
    let unit = fixedUnit ? units.find((u) => u.name === fixedUnit) : undefined;
    if (!unit) {
      const inType = units.filter((u) => types.includes(u.type_code));
      const local = inType.filter((u) => u.area === person.area);
      const nearest = stage === 'lower_secondary' && person.area === 'Sør' ? inType.filter((u) => u.area === 'Sentrum') : local;
      unit = random.pick(nearest.length ? nearest : inType);
    }
    enrolments.push({ person_id: person.id, service_unit_id: unit.id, starts_on: stageStart(person, stage) });
  }
  return enrolments;
}

/** The pupils Henrik Aasen follows (not the fixed demo families), with their guardians who decide. */
function storyInput(plan: DemoPlan): StoryInput {
  const teacher = plan.staff.find((s) => s.username === 'fagperson.skole')!;
  const team = plan.teams.find((t) => t.name === 'Tidlig innsatsteam barneskole Nord')!;
  const fixed = new Set(plan.demoPersonIds);
  const guardianships = plan.households.flatMap((h) => h.guardianships);
  const pupils = plan.involvements
    .filter((i) => i.staff_user_id === teacher.id)
    .map((i) => i.person_id)
    .filter((id) => !fixed.has(id) && guardianships.some((g) => g.child_id === id && g.parental_responsibility))
    .slice(0, 2)
    .map((id) => ({ id, guardianIds: guardianships.filter((g) => g.child_id === id && g.parental_responsibility).map((g) => g.guardian_id) }));
  return { municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, teacherId: teacher.id, teamId: team.id, pupils };
}

/**
 * The demo's reports to child welfare: the teacher's pupils after the two of the stories, then
 * other generated children at his school, then any generated child, so even a small demo has them.
 */
function reportInput(plan: DemoPlan): DemoReportInput {
  const teacher = plan.staff.find((s) => s.username === 'fagperson.skole')!;
  const intake = plan.staff.find((s) => s.username === 'barnevern.mottak')!;
  const school = plan.units.find((u) => u.name === teacher.unitName)!;
  const excluded = new Set([...plan.demoPersonIds, ...storyInput(plan).pupils.map((p) => p.id)]);
  const children = plan.households.flatMap((h) => h.people).filter((p) => p.kind === 'child' && ageInMonths(p.birth_date, plan.referenceDate) >= 72);
  const pupilIds = [...new Set([
    ...plan.involvements.filter((i) => i.staff_user_id === teacher.id).map((i) => i.person_id),
    ...plan.enrolments.filter((e) => e.service_unit_id === school.id).map((e) => e.person_id),
    ...children.map((p) => p.id),
  ])].filter((id) => !excluded.has(id)).slice(0, 4);
  const involved = new Set(plan.involvements.filter((i) => i.staff_user_id === teacher.id).map((i) => i.person_id));
  return { municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, teacherId: teacher.id, intakeId: intake.id, pupilIds, notYetInvolved: pupilIds.filter((id) => !involved.has(id)) };
}

/** The demo's individual plans: the children Marte Lunde (koordinator) follows as coordinator. */
function planInput(plan: DemoPlan): DemoPlanInput {
  const coordinator = plan.staff.find((s) => s.username === 'koordinator')!;
  const unitMember = plan.staff.find((s) => s.username === 'koordinerende.enhet')!;
  const childWelfare = plan.staff.find((s) => s.username === 'barnevern.mottak')!;
  const childIds = plan.involvements.filter((i) => i.staff_user_id === coordinator.id && i.kind === 'coordinator').map((i) => i.person_id).slice(0, 2);
  return { municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, coordinatorId: coordinator.id, unitMemberId: unitMember.id, childIds, childWelfareId: childWelfare.id };
}

const CITIZEN_PEOPLE: Record<DemoCitizenUsername, DemoPersonKey> = {
  forelder: 'sofie',
  'forelder.uten.ansvar': 'martin',
  ungdom: 'sander',
  'ungdom.15': 'maja',
  'ungdom.17': 'ida',
  gravid: 'hanna',
};

/** Builds the whole data set in memory; deterministic except for the uuids. */
export function buildDemoPlan(options: DemoOptions): DemoPlan {
  const seed = options.seed ?? DEFAULT_SEED;
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!Number.isInteger(options.children) || options.children < 0 || options.children > MAX_CHILDREN) {
    throw new DemoOptionsError(`children must be a whole number from 0 to ${MAX_CHILDREN}`);
  }
  if (!Number.isInteger(seed)) throw new DemoOptionsError('seed must be a whole number');
  try {
    parseIsoDate(referenceDate);
  } catch (error) {
    throw new DemoOptionsError(`referenceDate: ${(error as Error).message}`);
  }

  const units = UNITS.map((u) => ({
    id: randomUUID(),
    type_code: u.type,
    name: u.name,
    area: u.area,
    email: u.mailbox ? `${u.mailbox}@${EMAIL_DOMAIN}` : null,
  }));
  const unitIds = new Map(units.map((u) => [u.name, u.id]));
  const staff = planStaff(derive(seed, 'staff'), unitIds);
  const staffByKey = new Map(staff.map((s) => [s.key, s]));
  const teams = planTeams(staffByKey, unitIds);
  for (const s of staff) s.roles.sort((a, b) => STAFF_ROLES.indexOf(a) - STAFF_ROLES.indexOf(b));

  const population = generatePopulation(derive(seed, 'population'), referenceDate, options.children);
  const involvements = planInvolvements(derive(seed, 'involvement'), referenceDate, staff, population);
  const enrolments = planEnrolments(derive(seed, 'enrolment'), referenceDate, units, population);
  const citizenAccounts = DEMO_CITIZENS.map((c) => ({ person_id: population.demo[CITIZEN_PEOPLE[c.username]].id, username: c.username }));

  const absence = planDemoAbsence(referenceDate, units, staff, enrolments, involvements, new Set(Object.values(population.demo).map((p) => p.id)));

  const demoPersonIds = Object.values(population.demo).map((p) => p.id);
  return { municipalityId: randomUUID(), units, staff, teams, households: population.households, citizenAccounts, involvements, enrolments, absence, referenceDate, demoPersonIds, activityYears: options.activityYears ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Writing

function chunks<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function writeOrganisation(trx: Tx, plan: DemoPlan): Promise<void> {
  const municipality_id = plan.municipalityId;
  await trx.insertInto('municipality').values({
    id: municipality_id, code: MUNICIPALITY.code, name: MUNICIPALITY.name,
    // The SLT coordination group's mailbox: system-level team reports are sent there.
    slt_email: `slt@${EMAIL_DOMAIN}`,
    // The child-welfare duty service (barnevernvakt): alerted at once by an urgent report.
    duty_service_email: `barnevernvakt@${EMAIL_DOMAIN}`,
    duty_service_phone: '12 34 56 78',
  }).execute();
  await trx.insertInto('service_unit').values(plan.units.map((u) => ({ ...u, municipality_id }))).execute();
  const unitIds = new Map(plan.units.map((u) => [u.name, u.id]));
  await trx
    .insertInto('staff_user')
    .values(
      plan.staff.map((s) => ({
        id: s.id,
        municipality_id,
        username: s.username,
        display_name: s.display_name,
        email: s.email,
        // Staff are matched by their identity provider's subject in production, never by a national id.
        national_id: null,
        service_unit_id: unitIds.get(s.unitName)!,
        title: s.title,
      })),
    )
    .execute();
  for (const unit of plan.units) {
    const leader = plan.staff.find((s) => s.unitName === unit.name && LEADER_TITLE.test(s.title));
    if (leader) await trx.updateTable('service_unit').set({ leader_staff_user_id: leader.id }).where('id', '=', unit.id).execute();
  }
  const guide = await trx.insertInto('action_guide_version').values({ municipality_id, version: 1, note: 'Handlingsveileder, første versjon' }).returning('id').executeTakeFirstOrThrow();
  const positions = new Map<number, number>();
  await trx
    .insertInto('action_guide_step')
    .values(
      DEFAULT_GUIDE.map((step) => {
        const position = (positions.get(step.level) ?? 0) + 1;
        positions.set(step.level, position);
        return {
          guide_version_id: guide.id, level: step.level, subject: step.subject ?? 'child', position, step_key: step.stepKey,
          title_nb: step.title.nb, title_nn: step.title.nn, title_en: step.title.en,
          body_nb: step.body.nb, body_nn: step.body.nn, body_en: step.body.en, links: JSON.stringify(step.links),
        };
      }),
    )
    .execute();
  const roles = plan.staff.flatMap((s) => s.roles.map((role) => ({ staff_user_id: s.id, role })));
  if (roles.length) await trx.insertInto('staff_role').values(roles).execute();
  await trx
    .insertInto('team')
    .values(
      plan.teams.map((t) => ({
        id: t.id,
        municipality_id,
        name: t.name,
        kind: t.kind,
        age_from_months: t.age_from_months,
        age_to_months: t.age_to_months,
        area: t.area,
        leader_staff_user_id: t.leader_staff_user_id,
        meeting_place: t.meeting_place,
        description: t.description,
      })),
    )
    .execute();
  await trx.insertInto('team_service_unit').values(plan.teams.flatMap((t) => t.unitIds.map((service_unit_id) => ({ team_id: t.id, service_unit_id })))).execute();
  await trx.insertInto('team_member').values(plan.teams.flatMap((t) => t.memberIds.map((staff_user_id) => ({ team_id: t.id, staff_user_id })))).execute();
}

async function writePeople(trx: Tx, municipalityId: string, people: PersonRow[], guardianships: GuardianshipRow[]): Promise<void> {
  for (const chunk of chunks(people)) {
    await trx.insertInto('person').values(chunk.map((p) => ({ ...p, municipality_id: municipalityId }))).execute();
  }
  for (const chunk of chunks(guardianships)) await trx.insertInto('guardianship').values(chunk).execute();
}

export async function writeDemoPlan(db: Db, plan: DemoPlan): Promise<DemoSummary> {
  // One transaction: an interrupted run leaves nothing behind, so the next start can try again.
  const counts = await db.transaction().execute(async (trx) => {
    await writeOrganisation(trx, plan);
    let personCount = 0;
    let guardianshipCount = 0;
    let people: PersonRow[] = [];
    let guardianships: GuardianshipRow[] = [];
    const flush = async () => {
      await writePeople(trx, plan.municipalityId, people, guardianships);
      personCount += people.length;
      guardianshipCount += guardianships.length;
      people = [];
      guardianships = [];
    };
    for (const household of plan.households) {
      people.push(...household.people);
      guardianships.push(...household.guardianships);
      if (people.length >= BATCH_ROWS) await flush();
    }
    await flush();
    await trx.insertInto('citizen_account').values(plan.citizenAccounts).execute();
    // The public service catalogue, published by the demo administrator.
    // Published a month before the demo's reference date, so the demo is the same whenever it is made.
    await writeDemoCatalogue(trx, plan.municipalityId, plan.staff.find((s) => s.username === 'administrator')?.id ?? null, new Date(`${addDays(plan.referenceDate, -30)}T08:00:00.000Z`));
    for (const chunk of chunks(plan.involvements)) await trx.insertInto('involvement').values(chunk).execute();
    for (const chunk of chunks(plan.enrolments)) await trx.insertInto('enrolment').values(chunk).execute();
    await writeDemoStories(trx, storyInput(plan));
    await writeDemoReports(trx, reportInput(plan));
    await writeDemoPlans(trx, planInput(plan));
    await writeDemoAbsence(trx, plan.absence);
    await writeDemoPregnancy(trx, {
      municipalityId: plan.municipalityId, referenceDate: plan.referenceDate,
      midwifeId: plan.staff.find((s) => s.username === 'jordmor')!.id, motherId: plan.citizenAccounts.find((a) => a.username === 'gravid')!.person_id,
    });
    const staffId = (username: string) => plan.staff.find((s) => s.username === username)!.id;
    await writeDemoYouth(trx, {
      municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, coordinatorId: staffId('koordinator'),
      youthId: plan.citizenAccounts.find((a) => a.username === 'ungdom.17')!.person_id,
      teamUnitId: plan.units.find((u) => u.name === 'Psykisk helseteam for barn og unge')!.id,
    });
    await writeDemoFamilyEffort(trx, {
      municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, households: plan.households,
      excludedPersonIds: [...plan.demoPersonIds, ...storyInput(plan).pupils.map((p) => p.id), ...reportInput(plan).pupilIds],
      leaderId: staffId('nav.veileder'), intakeId: staffId('koordinerende.enhet'), requesterId: staffId('fagperson.skole'),
    });
    // The digital handbook, published with the catalogue, and the guide's links to it.
    await writeDemoHandbook(trx, plan.municipalityId, plan.staff.find((s) => s.username === 'administrator')?.id ?? null, new Date(`${addDays(plan.referenceDate, -30)}T08:00:00.000Z`));
    await writeDemoQuestionnaires(trx, questionnaireInput(plan));
    await writeDemoActivity(trx, {
      municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, years: plan.activityYears, registrarId: staffId('sbu.koordinator'),
      excludedPersonIds: [...plan.demoPersonIds, ...storyInput(plan).pupils.map((p) => p.id), ...reportInput(plan).pupilIds, ...planInput(plan).childIds],
    });
    return { personCount, guardianshipCount };
  });
  const { personCount, guardianshipCount } = counts;

  return {
    municipality: 1,
    service_unit: plan.units.length,
    staff_user: plan.staff.length,
    staff_role: plan.staff.reduce((n, s) => n + s.roles.length, 0),
    team: plan.teams.length,
    team_service_unit: plan.teams.reduce((n, t) => n + t.unitIds.length, 0),
    team_member: plan.teams.reduce((n, t) => n + t.memberIds.length, 0),
    person: personCount,
    guardianship: guardianshipCount,
    citizen_account: plan.citizenAccounts.length,
    involvement: plan.involvements.length,
    catalogue_service: DEMO_SERVICES.length,
    enrolment: plan.enrolments.length,
    absence_record: plan.absence?.records.length ?? 0,
  };
}

/**
 * Fills an empty, migrated database with the demo municipality. Refuses (DemoDataExistsError)
 * when a municipality exists, so it never mixes with real or earlier data.
 */
export async function generateDemoData(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const plan = buildDemoPlan(options);
  const existing = await db.selectFrom('municipality').select('name').limit(1).executeTakeFirst();
  if (existing) throw new DemoDataExistsError(existing.name);
  const summary = await writeDemoPlan(db, plan);
  // The annual report reads pre-counted figures: count them now rather than at the job's next hour.
  if (plan.activityYears > 0) await refreshFigures(db, plan.municipalityId, options.now ?? new Date(`${plan.referenceDate}T08:00:00.000Z`));
  if (options.populationRegisterFile) await writeDemoPopulationRegister(options.populationRegisterFile, plan);
  return summary;
}

/** The nurse's generated mothers and pregnant women, and every staff user by their unit's type. */
function questionnaireInput(plan: DemoPlan): DemoQuestionnaireInput {
  const nurse = plan.staff.find((s) => s.username === 'helsesykepleier')!;
  const sbu = plan.staff.find((s) => s.username === 'sbu.koordinator')!;
  const administrator = plan.staff.find((s) => s.username === 'administrator')!;
  const fixed = new Set(plan.demoPersonIds);
  const people = new Map(plan.households.flatMap((h) => h.people.map((p) => [p.id, { person: p, household: h }] as const)));
  const personIds: string[] = [];
  for (const inv of plan.involvements.filter((i) => i.staff_user_id === nurse.id && !fixed.has(i.person_id))) {
    const found = people.get(inv.person_id);
    if (!found) continue;
    // A screening is the mother's own data: of a baby, its mother answers.
    const mother = found.person.kind === 'pregnant' ? found.person.id : found.household.guardianships.find((g) => g.child_id === inv.person_id && g.relation === 'mother')?.guardian_id;
    if (mother && !personIds.includes(mother)) personIds.push(mother);
  }
  const notYetInvolved: string[] = [];
  // Too few in a small demo: the mothers of the youngest children, whom the nurse then comes to follow.
  const youngest = plan.households.flatMap((h) => h.people.filter((p) => p.kind === 'child' && !fixed.has(p.id)).map((p) => ({ p, h })))
    .sort((a, b) => b.p.birth_date.localeCompare(a.p.birth_date));
  for (const { p, h } of youngest) {
    if (personIds.length >= 3) break;
    const mother = h.guardianships.find((g) => g.child_id === p.id && g.relation === 'mother')?.guardian_id;
    if (mother && !personIds.includes(mother)) { personIds.push(mother); notYetInvolved.push(mother); }
  }
  const unitType = new Map(plan.units.map((u) => [u.name, u.type_code]));
  const staff = plan.staff.flatMap((s) => (unitType.has(s.unitName) ? [{ id: s.id, unitType: unitType.get(s.unitName)! }] : []));
  return { municipalityId: plan.municipalityId, referenceDate: plan.referenceDate, nurseId: nurse.id, sbuCoordinatorId: sbu.id, administratorId: administrator.id, personIds, notYetInvolved, staff };
}
