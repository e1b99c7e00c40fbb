// Item 6: sign-in cannot be brute-forced, does not tell known usernames from unknown ones, and the
// development sign-in opens only the demo users — not a real staff member an administrator added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { SIGN_IN_LIMITS } from '../../server/modules/identity/limits.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0 });
});
afterAll(async () => {
  await t?.close();
});

function devLogin(username: string, remoteAddress: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username }, remoteAddress, headers });
}

const sessions = async () => (await t.database.db.selectFrom('session').select('token_hash').execute()).length;

describe('item 6: the development sign-in opens only the demo users', () => {
  it('refuses a real staff member added by the administrator, with the answer an unknown name gets', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const unit = await t.database.db.selectFrom('service_unit').select('id').executeTakeFirstOrThrow();
    const created = await admin.post('/api/admin/staff', {
      username: 'ekte.ansatt', displayName: 'Ekte Ansatt', email: 'ekte.ansatt@fjordvik.kommune.no', serviceUnitId: unit.id,
      roles: ['professional'], title: 'Lærer', nationalId: '',
    });
    expect(created.statusCode).toBe(201);
    const before = await sessions();
    const real = await devLogin('ekte.ansatt', '10.6.0.1');
    const unknown = await devLogin('finnes.ikke', '10.6.0.2');
    expect(real.statusCode).toBe(401);
    expect(real.cookies.find((c) => c.name === 'sammen_session')).toBeUndefined();
    expect(await sessions()).toBe(before);
    // One answer, whether or not the username exists.
    expect(unknown.statusCode).toBe(real.statusCode);
    expect(unknown.body).toBe(real.body);
    expect(real.json().error).toMatchObject({ code: 'SIGN_IN_FAILED', message: 'Innloggingen mislyktes. Sjekk brukernavnet og prøv igjen.' });
  });

  it('still signs a demo user in', async () => {
    expect((await devLogin('forelder', '10.6.0.3')).statusCode).toBe(200);
  });
});

describe('item 6: brute force', () => {
  it('answers 429, translated, after the allowed failures from one address, also for a valid user', async () => {
    const address = '10.6.1.1';
    const answers: number[] = [];
    for (let i = 0; i < 40; i++) answers.push((await devLogin(`gjetning.${i}`, address)).statusCode);
    expect(answers.slice(0, SIGN_IN_LIMITS.failures)).toEqual(Array(SIGN_IN_LIMITS.failures).fill(401));
    expect(answers.slice(SIGN_IN_LIMITS.failures)).toEqual(Array(40 - SIGN_IN_LIMITS.failures).fill(429));
    const blocked = await devLogin('administrator', address, { 'accept-language': 'en' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^Too many sign-in attempts\. Wait \d+ minutes/) });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await devLogin('administrator', '10.6.1.2')).statusCode).toBe(200);
  });

  it('a forged X-Forwarded-For does not give an attacker a fresh address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) {
      answers.push((await devLogin(`forfalsket.${i}`, '10.6.2.1', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
    }
    expect(answers.filter((s) => s === 429)).toHaveLength(20 - SIGN_IN_LIMITS.failures);
  });

  it('limits failures per username across addresses, with the same answer for existing and unknown names', async () => {
    for (const name of ['ekte.ansatt', 'finnes.heller.ikke']) {
      const answers: number[] = [];
      for (let i = 0; i < SIGN_IN_LIMITS.failures + 2; i++) answers.push((await devLogin(name, `10.6.3.${i}`)).statusCode);
      expect(answers.slice(SIGN_IN_LIMITS.failures)).toEqual([429, 429]);
    }
  });

  it('limits every sign-in request from one address, successful or not', async () => {
    const answers: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.attemptsPerMinute + 5; i++) answers.push((await devLogin('forelder', '10.6.4.1')).statusCode);
    expect(answers.filter((s) => s === 200)).toHaveLength(SIGN_IN_LIMITS.attemptsPerMinute);
    expect(answers.at(-1)).toBe(429);
  });

  it('limits the OpenID Connect routes, where codes are exchanged for tokens', async () => {
    const answers: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.attemptsPerMinute + 5; i++) {
      answers.push((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/citizen/callback?code=x&state=y', remoteAddress: '10.6.5.1' })).statusCode);
    }
    expect(answers.at(-1)).toBe(429);
  });
});
