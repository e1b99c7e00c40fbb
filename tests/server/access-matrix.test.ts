// The permission matrix: every role × every action on personal data, then the situations that
// must close access — consent withdrawn or expired, a user moved or no longer involved, a guardian
// without parental responsibility, youths over and under the consent age, an anonymous discussion —
// and finally every action of ACCESS_ACTIONS by name, each with a principal it opens to and one it
// refuses, on real records. The expected outcomes and reason codes are written out here, not
// computed from the code under test; a new action fails here until it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../common/roles.ts';
import { visibleCategories } from '../../server/modules/access/policies/consent.ts';
import { AccessFacts } from '../../server/modules/access/facts.ts';
import { ACCESS_ACTIONS, decide, type AccessAction, type AccessRequest, type Decision } from '../../server/modules/access/access.ts';
import type { Principal } from '../../server/infra/http/context.ts';
import {
  addConsent, buildAccessWorld, check, citizenPrincipal, clearConsents, daysFromToday, decideRequest, otherStaffPrincipal, staffPrincipal,
  type AccessWorld, type FamilyWorld,
} from '../support/access-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/clock.ts';

let database: TestDatabase;
let world: AccessWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildAccessWorld(database.db);
  await addConsent(world, world.child);
  // The 15-year-old goes to the world's school: its staff may note a worry about her (enrolment.worry).
  await world.db.insertInto('enrolment').values({ person_id: world.youth15, service_unit_id: world.units.school, starts_on: daysFromToday(-300) }).execute();
});
afterAll(async () => {
  await database?.drop();
});

const CASE_ACTIONS: AccessAction[] = ['person.read', 'case.read', 'case.write', 'consent.read', 'consent.record', 'consent.withdraw', 'legalBasis.record', 'person.create', 'person.list', 'caseStatus.read', 'caseStatus.write', 'worry.create', 'worry.list'];
const ADMIN_ACTIONS: AccessAction[] = ['staff.create', 'staff.update', 'staff.read', 'staff.list', 'serviceUnit.create', 'serviceUnit.update', 'serviceUnitType.create', 'catalogue.edit', 'catalogue.publish', 'actionGuide.publish', 'team.edit'];

// Y = allowed, N = refused. Every staff user here is in a recipient unit and involved with the child.
const Y = true;
const N = false;
const MATRIX: Record<StaffRole, Partial<Record<AccessAction, boolean>>> = {
  professional: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  team_leader: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  team_member: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  coordinator: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  child_welfare_intake: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  coordinating_unit: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  midwife: { 'person.read': Y, 'case.read': Y, 'case.write': Y, 'consent.read': Y, 'consent.record': Y, 'consent.withdraw': Y, 'legalBasis.record': Y, 'person.create': Y, 'person.list': Y, 'caseStatus.read': Y, 'caseStatus.write': Y, 'worry.create': Y, 'worry.list': Y },
  // Roles alone never open case data, even when the user is (wrongly) recorded as involved.
  sbu_coordinator: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  analyst: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  administrator: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  auditor: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  editor: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
};

describe('role × action', () => {
  for (const role of STAFF_ROLES) {
    it(`${role} on a child's personal data`, async () => {
      const principal = await staffPrincipal(world, role);
      const outcomes = Object.fromEntries(await Promise.all(CASE_ACTIONS.map(async (a) => [a, (await check(world, principal, a, world.child)).allowed] as const)));
      expect(outcomes).toEqual(MATRIX[role]);
    });

    it(`${role} on administration and the audit log`, async () => {
      const principal = await staffPrincipal(world, role);
      for (const action of ADMIN_ACTIONS) expect((await check(world, principal, action)).allowed, action).toBe(role === 'administrator');
      expect((await check(world, principal, 'audit.search')).allowed).toBe(role === 'auditor');
    });
  }

  it('nobody signed in is refused everything', async () => {
    for (const action of ACCESS_ACTIONS) {
      expect(await check(world, null, action, world.child)).toEqual({ allowed: false, reason: 'not_signed_in' });
    }
  });
});

describe('situations that close the shared case to a professional', () => {
  const caseRead = async () => check(world, await staffPrincipal(world, 'professional'), 'case.read', world.child);

  it('is open with involvement and a valid consent naming the unit', async () => {
    expect(await caseRead()).toEqual({ allowed: true, reason: 'involved:relay_holder+consent' });
  });

  it('closes when the consent is withdrawn', async () => {
    await clearConsents(world, world.child);
    await addConsent(world, world.child, { withdrawn: true });
    expect(await caseRead()).toEqual({ allowed: false, reason: 'consent_withdrawn' });
  });

  it('closes when the consent has expired, and before it starts', async () => {
    await clearConsents(world, world.child);
    await addConsent(world, world.child, { from: daysFromToday(-400), to: daysFromToday(-1) });
    expect(await caseRead()).toEqual({ allowed: false, reason: 'consent_expired' });
    await clearConsents(world, world.child);
    await addConsent(world, world.child, { from: daysFromToday(1), to: daysFromToday(100) });
    expect(await caseRead()).toEqual({ allowed: false, reason: 'consent_not_yet_valid' });
  });

  it('stays open on the last day of the consent', async () => {
    await clearConsents(world, world.child);
    await addConsent(world, world.child, { from: daysFromToday(-30), to: daysFromToday(0) });
    expect((await caseRead()).allowed).toBe(true);
  });

  it('closes when the consent covers another purpose only', async () => {
    await clearConsents(world, world.child);
    await addConsent(world, world.child, { purposes: ['transition'] });
    expect(await caseRead()).toEqual({ allowed: false, reason: 'purpose_not_covered' });
  });

  it('closes when the user moves to a unit the consent does not name, and opens for a named unit type', async () => {
    await clearConsents(world, world.child);
    await addConsent(world, world.child, { unitIds: [world.units.kindergarten] });
    await world.db.updateTable('staff_user').set({ service_unit_id: world.units.school }).where('id', '=', world.staffByRole.professional).execute();
    expect(await caseRead()).toEqual({ allowed: false, reason: 'unit_not_recipient' });
    await addConsent(world, world.child, { unitIds: [], unitTypes: ['school_primary'] });
    expect((await caseRead()).allowed).toBe(true);
    await world.db.updateTable('staff_user').set({ service_unit_id: world.units.kindergarten }).where('id', '=', world.staffByRole.professional).execute();
  });

  it('closes when the user is no longer involved', async () => {
    await clearConsents(world, world.child);
    await addConsent(world, world.child);
    await world.db.updateTable('involvement').set({ ended_at: testClock.now() }).where('staff_user_id', '=', world.staffByRole.professional).where('person_id', '=', world.child).execute();
    expect(await caseRead()).toEqual({ allowed: false, reason: 'not_involved' });
    expect((await check(world, await staffPrincipal(world, 'professional'), 'person.read', world.child)).allowed).toBe(false);
    await world.db.insertInto('involvement').values({ person_id: world.child, staff_user_id: world.staffByRole.professional, kind: 'relay_holder' }).execute();
  });

  it('is closed with no consent at all', async () => {
    await clearConsents(world, world.child);
    expect(await caseRead()).toEqual({ allowed: false, reason: 'no_consent' });
    await addConsent(world, world.child);
  });
});

