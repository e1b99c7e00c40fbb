// A small world for access tests, written straight into the database: units, a child with one
// guardian with and one without parental responsibility, youths of 15 and 16, staff of every role
// involved with the child, and helpers to change consent and involvement. A second child (the
// family) carries everything else an access action can be about — an open case with a pending
// handover and a planned transition to the school, a team with leader and members, a referral and
// its meetings with participants, an action item, a system-level team and its meeting, a worry, an
// access request, a relation claim and a consent awaiting a signature — so that every action in
// ACCESS_ACTIONS can be decided on a real record. The other tests never touch the family's
// consents, so its outcomes do not depend on test order.
import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffRole } from '../../common/roles.ts';
import type { Db } from '../../server/infra/db/database.ts';
import { loadCitizenPrincipal, loadStaffPrincipal } from '../../server/infra/auth/session.ts';
import type { Principal } from '../../server/infra/http/context.ts';
import { decide, type AccessAction, type AccessRequest, type Decision } from '../../server/modules/access/access.ts';
import { syntheticNationalId } from '../../common/national-id.ts';
import { daysFromToday, today, testClock } from './clock.ts';
import { addDays, subtractYears } from '../../common/dates.ts';

export function yearsAgo(years: number, extraDays = 30): string {
  return addDays(subtractYears(today(), years), -extraDays);
}

export { daysFromToday };

export interface AccessWorld {
  db: Db;
  municipalityId: string;
  units: { kindergarten: string; healthStation: string; school: string };
  child: string;
  youth16: string;
  youth15: string;
  /** A pregnant woman the health station's professional (otherStaff.healthStation) follows. */
  pregnant: string;
  /** Level-2 efforts for the family: one the professional asked for, offered to the coordinator; one the coordinator leads, with the school called in. */
  offeredEffort: string;
  activeEffort: string;
  staffByRole: Record<StaffRole, string>;
  citizens: { guardianWithResponsibility: string; guardianWithout: string; youth16: string; youth15: string; youthGuardian: string; stranger: string };
  /** Staff beyond one per role: professionals at the school and the health station (involved with the family's child), and a team member in no team and involved with nobody. */
  otherStaff: { school: string; healthStation: string; outsider: string };
  family: FamilyWorld;
}

/**
 * The family's child (5) with the mother (guardianWithResponsibility) and the father without
 * parental responsibility. Consents: collaboration and team discussion for the kindergarten
 * (development, health), transfer at the transition for the school (development only). Roles:
 * `professional` holds the baton and wrote the worry; `coordinator` is offered the baton and
 * chairs the meetings; `team_leader` leads both teams; `team_member` is in both teams, takes part
 * in the meetings and owns the action item; the school's professional takes part in the closed
 * meeting and asked the family for access.
 */
export interface FamilyWorld {
  child: string;
  caseId: string;
  handoverId: string;
  transitionId: string;
  teamId: string;
  referralId: string;
  /** The closed case meeting (mother, father, team member and the school's professional take part). */
  meetingId: string;
  /** A meeting still scheduled, with the mother. */
  scheduledMeetingId: string;
  actionItemId: string;
  systemTeamId: string;
  systemMeetingId: string;
  worryId: string;
  accessRequestId: string;
  /** A relation claim naming the stranger (by national id) as the child's guardian. */
  relationClaimId: string;
  /** A digital consent waiting for the mother's signature. */
  awaitingConsentId: string;
  /** The stranger's person id: nobody on the staff is involved with them. */
  stranger: string;
  /** A report to child welfare the school's professional sent about the child. */
  reportId: string;
  /** An anonymous consultation the school's professional asked the intake. */
  consultationId: string;
  /** The mother's request for an individual plan, granted; `coordinator` is the coordinator in office. */
  planRequestId: string;
  /** The health station's professional appointed as the next coordinator, not yet answered. */
  coordinatorAssignmentId: string;
  /** The active individual plan, under a consent to the plan naming the health station. */
  planId: string;
}

