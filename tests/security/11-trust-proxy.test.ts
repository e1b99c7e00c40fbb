// Item 11: forwarding headers count only from proxies the operator named (TRUST_PROXY); by default
// none. A forged X-Forwarded-Host must not pass the origin check, and a forged X-Forwarded-For must
// not become the client address in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

async function signInAuditAddress(t: TestApp, response: { statusCode: number }): Promise<(string | null)[]> {
  expect(response.statusCode).toBe(200);
  const rows = await t.database.db.selectFrom('audit_event').select(['client_ip']).where('action', '=', 'session.signIn').orderBy('id', 'desc').limit(1).execute();
  return rows.map((r) => r.client_ip);
}

describe('item 11: no proxy is trusted by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoChildren: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a cross-site sign-in that forges X-Forwarded-Host to match its Origin', async () => {
    const before = (await t.database.db.selectFrom('session').select('token_hash').execute()).length;
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/dev-login', payload: { username: 'administrator' },
      headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF');
    expect(response.cookies.find((c) => c.name === 'sammen_session')).toBeUndefined();
    expect((await t.database.db.selectFrom('session').select('token_hash').execute()).length).toBe(before);
  });

  it('records the real peer address in the audit log, not a forged X-Forwarded-For', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/dev-login', payload: { username: 'revisor' },
      remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': '203.0.113.66' },
    });
    expect(await signInAuditAddress(t, response)).toEqual(['192.0.2.10']);
  });
});

describe('item 11: an operator-named proxy is trusted', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoChildren: 0, env: { TRUST_PROXY: '192.0.2.0/24, 10.0.0.1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes the client address from the named proxy, and not from anyone else', async () => {
    const viaProxy = await t.app.inject({
      method: 'POST', url: '/api/auth/dev-login', payload: { username: 'revisor' },
      remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(await signInAuditAddress(t, viaProxy)).toEqual(['198.51.100.7']);
    const direct = await t.app.inject({
      method: 'POST', url: '/api/auth/dev-login', payload: { username: 'revisor' },
      remoteAddress: '198.51.100.99', headers: { 'x-forwarded-for': '203.0.113.66' },
    });
    expect(await signInAuditAddress(t, direct)).toEqual(['198.51.100.99']);
  });

  it('accepts the forwarded host only from the named proxy', async () => {
    const headers = { origin: 'https://sammen.fjordvik.no', 'x-forwarded-host': 'sammen.fjordvik.no', host: 'app:3000' };
    const viaProxy = await t.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username: 'revisor' }, remoteAddress: '10.0.0.1', headers });
    expect(viaProxy.statusCode).toBe(200);
    const forged = await t.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username: 'revisor' }, remoteAddress: '198.51.100.99', headers });
    expect(forged.statusCode).toBe(403);
  });
});

describe('item 11: TRUST_PROXY is explicit', () => {
  it('trusts nobody unless told, and never "everyone"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,::1, loopback' }).trustProxy).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '*' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});