describe('citizens', () => {
  it('a guardian with parental responsibility reads the child\'s case and manages its consents', async () => {
    const g = await citizenPrincipal(world, 'guardianWithResponsibility');
    for (const action of ['person.read', 'case.read', 'consent.read', 'consent.withdraw'] as const) {
      expect((await check(world, g, action, world.child)).allowed, action).toBe(true);
    }
    expect((await check(world, g, 'consent.record', world.child)).allowed).toBe(false);
  });

  it('a guardian without parental responsibility sees nothing', async () => {
    const g = await citizenPrincipal(world, 'guardianWithout');
    for (const action of ['person.read', 'case.read', 'consent.read', 'consent.withdraw'] as const) {
      expect(await check(world, g, action, world.child), action).toEqual({ allowed: false, reason: 'guardian_without_parental_responsibility' });
    }
  });

  it('a youth over the consent age decides alone; the guardian is refused', async () => {
    const youth = await citizenPrincipal(world, 'youth16');
    const guardian = await citizenPrincipal(world, 'youthGuardian');
    for (const action of ['case.read', 'consent.read', 'consent.withdraw'] as const) {
      expect((await check(world, youth, action, world.youth16)).allowed, action).toBe(true);
      expect(await check(world, guardian, action, world.youth16), action).toEqual({ allowed: false, reason: 'youth_decides' });
    }
  });

  it('under the consent age the guardian decides; the youth sees own details but not the case', async () => {
    const youth = await citizenPrincipal(world, 'youth15');
    const guardian = await citizenPrincipal(world, 'youthGuardian');
    expect((await check(world, youth, 'person.read', world.youth15)).allowed).toBe(true);
    for (const action of ['case.read', 'consent.read', 'consent.withdraw'] as const) {
      expect(await check(world, youth, action, world.youth15), action).toEqual({ allowed: false, reason: 'below_consent_age' });
      expect((await check(world, guardian, action, world.youth15)).allowed, action).toBe(true);
    }
  });

  it('someone unrelated is refused', async () => {
    const stranger = await citizenPrincipal(world, 'stranger');
    expect(await check(world, stranger, 'case.read', world.child)).toEqual({ allowed: false, reason: 'not_related' });
  });
});

describe('anonymous discussion', () => {
  it('holds no identity, so no case action can name a person through it', async () => {
    const professional = await staffPrincipal(world, 'professional');
    for (const action of ['person.read', 'case.read', 'case.write', 'consent.read', 'consent.record', 'consent.withdraw'] as const) {
      expect(await check(world, professional, action), action).toEqual({ allowed: false, reason: 'no_subject' });
    }
  });
});

describe('absence and notifications', () => {
  // Written out: the case-work roles at a kindergarten import and read absence; nobody else does.
  const ABSENCE: Record<StaffRole, boolean> = {
    professional: Y, team_leader: Y, team_member: Y, coordinator: Y, child_welfare_intake: Y, coordinating_unit: Y,
    sbu_coordinator: N, analyst: N, administrator: N, auditor: N, midwife: Y, editor: N,
  };

  it('absence is imported and read by case-work roles at a kindergarten or school', async () => {
    for (const role of STAFF_ROLES) {
      const principal = await staffPrincipal(world, role);
      expect((await check(world, principal, 'absence.import')).allowed, role).toBe(ABSENCE[role]);
      expect((await check(world, principal, 'absence.read')).allowed, role).toBe(ABSENCE[role]);
    }
  });

  it('is refused at a unit that is neither, and to citizens', async () => {
    await world.db.updateTable('staff_user').set({ service_unit_id: world.units.healthStation }).where('id', '=', world.staffByRole.professional).execute();
    expect(await check(world, await staffPrincipal(world, 'professional'), 'absence.import')).toEqual({ allowed: false, reason: 'unit_without_absence' });
    await world.db.updateTable('staff_user').set({ service_unit_id: world.units.school }).where('id', '=', world.staffByRole.professional).execute();
    expect((await check(world, await staffPrincipal(world, 'professional'), 'absence.read')).allowed).toBe(true);
    await world.db.updateTable('staff_user').set({ service_unit_id: world.units.kindergarten }).where('id', '=', world.staffByRole.professional).execute();
    expect((await check(world, await citizenPrincipal(world, 'guardianWithResponsibility'), 'absence.read')).allowed).toBe(false);
  });

  it('everyone signed in reads their own notifications; nobody signed out does', async () => {
    for (const role of STAFF_ROLES) expect((await check(world, await staffPrincipal(world, role), 'notification.read')).allowed, role).toBe(true);
    expect((await check(world, await citizenPrincipal(world, 'stranger'), 'notification.update')).allowed).toBe(true);
    expect(await check(world, null, 'notification.read')).toEqual({ allowed: false, reason: 'not_signed_in' });
  });
});

