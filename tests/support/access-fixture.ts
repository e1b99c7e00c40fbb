// A small world for access tests, written straight into the database: units, a child with one
// guardian with and one without parental responsibility, youths of 15 and 16, staff of every role
// involved with the child, and helpers to change consent and involvement.
import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffRole } from '../../common/roles.ts';
import type { Db } from '../../server/infra/db/database.ts';
import { loadCitizenPrincipal, loadStaffPrincipal } from '../../server/infra/auth/session.ts';
import type { Principal } from '../../server/infra/http/context.ts';
import { decide, type AccessAction, type Decision } from '../../server/modules/access/access.ts';
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
  staffByRole: Record<StaffRole, string>;
  citizens: { guardianWithResponsibility: string; guardianWithout: string; youth16: string; youth15: string; youthGuardian: string; stranger: string };
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
  await db.insertInto('guardianship').values([
    { child_id: child, guardian_id: g1, relation: 'mother', parental_responsibility: true },
    { child_id: child, guardian_id: g2, relation: 'father', parental_responsibility: false, lives_with_child: false },
    { child_id: youth16, guardian_id: gy, relation: 'other', parental_responsibility: true },
    { child_id: youth15, guardian_id: gy, relation: 'other', parental_responsibility: true },
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
    for (const p of [child, youth16, youth15]) await db.insertInto('involvement').values({ person_id: p, staff_user_id: id, kind: 'relay_holder' }).execute();
    staffByRole[role] = id;
  }
  return { db, municipalityId: m.id, units, child, youth16, youth15, staffByRole, citizens };
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
