// Item 10: signing in always issues a new session and ends the one the browser had; a session ends
// SESSION_ABSOLUTE_HOURS after sign-in however active it is.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0, env: { SESSION_ABSOLUTE_HOURS: '2' } });
});
afterAll(async () => {
  await t?.close();
});

const sessionCookie = (c: Client) => c.cookies['sammen_session'];
async function principalWith(token: string | undefined) {
  const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: token ? { sammen_session: token } : {} });
  return response.json().principal as { displayName: string } | null;
}

describe('item 10: signing in rotates the session', () => {
  it('signing in again gives a new token and the old one no longer works', async () => {
    const browser = await signedIn(t.app, 'helsesykepleier');
    const first = sessionCookie(browser);
    expect(await principalWith(first)).not.toBeNull();
    await browser.signIn('helsesykepleier');
    const second = sessionCookie(browser);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await principalWith(first)).toBeNull();
    expect(await principalWith(second)).toMatchObject({ displayName: expect.any(String) });
    const stale = await t.app.inject({ method: 'GET', url: '/api/people', cookies: { sammen_session: first! } });
    expect(stale.statusCode).toBe(401);
  });

  it('a sign-in as someone else in the same browser ends the previous user\'s session', async () => {
    const browser = await signedIn(t.app, 'forelder');
    const parentToken = sessionCookie(browser);
    await browser.signIn('fagperson.skole');
    expect(await principalWith(parentToken)).toBeNull();
  });

  it('a token planted before sign-in is not the session after it (fixation)', async () => {
    const attacker = await signedIn(t.app, 'ungdom');
    const planted = sessionCookie(attacker)!;
    const victim = new Client(t.app);
    victim.cookies['sammen_session'] = planted;
    // The sign-in page reads the CSRF token of whatever session the browser holds, as the front end does.
    victim.csrfToken = (await victim.get('/api/auth/me')).json().csrfToken;
    await victim.signIn('fagperson.barnehage');
    expect(sessionCookie(victim)).not.toBe(planted);
    expect(await principalWith(planted)).toBeNull();
  });
});

describe('item 10: absolute lifetime', () => {
  it('ends an active session after SESSION_ABSOLUTE_HOURS, however recent its last request', async () => {
    const user = await signedIn(t.app, 'revisor');
    const token = sessionCookie(user)!;
    expect(await principalWith(token)).not.toBeNull();
    // Signed in 2 hours and a minute ago, busy until now: the idle timeout alone would keep it.
    const hash = createHash('sha256').update(token).digest('hex');
    const mine = await t.database.db.selectFrom('session').select(['token_hash', 'created_at']).where('token_hash', '=', hash).executeTakeFirstOrThrow();
    const createdAt = new Date(new Date(mine.created_at).getTime() - (2 * 60 + 1) * 60_000);
    await t.database.db.updateTable('session').set({ created_at: createdAt, last_seen_at: new Date(new Date(mine.created_at).getTime()) }).where('token_hash', '=', mine.token_hash).execute();
    expect(await principalWith(token)).toBeNull();
    expect((await user.get('/api/audit/events')).statusCode).toBe(401);
    expect(await t.database.db.selectFrom('session').select('token_hash').where('token_hash', '=', mine.token_hash).executeTakeFirst()).toBeUndefined();
  });

  it('keeps a session younger than the limit', async () => {
    const user = await signedIn(t.app, 'analytiker');
    expect(await principalWith(sessionCookie(user))).not.toBeNull();
  });

  it('is configurable, 12 hours by default, and refuses nonsense', () => {
    expect(loadConfig({}).sessionAbsoluteHours).toBe(12);
    expect(loadConfig({ SESSION_ABSOLUTE_HOURS: '8' }).sessionAbsoluteHours).toBe(8);
    expect(() => loadConfig({ SESSION_ABSOLUTE_HOURS: '0' })).toThrow();
  });
});
