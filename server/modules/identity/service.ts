// Sign-in: who a verified identity is in Sammen, and the session that follows.
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../infra/db/database.ts';
import { createSession, endPresentedSession, loadCitizenPrincipal, loadStaffPrincipal, SESSION_COOKIE } from '../../infra/auth/session.ts';
import type { Principal } from '../../infra/http/context.ts';
import { writeAudit } from '../audit/audit-log.ts';
import type { VerifiedIdentity } from './oidc.ts';
import { DEMO_CITIZENS, DEMO_STAFF } from './demo-users.ts';

export type SignInTarget = { kind: 'staff'; staffUserId: string } | { kind: 'citizen'; accountId: string };

export async function findByUsername(db: Db, username: string): Promise<SignInTarget | null> {
  const staff = await db.selectFrom('staff_user').select('id').where('username', '=', username).where('active', '=', true).executeTakeFirst();
  if (staff) return { kind: 'staff', staffUserId: staff.id };
  const citizen = await db.selectFrom('citizen_account').select('id').where('username', '=', username).executeTakeFirst();
  return citizen ? { kind: 'citizen', accountId: citizen.id } : null;
}

const DEMO_USERNAMES: ReadonlySet<string> = new Set([...DEMO_STAFF, ...DEMO_CITIZENS].map((u) => u.username));

/**
 * The development sign-in takes a username and nothing else, so it may open only the fictional demo
 * users: a real staff member's account, added by the administrator, is reached through the identity
 * provider alone, even where the development sign-in is on.
 */
export async function findDevLoginTarget(db: Db, username: string): Promise<SignInTarget | null> {
  return DEMO_USERNAMES.has(username) ? findByUsername(db, username) : null;
}

/** Matches a staff identity on its subject, then on the national id or e-mail, and remembers the subject. */
export async function findStaffForIdentity(db: Db, identity: VerifiedIdentity): Promise<SignInTarget | null> {
  const bySubject = await db.selectFrom('staff_user').select('id').where('oidc_subject', '=', identity.subject).where('active', '=', true).executeTakeFirst();
  if (bySubject) return { kind: 'staff', staffUserId: bySubject.id };
  let query = db.selectFrom('staff_user').select('id').where('active', '=', true).where('oidc_subject', 'is', null);
  if (identity.nationalId) query = query.where('national_id', '=', identity.nationalId);
  else if (identity.email) query = query.where((eb) => eb(eb.fn('lower', ['email']), '=', identity.email!.toLowerCase()));
  else return null;
  const match = await query.executeTakeFirst();
  if (!match) return null;
  await db.updateTable('staff_user').set({ oidc_subject: identity.subject }).where('id', '=', match.id).execute();
  return { kind: 'staff', staffUserId: match.id };
}

/** A citizen is known by the national id from ID-porten; the account is made at first sign-in. */
export async function findCitizenForIdentity(db: Db, identity: VerifiedIdentity): Promise<SignInTarget | null> {
  const account = await db.selectFrom('citizen_account').select('id').where('oidc_subject', '=', identity.subject).executeTakeFirst();
  if (account) return { kind: 'citizen', accountId: account.id };
  if (!identity.nationalId) return null;
  const person = await db.selectFrom('person').select('id').where('national_id', '=', identity.nationalId).executeTakeFirst();
  if (!person) return null;
  const existing = await db.selectFrom('citizen_account').select('id').where('person_id', '=', person.id).executeTakeFirst();
  if (existing) {
    await db.updateTable('citizen_account').set({ oidc_subject: identity.subject }).where('id', '=', existing.id).execute();
    return { kind: 'citizen', accountId: existing.id };
  }
  const created = await db.insertInto('citizen_account').values({ person_id: person.id, oidc_subject: identity.subject }).returning('id').executeTakeFirstOrThrow();
  return { kind: 'citizen', accountId: created.id };
}

export function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, secure: config.cookieSecure, sameSite: 'lax' as const };
}

/**
 * Starts a new session for the target, records the sign-in and sets the cookie. The session the
 * browser came with (`presentedToken`, whoever's it was) ends in the same transaction: a sign-in
 * always issues a fresh token, so a token planted or seen before sign-in is worth nothing after.
 */
export async function signIn(db: Db, config: Config, reply: FastifyReply, target: SignInTarget, requestId: string, presentedToken: string | undefined, now: Date): Promise<Principal> {
  const principal = target.kind === 'staff' ? await loadStaffPrincipal(db, target.staffUserId, null) : await loadCitizenPrincipal(db, target.accountId);
  if (!principal) throw new Error('sign-in target vanished');
  const { token } = await db.transaction().execute(async (trx) => {
    await endPresentedSession(trx, presentedToken);
    const created = await createSession(
      trx,
      principal.kind === 'staff' ? { staffUserId: principal.staffUserId, activeRole: principal.activeRole } : { citizenAccountId: principal.accountId },
      now,
    );
    await writeAudit(trx, { principal, action: 'session.signIn', purpose: 'sign_in', outcome: 'allowed', reason: 'authenticated', requestId });
    return created;
  });
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
  return principal;
}

export interface DevUser {
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  roles: string[];
  unitName: string | null;
}

/** The demo log-ins offered by the development sign-in page. */
export async function listDevUsers(db: Db): Promise<DevUser[]> {
  const staffNames: string[] = DEMO_STAFF.map((u) => u.username);
  const citizenNames: string[] = DEMO_CITIZENS.map((u) => u.username);
  const staff = staffNames.length
    ? await db
        .selectFrom('staff_user')
        .leftJoin('service_unit', 'service_unit.id', 'staff_user.service_unit_id')
        .select(['staff_user.id', 'staff_user.username', 'staff_user.display_name', 'service_unit.name as unit_name'])
        .where('staff_user.username', 'in', staffNames)
        .where('staff_user.active', '=', true)
        .execute()
    : [];
  const roles = staff.length
    ? await db.selectFrom('staff_role').select(['staff_user_id', 'role']).where('staff_user_id', 'in', staff.map((s) => s.id)).execute()
    : [];
  const citizens = citizenNames.length
    ? await db
        .selectFrom('citizen_account')
        .innerJoin('person', 'person.id', 'citizen_account.person_id')
        .select(['citizen_account.username', 'person.given_name', 'person.family_name'])
        .where('citizen_account.username', 'in', citizenNames)
        .execute()
    : [];
  const order = (name: string, list: string[]) => list.indexOf(name);
  return [
    ...staff
      .sort((a, b) => order(a.username, staffNames) - order(b.username, staffNames))
      .map((s) => ({
        username: s.username,
        displayName: s.display_name,
        kind: 'staff' as const,
        roles: roles.filter((r) => r.staff_user_id === s.id).map((r) => r.role),
        unitName: s.unit_name,
      })),
    ...citizens
      .sort((a, b) => order(a.username!, citizenNames) - order(b.username!, citizenNames))
      .map((c) => ({ username: c.username!, displayName: `${c.given_name} ${c.family_name}`, kind: 'citizen' as const, roles: ['citizen'], unitName: null })),
  ];
}
