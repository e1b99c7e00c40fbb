// The permission matrix: every role × every action on personal data, then the situations that
// must close access — consent withdrawn or expired, a user moved or no longer involved, a guardian
// without parental responsibility, youths over and under the consent age, an anonymous discussion.
// The expected outcomes are written out here, not computed from the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../common/roles.ts';
import type { AccessAction } from '../../server/modules/access/access.ts';
import { addConsent, buildAccessWorld, check, citizenPrincipal, clearConsents, daysFromToday, staffPrincipal, type AccessWorld } from '../support/access-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/clock.ts';

let database: TestDatabase;
let world: AccessWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildAccessWorld(database.db);
  await addConsent(world, world.child);
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
  // Roles alone never open case data, even when the user is (wrongly) recorded as involved.
  sbu_coordinator: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  analyst: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  administrator: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
  auditor: { 'person.read': N, 'case.read': N, 'case.write': N, 'consent.read': N, 'consent.record': N, 'consent.withdraw': N, 'legalBasis.record': N, 'person.create': N, 'person.list': N, 'caseStatus.read': N, 'caseStatus.write': N, 'worry.create': N, 'worry.list': N },
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
    for (const action of [...CASE_ACTIONS, ...ADMIN_ACTIONS, 'audit.search' as const]) {
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
    sbu_coordinator: N, analyst: N, administrator: N, auditor: N,
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
    sbu_coordinator: Y, analyst: N, administrator: N, auditor: N,
  };
  const OVERVIEW: Record<StaffRole, boolean> = {
    professional: N, team_leader: Y, team_member: N, coordinator: N, child_welfare_intake: N, coordinating_unit: N,
    sbu_coordinator: Y, analyst: N, administrator: N, auditor: N,
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