export async function buildAccessWorld(db: Db): Promise<AccessWorld> {
  const m = await db.insertInto('municipality').values({ code: '9902', name: 'Testvik kommune' }).returning('id').executeTakeFirstOrThrow();
  const unit = async (name: string, type: string) =>
    (await db.insertInto('service_unit').values({ municipality_id: m.id, name, type_code: type }).returning('id').executeTakeFirstOrThrow()).id;
  const units = { kindergarten: await unit('Testvik barnehage', 'kindergarten'), healthStation: await unit('Testvik helsestasjon', 'health_station'), school: await unit('Testvik skole', 'school_primary') };
  const person = async (given: string, birthDate: string, kind: 'child' | 'adult' = 'adult') =>
    (await db.insertInto('person').values({ municipality_id: m.id, given_name: given, family_name: 'Test', birth_date: birthDate, kind }).returning('id').executeTakeFirstOrThrow()).id;
  const child = await person('Barn', yearsAgo(5), 'child');
  const youth16 = await person('Ungdom16', yearsAgo(16), 'child');
  const youth15 = await person('Ungdom15', yearsAgo(15), 'child');
  const g1 = await person('Mor', yearsAgo(35));
  const g2 = await person('Far', yearsAgo(36));
  const gy = await person('Forelder', yearsAgo(45));
  const stranger = await person('Fremmed', yearsAgo(40));
  const familyChild = await person('Familiebarn', yearsAgo(5), 'child');
  await db.insertInto('guardianship').values([
    { child_id: child, guardian_id: g1, relation: 'mother', parental_responsibility: true },
    { child_id: child, guardian_id: g2, relation: 'father', parental_responsibility: false, lives_with_child: false },
    { child_id: youth16, guardian_id: gy, relation: 'other', parental_responsibility: true },
    { child_id: youth15, guardian_id: gy, relation: 'other', parental_responsibility: true },
    { child_id: familyChild, guardian_id: g1, relation: 'mother', parental_responsibility: true },
    { child_id: familyChild, guardian_id: g2, relation: 'father', parental_responsibility: false, lives_with_child: false },
  ]).execute();
  const account = async (personId: string) => (await db.insertInto('citizen_account').values({ person_id: personId }).returning('id').executeTakeFirstOrThrow()).id;
  const citizens = {
    guardianWithResponsibility: await account(g1), guardianWithout: await account(g2), youth16: await account(youth16),
    youth15: await account(youth15), youthGuardian: await account(gy), stranger: await account(stranger),
  };
  const staffByRole = {} as Record<StaffRole, string>;
  for (const role of STAFF_ROLES) {
    const id = randomUUID();
    await db.insertInto('staff_user').values({ id, municipality_id: m.id, username: `t.${role.replace(/_/g, '-')}`, display_name: role, email: `${role}@testvik.no`, service_unit_id: units.kindergarten }).execute();
    await db.insertInto('staff_role').values({ staff_user_id: id, role }).execute();
    // Everyone is involved, so only the role and the consent decide.
    for (const p of [child, youth16, youth15, familyChild]) await db.insertInto('involvement').values({ person_id: p, staff_user_id: id, kind: 'relay_holder' }).execute();
    staffByRole[role] = id;
  }
  const staff = async (username: string, role: StaffRole, unitId: string, involvedWith: string[]) => {
    const id = randomUUID();
    await db.insertInto('staff_user').values({ id, municipality_id: m.id, username, display_name: username, email: `${username}@testvik.no`, service_unit_id: unitId }).execute();
    await db.insertInto('staff_role').values({ staff_user_id: id, role }).execute();
    for (const p of involvedWith) await db.insertInto('involvement').values({ person_id: p, staff_user_id: id, kind: 'collaborator' }).execute();
    return id;
  };
  const otherStaff = {
    school: await staff('t.school', 'professional', units.school, [familyChild]),
    healthStation: await staff('t.health', 'professional', units.healthStation, [familyChild]),
    outsider: await staff('t.outsider', 'team_member', units.kindergarten, []),
  };
  const family = await buildFamily(db, { municipalityId: m.id, units, child: familyChild, mother: g1, father: g2, stranger, staffByRole, otherStaff });
  const pregnant = (await db.insertInto('person').values({ municipality_id: m.id, given_name: 'Gravid', family_name: 'Test', birth_date: yearsAgo(30), kind: 'pregnant', expected_birth_date: daysFromToday(60) }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('involvement').values([
    { person_id: pregnant, staff_user_id: otherStaff.healthStation, kind: 'registrant' },
    { person_id: pregnant, staff_user_id: staffByRole.midwife, kind: 'registrant' },
  ]).execute();
  const effort = async (values: { status: 'offered' | 'active'; offered_to_staff_id?: string; leader_staff_id?: string }) => {
    const id = (await db.insertInto('family_effort').values({ municipality_id: m.id, reason: 'Test', requested_by_staff_id: staffByRole.professional, ...values }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('family_effort_member').values([{ effort_id: id, person_id: g1, role: 'parent' }, { effort_id: id, person_id: familyChild, role: 'child' }]).execute();
    return id;
  };
  const offeredEffort = await effort({ status: 'offered', offered_to_staff_id: staffByRole.coordinator });
  const activeEffort = await effort({ status: 'active', leader_staff_id: staffByRole.coordinator });
  await db.insertInto('family_effort_service').values({ effort_id: activeEffort, staff_user_id: otherStaff.school }).execute();
  return { db, municipalityId: m.id, units, child, youth16, youth15, pregnant, offeredEffort, activeEffort, staffByRole, citizens, otherStaff, family };
}

async function buildFamily(db: Db, w: {
  municipalityId: string; units: AccessWorld['units']; child: string; mother: string; father: string; stranger: string;
  staffByRole: Record<StaffRole, string>; otherStaff: AccessWorld['otherStaff'];
}): Promise<FamilyWorld> {
  const { child, staffByRole: s } = w;
  const now = testClock.now();
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const text = await db.selectFrom('consent_text').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
  const consent = async (purposes: string[], categories: string[], unitId: string, awaiting: string[] = []) => {
    const id = randomUUID();
    await db.insertInto('consent').values({
      id, subject_id: child, consent_text_id: text.id, method: awaiting.length ? 'digital' : 'paper', purposes, categories,
      valid_from: daysFromToday(-10), valid_to: daysFromToday(300), recorded_by: s.professional, awaiting_person_ids: awaiting,
    }).execute();
    await db.insertInto('consent_recipient').values({ consent_id: id, service_unit_id: unitId, unit_type_code: null }).execute();
    return id;
  };
  await consent(['collaboration', 'team_discussion'], ['development', 'health'], w.units.kindergarten);
  await consent(['transition'], ['development'], w.units.school);
  const awaitingConsentId = await consent(['collaboration'], ['other'], w.units.healthStation, [w.mother]);

  const helpCase = await db.insertInto('help_case').values({ municipality_id: w.municipalityId, person_id: child, level: 2, relay_holder_id: s.professional, opened_by: s.professional, opened_at: at(-20) }).returning('id').executeTakeFirstOrThrow();
  const transition = await db.insertInto('transition').values({ case_id: helpCase.id, from_stage: 'kindergarten', to_stage: 'school', to_unit_id: w.units.school, due_on: daysFromToday(60), planned_by: s.professional }).returning('id').executeTakeFirstOrThrow();
  const handover = await db.insertInto('relay_handover').values({ case_id: helpCase.id, from_staff_id: s.professional, to_staff_id: s.coordinator, requested_by: s.professional }).returning('id').executeTakeFirstOrThrow();

  const team = async (name: string, kind: 'early_intervention' | 'system_level') => {
    const t = await db.insertInto('team').values({ municipality_id: w.municipalityId, name, kind, age_from_months: 12, age_to_months: 71, leader_staff_user_id: s.team_leader }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('team_member').values([{ team_id: t.id, staff_user_id: s.team_leader }, { team_id: t.id, staff_user_id: s.team_member }]).execute();
    return t.id;
  };
  const teamId = await team('Testvik tidlig innsatsteam', 'early_intervention');
  const systemTeamId = await team('Testvik småbarnsteam', 'system_level');
  const referral = await db.insertInto('referral').values({
    team_id: teamId, person_id: child, source: 'professional', referred_by_staff_id: s.professional, reason: 'Språk', basis: 'consent',
    status: 'accepted', case_id: helpCase.id, received_at: at(-15), answered_at: at(-14), answered_by: s.team_leader,
  }).returning('id').executeTakeFirstOrThrow();
  const meeting = async (status: 'closed' | 'scheduled', startDays: number) => (await db.insertInto('team_meeting').values({
    team_id: teamId, kind: 'case', referral_id: referral.id, case_id: helpCase.id, person_id: child, starts_at: at(startDays), ends_at: at(startDays + 0.05),
    place: 'Testvik barnehage', chair_staff_id: s.coordinator, status, created_by: s.team_leader, created_at: at(-14),
    ...(status === 'closed' ? { closed_at: at(startDays + 0.05), closed_by: s.coordinator } : {}),
  }).returning('id').executeTakeFirstOrThrow()).id;
  const meetingId = await meeting('closed', -7);
  const scheduledMeetingId = await meeting('scheduled', 7);
  await db.insertInto('meeting_participant').values([
    { meeting_id: meetingId, staff_user_id: s.coordinator, role: 'chair' },
    { meeting_id: meetingId, staff_user_id: s.team_member, role: 'professional' },
    { meeting_id: meetingId, staff_user_id: w.otherStaff.school, role: 'professional' },
    { meeting_id: meetingId, person_id: w.mother, role: 'guardian' },
    { meeting_id: meetingId, person_id: w.father, role: 'guardian' },
    { meeting_id: scheduledMeetingId, staff_user_id: s.coordinator, role: 'chair' },
    { meeting_id: scheduledMeetingId, person_id: w.mother, role: 'guardian' },
  ]).execute();
  const item = await db.insertInto('action_item').values({ meeting_id: meetingId, case_id: helpCase.id, position: 1, what: 'Språkkartlegging', owner_staff_id: s.team_member, due_on: daysFromToday(20) }).returning('id').executeTakeFirstOrThrow();
  const systemMeeting = await db.insertInto('team_meeting').values({
    team_id: systemTeamId, kind: 'system', starts_at: at(10), ends_at: at(10.05), place: 'Rådhuset', chair_staff_id: s.team_leader, topic: 'Språk i barnehagene', created_by: s.team_leader,
  }).returning('id').executeTakeFirstOrThrow();

  const worry = await db.insertInto('worry').values({ municipality_id: w.municipalityId, subject_kind: 'child', age_years: 5, categories: ['development'], description: 'Lite språk', noticed_by: s.professional, noticed_on: daysFromToday(-30) }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('worry_discussion').values({ worry_id: worry.id, with_team_id: teamId, note: 'Drøftet anonymt', written_by: s.professional }).execute();
  const accessRequest = await db.insertInto('access_request').values({ person_id: child, requested_by: w.otherStaff.school, reason: 'Skolestart' }).returning('id').executeTakeFirstOrThrow();

  // The stranger is named as guardian by the national id ID-porten would have verified at sign-in.
  const strangerBirth = (await db.selectFrom('person').select('birth_date').where('id', '=', w.stranger).executeTakeFirstOrThrow()).birth_date;
  let strangerId: string | null = null;
  for (let serial = 0; strangerId === null; serial++) strangerId = syntheticNationalId(String(strangerBirth).slice(0, 10), serial);
  await db.updateTable('person').set({ national_id: strangerId }).where('id', '=', w.stranger).execute();
  const claim = await db.insertInto('relation_claim').values({
    child_id: child, national_id: strangerId, given_name: 'Fremmed', family_name: 'Test', birth_date: strangerBirth, relation: 'other', parental_responsibility: true, claimed_by: s.professional,
  }).returning('id').executeTakeFirstOrThrow();

  const basis = await db.insertInto('legal_basis_invocation').values({ person_id: child, basis: 'duty_to_report_child_welfare', invoked_by: w.otherStaff.school, note: 'Test' }).returning('id').executeTakeFirstOrThrow();
  const report = await db.insertInto('child_welfare_report').values({
    municipality_id: w.municipalityId, reference: 'BM-TEST-00001', person_id: child, reporter_staff_id: w.otherStaff.school, reporter_unit_id: w.units.school, reporter_role: 'Lærer',
    reporter_phone: '12345678', legal_basis_invocation_id: basis.id, content: JSON.stringify({}), observed_on: daysFromToday(-1), urgent: false, family_told: true, family_may_see: true,
    received_at: at(-1), received_on: daysFromToday(-1), review_by: daysFromToday(6), feedback_by: daysFromToday(20),
  }).returning('id').executeTakeFirstOrThrow();
  const consultation = await db.insertInto('child_welfare_consultation').values({
    municipality_id: w.municipalityId, asked_by: w.otherStaff.school, asker_unit_id: w.units.school, age_years: 5, situation: 'Test', created_at: at(-1),
  }).returning('id').executeTakeFirstOrThrow();

  await consent(['individual_plan'], ['development'], w.units.healthStation);
  const planRequest = await db.insertInto('plan_request').values({
    municipality_id: w.municipalityId, person_id: child, kind: 'plan_and_coordinator', reason: 'Test', requested_by_person_id: w.mother, requested_at: at(-5),
    decision: 'granted', decision_reason: 'Test', decided_by: s.coordinating_unit, decided_at: at(-4),
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('coordinator_assignment').values({ person_id: child, request_id: planRequest.id, staff_user_id: s.coordinator, appointed_by: s.coordinating_unit, appointed_at: at(-4), status: 'accepted', answered_at: at(-3) }).execute();
  const assignment = await db.insertInto('coordinator_assignment').values({ person_id: child, request_id: planRequest.id, staff_user_id: w.otherStaff.healthStation, appointed_by: s.coordinating_unit, appointed_at: at(-1) }).returning('id').executeTakeFirstOrThrow();
  const plan = await db.insertInto('individual_plan').values({ municipality_id: w.municipalityId, person_id: child, case_id: helpCase.id, request_id: planRequest.id, created_by: s.coordinator, created_at: at(-2) }).returning('id').executeTakeFirstOrThrow();

  return {
    planRequestId: planRequest.id, coordinatorAssignmentId: assignment.id, planId: plan.id,
    reportId: report.id, consultationId: consultation.id,
    child, caseId: helpCase.id, handoverId: handover.id, transitionId: transition.id, teamId, referralId: referral.id, meetingId, scheduledMeetingId,
    actionItemId: item.id, systemTeamId, systemMeetingId: systemMeeting.id, worryId: worry.id, accessRequestId: accessRequest.id,
    relationClaimId: claim.id, awaitingConsentId, stranger: w.stranger,
  };
}

export async function addConsent(world: AccessWorld, subject: string, options: { purposes?: string[]; unitIds?: string[]; unitTypes?: string[]; from?: string; to?: string; withdrawn?: boolean } = {}): Promise<string> {
  const text = await world.db.selectFrom('consent_text').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
  const recorder = world.staffByRole.professional;
  const id = randomUUID();
  await world.db.insertInto('consent').values({
    id, subject_id: subject, consent_text_id: text.id, method: 'paper', purposes: options.purposes ?? ['collaboration'],
    categories: ['development'], valid_from: options.from ?? daysFromToday(-10), valid_to: options.to ?? daysFromToday(300),
    recorded_by: recorder,
    ...(options.withdrawn ? { withdrawn_at: new Date(testClock.now().getTime() - 1000), withdrawn_by_staff_id: recorder } : {}),
  }).execute();
  const recipients = [
    ...(options.unitIds ?? [world.units.kindergarten]).map((u) => ({ consent_id: id, service_unit_id: u, unit_type_code: null })),
    ...(options.unitTypes ?? []).map((c) => ({ consent_id: id, service_unit_id: null, unit_type_code: c })),
  ];
  if (recipients.length) await world.db.insertInto('consent_recipient').values(recipients).execute();
  return id;
}

export async function clearConsents(world: AccessWorld, subject: string): Promise<void> {
  const ids = (await world.db.selectFrom('consent').select('id').where('subject_id', '=', subject).execute()).map((c) => c.id);
  if (ids.length === 0) return;
  await world.db.deleteFrom('consent_recipient').where('consent_id', 'in', ids).execute();
  await world.db.deleteFrom('consent_giver').where('consent_id', 'in', ids).execute();
  await world.db.deleteFrom('consent').where('id', 'in', ids).execute();
}

export async function staffPrincipal(world: AccessWorld, role: StaffRole): Promise<Principal> {
  const p = await loadStaffPrincipal(world.db, world.staffByRole[role], role);
  if (!p) throw new Error(`no principal for ${role}`);
  return p;
}

export async function citizenPrincipal(world: AccessWorld, who: keyof AccessWorld['citizens']): Promise<Principal> {
  const p = await loadCitizenPrincipal(world.db, world.citizens[who]);
  if (!p) throw new Error(`no principal for ${who}`);
  return p;
}

export function check(world: AccessWorld, principal: Principal | null, action: AccessAction, subject?: string): Promise<Decision> {
  return world.db.transaction().execute((trx) =>
    decide(trx, principal, { action, purpose: 'follow_up', ...(subject ? { subject: { kind: 'person', id: subject } } : {}) }, testClock.now()),
  );
}

/** Decides one request, with its subject person and/or entity, as the route would ask it. */
export function decideRequest(world: AccessWorld, principal: Principal | null, request: Omit<AccessRequest, 'purpose'>): Promise<Decision> {
  return world.db.transaction().execute((trx) => decide(trx, principal, { purpose: 'follow_up', ...request }, testClock.now()));
}

/** A staff principal for one of the other staff users (their only role). */
export async function otherStaffPrincipal(world: AccessWorld, who: keyof AccessWorld['otherStaff']): Promise<Principal> {
  const p = await loadStaffPrincipal(world.db, world.otherStaff[who], null);
  if (!p) throw new Error(`no principal for ${who}`);
  return p;
}
