// Server-side sessions: the cookie carries a random token, the database keeps its hash, the
// principal and a CSRF token. A session ends after SESSION_IDLE_MINUTES without a request, and
// SESSION_ABSOLUTE_HOURS after sign-in however busy it is, so a stolen token does not live forever.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Principal, SessionInfo } from '../http/context.ts';
import { STAFF_ROLES, type StaffRole } from '../../../common/roles.ts';

export const SESSION_COOKIE = 'sammen_session';
/** Touch last_seen_at at most this often, so reads do not turn into a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionSubject = { staffUserId: string; activeRole: StaffRole } | { citizenAccountId: string };

export async function createSession(db: Db, subject: SessionSubject, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      staff_user_id: 'staffUserId' in subject ? subject.staffUserId : null,
      active_role: 'staffUserId' in subject ? subject.activeRole : null,
      citizen_account_id: 'citizenAccountId' in subject ? subject.citizenAccountId : null,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  return { token, csrfToken };
}

export async function destroySession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends the session a browser presents (if any), whoever it belonged to: sign-in never keeps a token. */
export async function endPresentedSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await destroySession(db, hashToken(token));
}

export interface SessionLifetime {
  idleMinutes: number;
  absoluteHours: number;
}

export async function setActiveRole(db: Db, tokenHash: string, role: StaffRole): Promise<void> {
  await db.updateTable('session').set({ active_role: role }).where('token_hash', '=', tokenHash).execute();
}

interface StaffPrincipalRow {
  id: string;
  username: string;
  display_name: string;
  municipality_id: string;
  service_unit_id: string | null;
  active: boolean;
}

/** The staff principal from the user's row and role names; null when the user is inactive or has no role. */
function staffPrincipal(user: StaffPrincipalRow, roleNames: readonly string[], activeRole: string | null): Principal | null {
  if (!user.active) return null;
  const roles = roleNames.map((r) => r as StaffRole).sort((a, b) => STAFF_ROLES.indexOf(a) - STAFF_ROLES.indexOf(b));
  const first = roles[0];
  if (!first) return null;
  return {
    kind: 'staff',
    staffUserId: user.id,
    username: user.username,
    displayName: user.display_name,
    municipalityId: user.municipality_id,
    serviceUnitId: user.service_unit_id,
    roles,
    activeRole: activeRole && roles.includes(activeRole as StaffRole) ? (activeRole as StaffRole) : first,
  };
}

interface CitizenPrincipalRow {
  account_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  municipality_id: string;
}

/** The citizen principal from their account and the person it belongs to. */
function citizenPrincipal(row: CitizenPrincipalRow): Principal {
  return { kind: 'citizen', accountId: row.account_id, personId: row.person_id, displayName: `${row.given_name} ${row.family_name}`, municipalityId: row.municipality_id };
}

/** The roles of a staff user as one array, so the user and the roles come in one statement. */
const rolesOf = (staffUserIdColumn: string) =>
  sql<string[] | null>`(SELECT array_agg(r.role) FROM staff_role r WHERE r.staff_user_id = ${sql.ref(staffUserIdColumn)})`;

export async function loadStaffPrincipal(db: Db, staffUserId: string, activeRole: string | null): Promise<Principal | null> {
  const user = await db
    .selectFrom('staff_user')
    .select(['id', 'username', 'display_name', 'municipality_id', 'service_unit_id', 'active', rolesOf('staff_user.id').as('roles')])
    .where('id', '=', staffUserId)
    .executeTakeFirst();
  return user ? staffPrincipal(user, user.roles ?? [], activeRole) : null;
}

export async function loadCitizenPrincipal(db: Db, accountId: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('citizen_account')
    .innerJoin('person', 'person.id', 'citizen_account.person_id')
    .select(['citizen_account.id as account_id', 'person.id as person_id', 'person.given_name', 'person.family_name', 'person.municipality_id'])
    .where('citizen_account.id', '=', accountId)
    .executeTakeFirst();
  return row ? citizenPrincipal(row) : null;
}

export type SessionState =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; session: SessionInfo; principal: Principal };

export async function loadSession(db: Db, token: string | undefined, lifetime: SessionLifetime, now: Date): Promise<SessionState> {
  if (!token) return { state: 'none' };
  const tokenHash = hashToken(token);
  // One statement per request: the session, its staff user with the roles, or its citizen account.
  const row = await db
    .selectFrom('session as s')
    .leftJoin('staff_user as u', 'u.id', 's.staff_user_id')
    .leftJoin('citizen_account as a', 'a.id', 's.citizen_account_id')
    .leftJoin('person as p', 'p.id', 'a.person_id')
    .select([
      's.staff_user_id', 's.citizen_account_id', 's.active_role', 's.csrf_token', 's.created_at', 's.last_seen_at',
      'u.id as user_id', 'u.username', 'u.display_name', 'u.municipality_id', 'u.service_unit_id', 'u.active',
      rolesOf('s.staff_user_id').as('roles'),
      'a.id as account_id', 'p.id as person_id', 'p.given_name', 'p.family_name', 'p.municipality_id as person_municipality_id',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { state: 'expired' };
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  const ageMs = now.getTime() - new Date(row.created_at).getTime();
  if (idleMs > lifetime.idleMinutes * 60_000 || ageMs > lifetime.absoluteHours * 3_600_000) {
    await destroySession(db, tokenHash);
    return { state: 'expired' };
  }
  let principal: Principal | null = null;
  if (row.staff_user_id) {
    if (row.user_id && row.username !== null && row.display_name !== null && row.municipality_id !== null && row.active !== null) {
      const user = { id: row.user_id, username: row.username, display_name: row.display_name, municipality_id: row.municipality_id, service_unit_id: row.service_unit_id, active: row.active };
      principal = staffPrincipal(user, row.roles ?? [], row.active_role);
    }
  } else if (row.account_id && row.person_id && row.given_name !== null && row.family_name !== null && row.person_municipality_id) {
    principal = citizenPrincipal({
      account_id: row.account_id, person_id: row.person_id, given_name: row.given_name, family_name: row.family_name, municipality_id: row.person_municipality_id,
    });
  }
  if (!principal) {
    await destroySession(db, tokenHash);
    return { state: 'expired' };
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  return { state: 'active', session: { tokenHash, csrfToken: row.csrf_token }, principal };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Removes sessions that have ended by either limit. */
export async function deleteEndedSessions(db: Db, lifetime: SessionLifetime, now: Date): Promise<number> {
  const idleCutoff = new Date(now.getTime() - lifetime.idleMinutes * 60_000);
  const ageCutoff = new Date(now.getTime() - lifetime.absoluteHours * 3_600_000);
  const result = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleCutoff), eb('created_at', '<', ageCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

export function sessionLifetime(config: { sessionIdleMinutes: number; sessionAbsoluteHours: number }): SessionLifetime {
  return { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
}
