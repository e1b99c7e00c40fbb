// Sessions for the benchmarks, made in the database directly.
import type { Db } from '../../server/infra/db/database.ts';
import { createSession, loadStaffPrincipal, SESSION_COOKIE, type SessionSubject } from '../../server/infra/auth/session.ts';
import { findByUsername } from '../../server/modules/identity/service.ts';
import type { StaffRole } from '../../common/roles.ts';

/**
 * A session as the identity provider's callback would make it (the development sign-in opens only
 * the demo log-ins): the app's own session row, cookie and CSRF token.
 */
export async function signIn(db: Db, username: string, role?: StaffRole): Promise<Record<string, string>> {
  const target = await findByUsername(db, username);
  if (!target) throw new Error(`no active user ${username}`);
  let subject: SessionSubject;
  if (target.kind === 'citizen') subject = { citizenAccountId: target.accountId };
  else {
    const principal = await loadStaffPrincipal(db, target.staffUserId, role ?? null);
    if (principal?.kind !== 'staff') throw new Error(`${username} has no role`);
    if (role && principal.activeRole !== role) throw new Error(`${username} does not hold the role ${role}`);
    subject = { staffUserId: target.staffUserId, activeRole: principal.activeRole };
  }
  const { token, csrfToken } = await createSession(db, subject, new Date());
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken };
}