describe('teams: system-level meetings, overviews and ratings (the lists; each record is checked in its own tests)', () => {
  // Written out: system-level teams are worked in by team members and leaders (their membership is
  // checked per team) and the SBU coordinator; overviews are for team leaders and the SBU coordinator.
  const SYSTEM: Record<StaffRole, boolean> = {
    professional: N, team_leader: Y, team_member: Y, coordinator: N, child_welfare_intake: N, coordinating_unit: N,
    sbu_coordinator: Y, analyst: N, administrator: N, auditor: N, midwife: N, editor: N,
  };
  const OVERVIEW: Record<StaffRole, boolean> = {
    professional: N, team_leader: Y, team_member: N, coordinator: N, child_welfare_intake: N, coordinating_unit: N,
    sbu_coordinator: Y, analyst: N, administrator: N, auditor: N, midwife: N, editor: N,
  };

  it('opens system-level meetings and team overviews to the roles that use them', async () => {
    for (const role of STAFF_ROLES) {
      const principal = await staffPrincipal(world, role);
      expect((await check(world, principal, 'systemMeeting.read')).allowed, role).toBe(SYSTEM[role]);
      expect((await check(world, principal, 'systemMeeting.write')).allowed, role).toBe(SYSTEM[role]);
      expect((await check(world, principal, 'team.overview')).allowed, role).toBe(OVERVIEW[role]);
      expect((await check(world, principal, 'meetingRating.list')).allowed, role).toBe(false);
      expect((await check(world, principal, 'meetingRating.create')).allowed, role).toBe(false);
    }
  });

  it('lets a citizen list their own meetings to rate, but rate only a meeting they took part in', async () => {
    const g = await citizenPrincipal(world, 'guardianWithResponsibility');
    expect((await check(world, g, 'meetingRating.list')).allowed).toBe(true);
    expect(await check(world, g, 'meetingRating.create')).toEqual({ allowed: false, reason: 'no_subject' });
    expect((await check(world, g, 'systemMeeting.read')).allowed).toBe(false);
    for (const action of ['team.edit', 'team.overview', 'systemMeeting.read', 'meetingRating.list'] as const) {
      expect(await check(world, null, action), action).toEqual({ allowed: false, reason: 'not_signed_in' });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Every action by name. `who`: a staff role of the world (each involved with the family's child as
// relay holder, in the kindergarten), `other:<key>` (the school's and the health station's
// professionals, involved as collaborators; a team member in no team and involved with nobody),
// `citizen:<key>` (mother = guardianWithResponsibility, father = guardianWithout, …) or `anonymous`.
type Who = StaffRole | `other:${keyof AccessWorld['otherStaff']}` | `citizen:${keyof AccessWorld['citizens']}` | 'anonymous';
type On = (w: AccessWorld, f: FamilyWorld) => Omit<AccessRequest, 'action' | 'purpose'>;
interface Row { action: AccessAction; who: Who; on?: On; expect: Decision }

const none: On = () => ({});
const family: On = (_w, f) => ({ subject: { kind: 'person', id: f.child } });
const effort = (key: 'offeredEffort' | 'activeEffort'): On => (w) => ({ entity: { type: 'family_effort', id: w[key] } });
const person = (key: 'youth16' | 'youth15' | 'child' | 'pregnant'): On => (w) => ({ subject: { kind: 'person', id: w[key] } });
const entity = (type: string, id: (f: FamilyWorld) => string, withFamily = false): On => (_w, f) => ({ entity: { type, id: id(f) }, ...(withFamily ? { subject: { kind: 'person' as const, id: f.child } } : {}) });
const yes = (reason: string): Decision => ({ allowed: true, reason });
const no = (reason: string): Decision => ({ allowed: false, reason });
const row = (action: AccessAction, who: Who, on: On, expected: Decision): Row => ({ action, who, on, expect: expected });

const adminOnly = (action: AccessAction): Row[] => [
  row(action, 'administrator', none, yes('role:administrator')),
  row(action, 'analyst', none, no('role_required:administrator')),
  row(action, 'citizen:guardianWithResponsibility', none, no('not_staff')),
];

const EVERY_ACTION: Row[] = [
  // Administration: the administrator's alone.
  ...(['team.edit', 'staff.create', 'staff.update', 'staff.read', 'staff.list', 'serviceUnit.create', 'serviceUnit.update', 'serviceUnitType.create',
    'catalogue.edit', 'catalogue.publish', 'actionGuide.publish', 'relation.verify', 'devMailbox.read'] as const).flatMap(adminOnly),
  row('audit.search', 'auditor', none, yes('role:auditor')),
  row('audit.search', 'administrator', none, no('role_required:auditor')),

  // Teams: overview, system-level work, intake, referrals, meetings, action items, ratings.
  row('team.overview', 'team_leader', entity('team', (f) => f.teamId), yes('team_leader_of_team')),
  row('team.overview', 'sbu_coordinator', entity('team', (f) => f.teamId), yes('role:sbu_coordinator')),
  row('team.overview', 'team_member', entity('team', (f) => f.teamId), no('role_required:team_leader')),
  row('team.overview', 'team_leader', none, yes('own_teams:team_leader')),
  row('systemMeeting.read', 'team_member', entity('team', (f) => f.systemTeamId), yes('system_team_member')),
  row('systemMeeting.read', 'other:outsider', entity('team', (f) => f.systemTeamId), no('not_team_member')),
  row('systemMeeting.read', 'professional', entity('team', (f) => f.systemTeamId), no('role_without_team_work')),
  row('systemMeeting.read', 'team_leader', entity('team', (f) => f.teamId), no('not_system_team')),
  row('systemMeeting.write', 'team_leader', entity('team_meeting', (f) => f.systemMeetingId), yes('system_team_leader')),
  row('systemMeeting.write', 'sbu_coordinator', entity('team_meeting', (f) => f.systemMeetingId), yes('role:sbu_coordinator')),
  row('systemMeeting.write', 'team_leader', entity('team_meeting', (f) => f.meetingId), no('not_system_meeting')),
  row('systemMeeting.write', 'other:outsider', entity('team_meeting', (f) => f.systemMeetingId), no('not_team_member')),
  row('systemMeeting.write', 'citizen:guardianWithResponsibility', entity('team_meeting', (f) => f.systemMeetingId), no('not_staff')),
  row('intake.read', 'team_leader', entity('team', (f) => f.teamId), yes('team_leader_of_team')),
  row('intake.read', 'team_member', entity('team', (f) => f.teamId), no('not_team_leader')),
  row('intake.read', 'citizen:guardianWithResponsibility', entity('team', (f) => f.teamId), no('not_staff')),
  row('intake.read', 'team_member', none, yes('own_queues')),
  row('referral.answer', 'team_leader', entity('referral', (f) => f.referralId), yes('team_leader_of_team')),
  row('referral.answer', 'team_member', entity('referral', (f) => f.referralId), no('not_team_leader')),
  row('meeting.schedule', 'team_leader', entity('referral', (f) => f.referralId), yes('team_leader_of_team+team_discussion_consent')),
  row('meeting.schedule', 'team_member', entity('referral', (f) => f.referralId), no('not_team_leader')),
  row('meetingCandidates.read', 'team_leader', entity('referral', (f) => f.referralId), yes('team_leader_of_team')),
  row('meetingCandidates.read', 'coordinator', entity('referral', (f) => f.referralId), no('not_team_leader')),
  row('referral.create', 'professional', family, yes('involved:relay_holder')),
  row('referral.create', 'other:outsider', family, no('not_involved')),
  row('referral.create', 'citizen:guardianWithResponsibility', family, no('not_staff')),
  row('referralProposal.read', 'other:school', family, yes('involved:collaborator')),
  row('referralProposal.read', 'analyst', family, no('role_without_case_work')),
  row('referral.anonymous', 'professional', none, yes('role:professional')),
  row('referral.anonymous', 'sbu_coordinator', none, no('role_without_case_work')),
  row('meeting.read', 'coordinator', entity('team_meeting', (f) => f.meetingId), yes('meeting_chair+team_discussion_consent')),
  row('meeting.read', 'team_member', entity('team_meeting', (f) => f.meetingId), yes('meeting_participant+team_discussion_consent')),
  row('meeting.read', 'team_leader', entity('team_meeting', (f) => f.meetingId), yes('team_leader_of_team+team_discussion_consent')),
  // A participant from a unit the team-discussion consent does not name reads nothing of the meeting.
  row('meeting.read', 'other:school', entity('team_meeting', (f) => f.meetingId), no('unit_not_recipient')),
  row('meeting.read', 'child_welfare_intake', entity('team_meeting', (f) => f.meetingId), no('not_participant')),
  row('meeting.read', 'citizen:guardianWithResponsibility', entity('team_meeting', (f) => f.meetingId), yes('family_participant')),
  row('meeting.read', 'citizen:guardianWithout', entity('team_meeting', (f) => f.meetingId), no('guardian_without_parental_responsibility')),
  row('meeting.read', 'citizen:stranger', entity('team_meeting', (f) => f.meetingId), no('not_participant')),
  row('meeting.write', 'coordinator', entity('team_meeting', (f) => f.meetingId), yes('meeting_chair+team_discussion_consent')),
  row('meeting.write', 'team_member', entity('team_meeting', (f) => f.meetingId), no('not_chair')),
  row('meeting.write', 'team_leader', entity('team_meeting', (f) => f.systemMeetingId), no('system_meeting')),
  row('meeting.write', 'citizen:guardianWithResponsibility', entity('team_meeting', (f) => f.meetingId), no('not_staff')),
  row('actionItem.update', 'team_member', entity('action_item', (f) => f.actionItemId), yes('action_item_owner+team_discussion_consent')),
  row('actionItem.update', 'coordinator', entity('action_item', (f) => f.actionItemId), no('not_action_item_owner')),
  row('actionItem.update', 'citizen:guardianWithResponsibility', entity('action_item', (f) => f.actionItemId), no('not_action_item_owner')),
  row('meetingRating.create', 'citizen:guardianWithResponsibility', entity('team_meeting', (f) => f.meetingId), yes('family_participant:guardian')),
  row('meetingRating.create', 'citizen:guardianWithResponsibility', entity('team_meeting', (f) => f.scheduledMeetingId), no('meeting_not_closed')),
  row('meetingRating.create', 'citizen:stranger', entity('team_meeting', (f) => f.meetingId), no('not_family_participant')),
  row('meetingRating.create', 'coordinator', entity('team_meeting', (f) => f.meetingId), no('not_citizen')),
  row('meetingRating.list', 'citizen:guardianWithResponsibility', none, yes('own_meetings')),
  row('meetingRating.list', 'professional', none, no('not_citizen')),

  // People, relations and access requests.
  row('person.create', 'professional', none, yes('role:professional')),
  row('person.create', 'analyst', none, no('role_without_case_work')),
  row('person.create', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('person.read', 'professional', family, yes('involved:relay_holder')),
  row('person.read', 'other:school', family, yes('involved:collaborator')),
  row('person.read', 'other:outsider', family, no('not_involved')),
  row('person.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('person.read', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('person.read', 'citizen:stranger', family, no('not_related')),
  row('person.list', 'professional', none, yes('own_involvements')),
  row('person.list', 'citizen:guardianWithResponsibility', none, yes('own_family')),
  row('person.list', 'administrator', none, no('role_without_case_work')),
  row('relation.list', 'citizen:stranger', none, yes('own_relations')),
  row('relation.list', 'administrator', none, no('not_citizen')),
  row('relation.confirm', 'citizen:stranger', entity('relation_claim', (f) => f.relationClaimId), yes('named_as_guardian')),
  row('relation.confirm', 'citizen:guardianWithResponsibility', entity('relation_claim', (f) => f.relationClaimId), no('not_named_as_guardian')),
  row('relation.confirm', 'professional', entity('relation_claim', (f) => f.relationClaimId), no('not_citizen')),
  row('accessRequest.create', 'other:school', none, yes('role:professional')),
  row('accessRequest.create', 'analyst', none, no('role_without_case_work')),
  row('accessRequest.create', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('accessRequest.list', 'citizen:guardianWithResponsibility', none, yes('own_family_requests')),
  row('accessRequest.list', 'other:school', none, yes('own_requests')),
  row('accessRequest.list', 'auditor', none, no('role_without_case_work')),
  row('accessRequest.answer', 'citizen:guardianWithResponsibility', entity('access_request', (f) => f.accessRequestId, true), yes('guardian_with_parental_responsibility')),
  row('accessRequest.answer', 'citizen:guardianWithout', entity('access_request', (f) => f.accessRequestId, true), no('guardian_without_parental_responsibility')),
  row('accessRequest.answer', 'professional', entity('access_request', (f) => f.accessRequestId, true), no('not_citizen')),

  // The shared case: involvement and the family's consent; the transition consent for the receiving unit only.
  row('case.read', 'professional', family, yes('involved:relay_holder+consent')),
  row('case.read', 'other:school', family, yes('involved:collaborator+transition_consent')),
  row('case.read', 'other:healthStation', family, no('unit_not_recipient')),
  row('case.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('case.read', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('case.write', 'team_member', family, yes('involved:relay_holder+consent')),
  row('case.write', 'other:outsider', family, no('not_involved')),
  row('case.write', 'analyst', family, no('role_without_case_work')),
  row('caseColleagues.read', 'coordinator', family, yes('involved:relay_holder+consent')),
  row('caseColleagues.read', 'other:healthStation', family, no('unit_not_recipient')),
  row('caseStatus.read', 'other:healthStation', family, yes('involved:collaborator')),
  row('caseStatus.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('caseStatus.read', 'other:outsider', family, no('not_involved')),
  row('caseStatus.write', 'professional', family, yes('involved:relay_holder')),
  row('caseStatus.write', 'citizen:guardianWithResponsibility', family, no('not_staff')),
  row('case.hold', 'professional', family, yes('relay_holder')),
  row('case.hold', 'team_leader', family, no('not_relay_holder')),
  row('case.hold', 'professional', person('youth16'), no('no_open_case')),
  row('case.hold', 'analyst', family, no('role_without_case_work')),
  row('handover.answer', 'coordinator', entity('relay_handover', (f) => f.handoverId), yes('handover_receiver+involved:relay_holder+consent')),
  row('handover.answer', 'professional', entity('relay_handover', (f) => f.handoverId), no('not_handover_receiver')),
  row('handover.answer', 'citizen:guardianWithResponsibility', entity('relay_handover', (f) => f.handoverId), no('not_staff')),
  row('legalBasis.record', 'professional', family, yes('duty+involved:relay_holder')),
  row('legalBasis.record', 'other:outsider', family, no('not_involved')),
  row('legalBasis.record', 'citizen:guardianWithResponsibility', family, no('not_staff')),

  // Consent.
  row('consent.read', 'professional', family, yes('involved:relay_holder')),
  row('consent.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('consent.read', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('consent.record', 'professional', family, yes('involved:relay_holder')),
  row('consent.record', 'other:outsider', family, no('not_involved')),
  row('consent.record', 'citizen:guardianWithResponsibility', family, no('not_staff')),
  row('consent.withdraw', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('consent.withdraw', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('consent.withdraw', 'citizen:youthGuardian', person('youth16'), no('youth_decides')),
  row('consent.give', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('consent.give', 'citizen:youth16', person('youth16'), yes('youth_self')),
  row('consent.give', 'citizen:youth15', person('youth15'), no('below_consent_age')),
  row('consent.give', 'professional', family, no('not_citizen')),
  row('consent.sign', 'citizen:guardianWithResponsibility', entity('consent', (f) => f.awaitingConsentId), yes('awaited_signer')),
  row('consent.sign', 'citizen:guardianWithout', entity('consent', (f) => f.awaitingConsentId), no('not_awaited_signer')),
  row('consent.sign', 'professional', entity('consent', (f) => f.awaitingConsentId), no('not_citizen')),
  row('accessLog.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('accessLog.read', 'citizen:stranger', family, no('not_related')),
  row('accessLog.read', 'professional', family, no('not_citizen')),
  row('guardianVisibility.set', 'citizen:youth16', person('youth16'), yes('youth_self')),
  row('guardianVisibility.set', 'citizen:youth15', person('youth15'), no('not_youth_of_consent_age')),
  row('guardianVisibility.set', 'citizen:youthGuardian', person('youth16'), no('not_self')),
  row('teamRequest.create', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('teamRequest.create', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),

  // Worries: anonymous, the author's, and those discussed with one's team.
  row('worry.create', 'professional', none, yes('role:professional')),
  row('worry.create', 'analyst', none, no('role_without_case_work')),
  row('worry.create', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('worry.list', 'child_welfare_intake', none, yes('role:child_welfare_intake')),
  row('worry.list', 'administrator', none, no('role_without_case_work')),
  row('worry.read', 'professional', entity('worry', (f) => f.worryId), yes('worry_author')),
  row('worry.read', 'team_member', entity('worry', (f) => f.worryId), yes('worry_discussed_with')),
  row('worry.read', 'child_welfare_intake', entity('worry', (f) => f.worryId), no('not_worry_participant')),
  row('worry.read', 'citizen:guardianWithResponsibility', entity('worry', (f) => f.worryId), no('not_staff')),
  row('worry.discuss', 'professional', entity('worry', (f) => f.worryId), yes('worry_author')),
  row('worry.discuss', 'team_member', entity('worry', (f) => f.worryId), no('not_worry_author')),
  row('worry.link', 'professional', entity('worry', (f) => f.worryId, true), yes('worry_author+involved:relay_holder')),
  row('worry.link', 'team_member', entity('worry', (f) => f.worryId, true), no('not_worry_author')),
  row('worry.link', 'professional', (_w, f) => ({ entity: { type: 'worry', id: f.worryId }, subject: { kind: 'person', id: f.stranger } }), no('not_involved')),

  // Notifications are always one's own; absence belongs to kindergartens and schools.
  row('notification.read', 'professional', none, yes('own_notifications')),
  row('notification.read', 'citizen:guardianWithResponsibility', none, yes('own_notifications_citizen')),
  row('notification.read', 'anonymous', none, no('not_signed_in')),
  row('notification.update', 'auditor', none, yes('own_notifications')),
  row('notification.update', 'anonymous', none, no('not_signed_in')),
  row('absence.import', 'professional', none, yes('unit:kindergarten')),
  row('absence.import', 'other:healthStation', none, no('unit_without_absence')),
  row('absence.import', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('absence.read', 'other:school', none, yes('unit:school_primary')),
  row('absence.read', 'analyst', none, no('role_without_case_work')),

  // Reports to child welfare: the duty to report takes involvement, not consent; the intake reads
  // and handles its municipality's reports, the reporter reads their own; the family sees that one was sent.
  row('cwReport.create', 'other:school', family, yes('duty_to_report+involved:collaborator')),
  row('cwReport.create', 'other:outsider', family, no('not_involved')),
  row('cwReport.create', 'citizen:guardianWithResponsibility', family, no('not_staff')),
  row('cwReport.list', 'other:school', none, yes('role:professional')),
  row('cwReport.list', 'analyst', none, no('role_without_case_work')),
  row('cwReport.read', 'child_welfare_intake', entity('child_welfare_report', (f) => f.reportId, true), yes('child_welfare_intake')),
  row('cwReport.read', 'other:school', entity('child_welfare_report', (f) => f.reportId, true), yes('reporter')),
  row('cwReport.read', 'other:healthStation', entity('child_welfare_report', (f) => f.reportId, true), no('not_reporter')),
  row('cwReport.read', 'professional', entity('child_welfare_report', (f) => f.reportId, true), no('not_reporter')),
  row('cwReport.read', 'citizen:guardianWithResponsibility', entity('child_welfare_report', (f) => f.reportId, true), no('not_staff')),
  row('cwReport.handle', 'child_welfare_intake', entity('child_welfare_report', (f) => f.reportId, true), yes('child_welfare_intake')),
  row('cwReport.handle', 'other:school', entity('child_welfare_report', (f) => f.reportId, true), no('role_required:child_welfare_intake')),
  row('cwReportQueue.read', 'child_welfare_intake', none, yes('role:child_welfare_intake')),
  row('cwReportQueue.read', 'professional', none, no('role_required:child_welfare_intake')),
  row('cwReportQueue.read', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('cwReport.familyView', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('cwReport.familyView', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('cwReport.familyView', 'citizen:youth16', family, no('not_related')),
  row('cwReport.familyView', 'child_welfare_intake', family, no('not_citizen')),
  row('cwConsultation.create', 'other:school', none, yes('role:professional')),
  row('cwConsultation.create', 'analyst', none, no('role_without_case_work')),
  row('cwConsultation.list', 'child_welfare_intake', none, yes('role:child_welfare_intake')),
  row('cwConsultation.list', 'other:school', none, yes('own_consultations')),
  row('cwConsultation.list', 'auditor', none, no('role_without_case_work')),
  row('cwConsultation.read', 'other:school', entity('child_welfare_consultation', (f) => f.consultationId), yes('asked_by')),
  row('cwConsultation.read', 'child_welfare_intake', entity('child_welfare_consultation', (f) => f.consultationId), yes('child_welfare_intake')),
  row('cwConsultation.read', 'other:healthStation', entity('child_welfare_consultation', (f) => f.consultationId), no('not_asker')),
  row('cwConsultation.answer', 'child_welfare_intake', entity('child_welfare_consultation', (f) => f.consultationId), yes('child_welfare_intake')),
  row('cwConsultation.answer', 'other:school', entity('child_welfare_consultation', (f) => f.consultationId), no('role_required:child_welfare_intake')),
  row('cwCounts.read', 'child_welfare_intake', none, yes('role:child_welfare_intake')),
  row('cwCounts.read', 'sbu_coordinator', none, yes('role:sbu_coordinator')),
  row('cwCounts.read', 'analyst', none, no('role_required:child_welfare_intake')),
  // The birth is registered from the pregnant woman's record by the health station that follows her.
  row('birth.register', 'other:healthStation', person('pregnant'), yes('health_station+involved:registrant')),
  row('birth.register', 'midwife', person('pregnant'), no('not_health_station')), // involved, but at the kindergarten
  row('birth.register', 'other:school', person('pregnant'), no('not_involved')),
  row('birth.register', 'citizen:guardianWithResponsibility', person('pregnant'), no('not_staff')),
  // The level-2 whole-family effort: the intake (Koordinerende enhet) appoints, the offered leader accepts, the leader leads.
  row('familyEffort.request', 'professional', family, yes('involved:relay_holder')),
  row('familyEffort.request', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('familyEffort.request', 'other:outsider', family, no('not_involved')),
  row('familyEffort.request', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('familyEffort.list', 'professional', none, yes('role:professional')),
  row('familyEffort.list', 'analyst', none, no('role_without_case_work')),
  row('familyEffort.read', 'coordinating_unit', effort('offeredEffort'), yes('level_two_intake')),
  row('familyEffort.read', 'coordinator', effort('offeredEffort'), yes('effort_leader')),
  row('familyEffort.read', 'professional', effort('offeredEffort'), yes('requested_effort')),
  row('familyEffort.read', 'other:school', effort('activeEffort'), yes('called_in')),
  row('familyEffort.read', 'other:outsider', effort('activeEffort'), no('not_in_effort')),
  row('familyEffort.read', 'analyst', effort('activeEffort'), no('role_without_case_work')),
  row('familyEffort.appoint', 'coordinating_unit', effort('offeredEffort'), yes('level_two_intake')),
  row('familyEffort.appoint', 'coordinating_unit', effort('activeEffort'), no('effort_not_open')),
  row('familyEffort.appoint', 'professional', effort('offeredEffort'), no('role_required:coordinating_unit')),
  row('familyEffort.accept', 'coordinator', effort('offeredEffort'), yes('offered_effort_leader')),
  row('familyEffort.accept', 'professional', effort('offeredEffort'), no('not_offered')),
  row('familyEffort.callIn', 'coordinator', effort('activeEffort'), yes('effort_leader')),
  row('familyEffort.callIn', 'professional', effort('activeEffort'), no('not_effort_leader')),
  row('familyEffort.callIn', 'coordinator', effort('offeredEffort'), no('effort_not_active')),
  row('familyEffort.close', 'coordinator', effort('activeEffort'), yes('effort_leader')),
  row('familyEffort.close', 'other:school', effort('activeEffort'), no('not_effort_leader')),
  row('familyEffort.familyView', 'citizen:guardianWithResponsibility', none, yes('own_family')),
  row('familyEffort.familyView', 'professional', none, no('not_citizen')),
  row('indicator.list', 'analyst', none, yes('role:analyst')),
  row('indicator.list', 'team_leader', none, yes('role:team_leader')),
  row('indicator.list', 'professional', none, no('role_required:figure_reader')),
  row('indicator.list', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('indicator.edit', 'sbu_coordinator', none, yes('role:sbu_coordinator')),
  row('indicator.edit', 'administrator', none, yes('role:administrator')),
  row('indicator.edit', 'analyst', none, no('role_required:indicator_keeper')),
  row('indicator.edit', 'team_leader', none, no('role_required:indicator_keeper')),
  row('indicatorReport.read', 'analyst', none, yes('role:analyst')),
  row('indicatorReport.read', 'sbu_coordinator', none, yes('role:sbu_coordinator')),
  row('indicatorReport.read', 'team_leader', none, no('role_required:figure_reader')),
  row('indicatorReport.read', 'team_leader', entity('team', (f) => f.teamId), yes('team_leader_of_team')),
  row('indicatorReport.read', 'team_member', entity('team', (f) => f.teamId), no('role_required:figure_reader')),
  row('indicatorReport.read', 'auditor', none, no('role_required:figure_reader')),
  row('indicatorReport.read', 'citizen:guardianWithResponsibility', none, no('not_staff')),

  // Questionnaires: a screening is the data of the person who answered it, and health data — a
  // professional needs involvement and a consent naming health; the citizen sees only their own.
  row('questionnaire.read', 'professional', none, yes('staff')),
  row('questionnaire.read', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('questionnaire.define', 'administrator', none, yes('role:administrator')),
  row('questionnaire.define', 'professional', none, no('role_required:administrator')),
  row('screening.create', 'professional', family, yes('involved:relay_holder+consent+health')),
  row('screening.create', 'other:healthStation', family, no('unit_not_recipient')),
  row('screening.create', 'other:outsider', family, no('not_involved')),
  row('screening.create', 'citizen:guardianWithResponsibility', family, no('not_staff')),
  row('screening.read', 'professional', family, yes('involved:relay_holder+consent+health')),
  row('screening.read', 'citizen:youth16', person('youth16'), yes('self')),
  row('screening.read', 'citizen:guardianWithResponsibility', family, no('not_self')),
  row('screening.read', 'citizen:youthGuardian', person('youth16'), no('not_self')),
  row('screening.answer', 'citizen:youth16', person('youth16'), yes('self')),
  row('screening.answer', 'professional', family, yes('involved:relay_holder+consent+health')),
  row('screening.answer', 'citizen:guardianWithout', family, no('not_self')),
  row('screening.answer', 'other:outsider', family, no('not_involved')),
  row('goalRating.read', 'professional', family, yes('involved:relay_holder+consent')),
  row('goalRating.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('goalRating.read', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('goalRating.create', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('goalRating.create', 'citizen:youth15', person('youth15'), yes('child_from_rating_age')),
  row('goalRating.create', 'professional', family, yes('involved:relay_holder+consent')),
  row('goalRating.create', 'other:outsider', family, no('not_involved')),
  row('goalRating.create', 'citizen:stranger', family, no('not_related')),
  row('survey.schedule', 'sbu_coordinator', none, yes('role:sbu_coordinator')),
  row('survey.schedule', 'professional', none, no('role_required:sbu_coordinator')),
  row('survey.list', 'professional', none, yes('staff')),
  row('survey.list', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('survey.answer', 'professional', none, yes('staff_of_service')),
  row('survey.answer', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('survey.results', 'sbu_coordinator', none, yes('role:sbu_coordinator')),
  row('survey.results', 'analyst', none, yes('role:analyst')),
  row('survey.results', 'professional', none, no('role_required:sbu_coordinator')),
  // Individual plans: the family or a professional under the consent asks; Koordinerende enhet
  // decides and appoints; the appointed answers; the plan opens to the coordinator and to the units
  // the consent for the plan names (here the health station), not to the unit deciding.
  row('planRequest.create', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('planRequest.create', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('planRequest.create', 'professional', family, yes('involved:relay_holder+consent')),
  row('planRequest.create', 'other:outsider', family, no('not_involved')),
  row('planRequestQueue.read', 'coordinating_unit', none, yes('role:coordinating_unit')),
  row('planRequestQueue.read', 'professional', none, no('role_required:coordinating_unit')),
  row('planRequest.decide', 'coordinating_unit', entity('plan_request', (f) => f.planRequestId), yes('role:coordinating_unit')),
  row('planRequest.decide', 'professional', entity('plan_request', (f) => f.planRequestId), no('role_required:coordinating_unit')),
  row('coordinator.appoint', 'coordinating_unit', family, yes('role:coordinating_unit')),
  row('coordinator.appoint', 'child_welfare_intake', family, no('role_required:coordinating_unit')),
  row('coordinator.answer', 'other:healthStation', entity('coordinator_assignment', (f) => f.coordinatorAssignmentId), yes('appointed_coordinator')),
  row('coordinator.answer', 'professional', entity('coordinator_assignment', (f) => f.coordinatorAssignmentId), no('not_appointed')),
  row('coordinator.answer', 'citizen:guardianWithResponsibility', entity('coordinator_assignment', (f) => f.coordinatorAssignmentId), no('not_staff')),
  row('planStatus.read', 'coordinating_unit', family, yes('role:coordinating_unit')),
  row('planStatus.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('planStatus.read', 'other:outsider', family, no('not_involved')),
  row('planStatus.read', 'analyst', family, no('role_without_case_work')),
  row('plan.read', 'coordinator', family, yes('coordinator')),
  row('plan.read', 'other:healthStation', family, yes('involved:collaborator+individual_plan_consent')),
  row('plan.read', 'professional', family, no('unit_not_recipient')),
  row('plan.read', 'coordinating_unit', family, no('unit_not_recipient')),
  row('plan.read', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('plan.read', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('plan.create', 'coordinator', family, yes('coordinator')),
  row('plan.create', 'other:healthStation', family, no('coordinator_not_accepted')),
  row('plan.write', 'coordinator', entity('individual_plan', (f) => f.planId), yes('coordinator')),
  row('plan.write', 'other:healthStation', entity('individual_plan', (f) => f.planId), yes('involved:collaborator+individual_plan_consent')),
  row('plan.write', 'professional', entity('individual_plan', (f) => f.planId), no('unit_not_recipient')),
  row('plan.familyWrite', 'citizen:guardianWithResponsibility', family, yes('guardian_with_parental_responsibility')),
  row('plan.familyWrite', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),
  row('plan.familyWrite', 'coordinator', family, no('not_citizen')),
  // The plan's meetings (ansvarsgruppemøte): called by the coordinator in office only.
  row('planMeeting.schedule', 'coordinator', entity('individual_plan', (f) => f.planId), yes('coordinator')),
  row('planMeeting.schedule', 'other:healthStation', entity('individual_plan', (f) => f.planId), no('coordinator_not_accepted')),
  row('planMeeting.schedule', 'citizen:guardianWithResponsibility', entity('individual_plan', (f) => f.planId), no('not_staff')),
  // After-care (ettervern): recorded by child welfare of the municipality, read with the plan.
  row('afterCare.record', 'child_welfare_intake', family, yes('child_welfare_intake')),
  row('afterCare.record', 'coordinator', family, no('role_required:child_welfare_intake')),
  row('afterCare.record', 'coordinating_unit', family, no('role_required:child_welfare_intake')),
  row('afterCare.record', 'citizen:guardianWithResponsibility', family, no('not_staff')),
  row('afterCare.read', 'child_welfare_intake', family, yes('child_welfare_intake')),
  row('afterCare.read', 'coordinator', family, yes('coordinator')),
  row('afterCare.read', 'coordinating_unit', family, no('unit_not_recipient')),
  row('afterCare.read', 'citizen:guardianWithout', family, no('guardian_without_parental_responsibility')),

  // Enrolments: a kindergarten's or school's own; enrolment at one's own unit opens the worry only.
  row('enrolment.import', 'other:school', none, yes('unit:school_primary')),
  row('enrolment.import', 'other:healthStation', none, no('unit_without_enrolments')),
  row('enrolment.import', 'analyst', none, no('role_without_case_work')),
  row('enrolment.search', 'professional', none, yes('unit:kindergarten')),
  row('enrolment.search', 'other:healthStation', none, no('unit_without_enrolments')),
  row('enrolment.search', 'citizen:guardianWithResponsibility', none, no('not_staff')),
  row('enrolment.worry', 'other:school', person('youth15'), yes('enrolled_at_own_unit')),
  row('enrolment.worry', 'professional', person('youth15'), no('not_enrolled_at_own_unit')),
  row('enrolment.worry', 'other:healthStation', person('youth15'), no('unit_without_enrolments')),
  // The digital handbook: written by the administrator and the editor; staff-only pages read by staff.
  ...(['handbook.edit', 'handbook.publish'] as const).flatMap((action) => [
    row(action, 'administrator', none, yes('role:administrator')),
    row(action, 'editor', none, yes('role:editor')),
    row(action, 'professional', none, no('role_without_handbook')),
    row(action, 'citizen:guardianWithResponsibility', none, no('not_staff')),
  ]),
  row('handbookStaffPage.read', 'professional', none, yes('staff')),
  row('handbookStaffPage.read', 'editor', none, yes('staff')),
  row('handbookStaffPage.read', 'citizen:youth16', none, no('not_staff')),
];

async function principalOf(w: AccessWorld, who: Who): Promise<Principal | null> {
  if (who === 'anonymous') return null;
  if (who.startsWith('other:')) return otherStaffPrincipal(w, who.slice(6) as keyof AccessWorld['otherStaff']);
  if (who.startsWith('citizen:')) return citizenPrincipal(w, who.slice(8) as keyof AccessWorld['citizens']);
  return staffPrincipal(w, who as StaffRole);
}

describe('every access action, by name', () => {
  it('names every action of ACCESS_ACTIONS with a principal it allows and one it refuses', () => {
    const missing = ACCESS_ACTIONS.flatMap((action) => [
      ...(EVERY_ACTION.some((r) => r.action === action && r.expect.allowed) ? [] : [`${action}: no allowed principal`]),
      ...(EVERY_ACTION.some((r) => r.action === action && !r.expect.allowed) ? [] : [`${action}: no refused principal`]),
    ]);
    expect(missing).toEqual([]);
  });

  for (const action of ACCESS_ACTIONS) {
    const rows = EVERY_ACTION.filter((r) => r.action === action);
    it.skipIf(rows.length === 0)(action, async () => {
      const outcomes = [];
      for (const r of rows) {
        const principal = await principalOf(world, r.who);
        outcomes.push({ who: r.who, ...(await decideRequest(world, principal, { action, ...(r.on ?? none)(world, world.family) })) });
      }
      expect(outcomes).toEqual(rows.map((r) => ({ who: r.who, ...r.expect })));
    });
  }
});

describe('a transition: the receiving unit sees what the transfer consent covers, another unit nothing', () => {
  const categories = async (who: Who) => {
    const principal = await principalOf(world, who);
    const seen = await world.db.transaction().execute((trx) => visibleCategories(new AccessFacts(trx), principal, world.family.child, testClock.now()));
    return seen === 'all' ? 'all' : [...seen].sort();
  };

  it('opens the log to the school of the planned transition for the categories of the transfer consent only', async () => {
    expect(await categories('professional')).toEqual(['development', 'health']);
    expect(await categories('other:school')).toEqual(['development']);
    expect(await categories('other:healthStation')).toEqual([]);
    expect(await categories('citizen:guardianWithResponsibility')).toBe('all');
  });

  it('closes again when the transition is cancelled', async () => {
    const school = await principalOf(world, 'other:school');
    await world.db.updateTable('transition').set({ status: 'cancelled' }).where('id', '=', world.family.transitionId).execute();
    try {
      expect(await decideRequest(world, school, { action: 'case.read', subject: { kind: 'person', id: world.family.child } })).toEqual(no('unit_not_recipient'));
      expect(await categories('other:school')).toEqual([]);
    } finally {
      await world.db.updateTable('transition').set({ status: 'planned' }).where('id', '=', world.family.transitionId).execute();
    }
  });

  it('does not open team discussion of the child to the receiving unit', async () => {
    const school = await principalOf(world, 'other:school');
    expect(await decideRequest(world, school, { action: 'meeting.read', entity: { type: 'team_meeting', id: world.family.meetingId } })).toEqual(no('unit_not_recipient'));
  });
});

describe('the individual plan past 18 (decision 0029)', () => {
  // The child is made 18 and given their own consent inside a transaction that is rolled back, so
  // the world stays as the other tests expect it. Everything inside goes through the transaction:
  // PGlite has one connection, and a statement on the outer handle would wait for the transaction.
  const asAdult = async (ownConsent: boolean, action: AccessAction, who: Principal) => {
    let decision: Decision | undefined;
    await world.db.transaction().execute(async (trx) => {
      await trx.updateTable('person').set({ birth_date: daysFromToday(-18 * 366) }).where('id', '=', world.family.child).execute();
      if (ownConsent) {
        const text = await trx.selectFrom('consent').select('consent_text_id').where('subject_id', '=', world.family.child).executeTakeFirstOrThrow();
        const own = await trx.insertInto('consent').values({
          subject_id: world.family.child, consent_text_id: text.consent_text_id, method: 'paper', purposes: ['individual_plan'], categories: ['development'],
          valid_from: daysFromToday(-1), valid_to: daysFromToday(300), recorded_by: world.staffByRole.professional,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('consent_giver').values({ consent_id: own.id, person_id: world.family.child, capacity: 'self' }).execute();
      }
      decision = await decide(trx, who, { action, purpose: 'follow_up', subject: { kind: 'person', id: world.family.child }, entity: { type: 'individual_plan', id: world.family.planId } }, testClock.now());
      throw new Rollback();
    }).catch((e: unknown) => { if (!(e instanceof Rollback)) throw e; });
    return decision!;
  };
  class Rollback extends Error {}

  for (const action of ['plan.read', 'plan.write', 'planMeeting.schedule'] as const) {
    it(`${action}: the coordinator only on the young adult's own consent, a guardian's not enough`, async () => {
      const coordinator = await staffPrincipal(world, 'coordinator');
      expect(await asAdult(false, action, coordinator)).toEqual({ allowed: false, reason: 'adult_own_consent_required' });
      expect((await asAdult(true, action, coordinator)).allowed).toBe(true);
    });
  }
});
