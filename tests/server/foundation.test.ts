// The foundation as an operator and an administrator meet it: health, OpenAPI, sign-in, the
// administrator's forms and their refusals, and the auditor's view of what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { TEST_DB } from '../support/database.ts';
import { testClock } from '../support/clock.ts';
import { createServiceUnit, createStaffUser, staffForm } from '../support/factories.ts';
import { securityHeaders } from '../../server/infra/http/security-headers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
});
afterAll(async () => {
  await t?.close();
});

async function count(table: 'service_unit' | 'staff_user' | 'person' | 'audit_event'): Promise<number> {
  const row = await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

describe('operations', () => {
  it('reports health and which database it runs on', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: TEST_DB === 'postgres' ? 'postgresql' : 'pglite' });
  });

  it('logs each request once, when it is answered: method, address, status and time, no headers', async () => {
    await t.app.inject({ method: 'GET', url: '/api/health?probe=logged', headers: { cookie: 'sammen_session=not-a-session' } });
    const all = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const reqId = all.find((l) => (l.req as { url?: string } | undefined)?.url === '/api/health?probe=logged')?.reqId;
    const lines = all.filter((l) => l.reqId === reqId && ['incoming request', 'request completed'].includes(String(l.msg)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request completed', req: { method: 'GET', url: '/api/health?probe=logged' }, res: { statusCode: 200 } });
    expect(lines[0]!.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(lines[0])).not.toContain('not-a-session');
  });

  it('serves an OpenAPI document generated from the validating schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/admin/staff'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'displayName', 'email', 'serviceUnitId', 'roles']),
    );
    expect(doc.paths['/api/people/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    // Not over plain HTTP in development: a browser would keep refusing http://localhost for a year.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    // Refusals and unknown paths carry them too.
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(csp);
    expect(missing.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('asks browsers for HTTPS only in production', () => {
    expect(securityHeaders(true)['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(securityHeaders(false)['strict-transport-security']).toBeUndefined();
    expect(securityHeaders(true)['content-security-policy']).toBe(securityHeaders(false)['content-security-policy']);
  });
});

describe('sign-in', () => {
  it('signs a demo user in with a secure, HTTP-only session cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username: 'administrator' } });
    expect(response.statusCode).toBe(200);
    const cookie = (response.cookies as { name: string; httpOnly?: boolean; secure?: boolean; sameSite?: string }[]).find((c) => c.name === 'sammen_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
  });

  it('offers every role through the development sign-in', async () => {
    const users = (await t.app.inject({ method: 'GET', url: '/api/auth/dev-users' })).json().users as { roles: string[]; kind: string }[];
    const roles = new Set(users.flatMap((u) => u.roles));
    for (const role of ['professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake', 'coordinating_unit', 'sbu_coordinator', 'analyst', 'administrator', 'auditor', 'citizen']) {
      expect(roles, role).toContain(role);
    }
  });

  it('refuses an unknown username with a message in the user\'s language', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username: 'finnes.ikke' }, headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Sign-in failed. Check the username and try again.');
  });

  it('answers in the language the page is shown in, over the cookie and the browser\'s preference', async () => {
    const headers = { 'accept-language': 'en', cookie: 'sammen_lang=nn', 'x-sammen-language': 'nb' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username: 'finnes.ikke' }, headers });
    expect(refused.json().error.message).toBe('Innloggingen mislyktes. Sjekk brukernavnet og prøv igjen.');
    // What the browser remembers is still reported, so the web can set the cookie to its own language.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.json().language).toBe('nn');
    const firstVisit = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en', 'x-sammen-language': 'nb' } });
    expect(firstVisit.json().language).toBe('en');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = await signedIn(t.app, 'administrator');
    admin.csrfToken = null;
    const before = await count('service_unit');
    const response = await admin.post('/api/admin/service-units', { name: 'Uten token barnehage', typeCode: 'kindergarten' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF');
    expect(await count('service_unit')).toBe(before);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/dev-login', payload: { username: 'administrator' },
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('ends a session that has been idle longer than the timeout', async () => {
    const user = await signedIn(t.app, 'revisor');
    expect((await user.get('/api/auth/me')).json().principal).not.toBeNull();
    await t.database.db.updateTable('session').set({ last_seen_at: new Date(testClock.now().getTime() - (t.config.sessionIdleMinutes + 1) * 60_000) }).execute();
    expect((await user.get('/api/auth/me')).json().principal).toBeNull();
    expect((await user.get('/api/admin/staff')).statusCode).toBe(401);
  });

  it('signs out', async () => {
    const user = await signedIn(t.app, 'analytiker');
    expect((await user.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).json().principal).toBeNull();
  });

  it('switches to another role the user holds, and refuses one they do not', async () => {
    const leader = await signedIn(t.app, 'teamleder');
    const me = (await leader.get('/api/auth/me')).json();
    expect(me.principal.roles).toEqual(expect.arrayContaining(['team_leader', 'team_member']));
    expect((await leader.post('/api/auth/role', { role: 'team_member' })).statusCode).toBe(200);
    expect((await leader.get('/api/auth/me')).json().principal.activeRole).toBe('team_member');
    expect((await leader.post('/api/auth/role', { role: 'administrator' })).statusCode).toBe(400);
  });
});

describe('the development sign-in in production', () => {
  it('is off unless explicitly enabled', async () => {
    const prod = await startTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const response = await prod.app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { username: 'administrator' } });
      expect(response.statusCode).toBe(404);
      expect((await prod.app.inject({ method: 'GET', url: '/api/auth/me' })).json().signIn.dev).toBe(false);
    } finally {
      await prod.close();
    }
  });
});

describe('an administrator keeps the organisation', () => {
  let admin: Client;
  /** The unit the staff users below work in, made by the administrator as the first test below does. */
  let unit: { id: string; name: string };
  beforeAll(async () => {
    admin = await signedIn(t.app, 'administrator');
    unit = await createServiceUnit(admin, 'Kvitveis barnehage');
  });

  it('adds a service unit', async () => {
    const response = await admin.post('/api/admin/service-units', { name: 'Blåklokka barnehage', typeCode: 'kindergarten', area: 'Nord' });
    expect(response.statusCode).toBe(201);
    const unitId = response.json().id;
    const units = (await admin.get('/api/service-units')).json().units as { id: string; name: string; typeName: string }[];
    expect(units.find((u) => u.id === unitId)).toMatchObject({ name: 'Blåklokka barnehage', typeName: 'Barnehage' });
  });

  it('refuses an empty name and a duplicate, and changes nothing', async () => {
    const before = await count('service_unit');
    const empty = await admin.post('/api/admin/service-units', { name: '   ', typeCode: 'kindergarten' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([{ field: 'name', message: 'Feltet må fylles ut.' }]);
    const duplicate = await admin.post('/api/admin/service-units', { name: 'kvitveis BARNEHAGE', typeCode: 'kindergarten' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields).toEqual([{ field: 'name', message: 'Det finnes allerede en tjenesteenhet med dette navnet.' }]);
    expect(await count('service_unit')).toBe(before);
  });

  it('edits a unit, and detects an edit made on a stale version', async () => {
    const edited = await createServiceUnit(admin, 'Hestehoven barnehage');
    const body = { name: edited.name, typeCode: 'kindergarten', area: 'Sør', active: true, version: 1 };
    expect((await admin.put(`/api/admin/service-units/${edited.id}`, body)).json()).toMatchObject({ version: 2 });
    const stale = await admin.put(`/api/admin/service-units/${edited.id}`, { ...body, area: 'Nord' });
    expect(stale.statusCode).toBe(409);
  });

  it('extends the list of unit types', async () => {
    const response = await admin.post('/api/admin/service-unit-types', { code: 'family_house', nameNb: 'Familiens hus', nameNn: 'Familiens hus', nameEn: 'Family centre' });
    expect(response.statusCode).toBe(201);
    const types = (await new Client(t.app, 'en').signIn('administrator').then((c) => c.get('/api/service-unit-types'))).json().types;
    expect(types).toContainEqual({ code: 'family_house', name: 'Family centre', builtIn: false });
  });

  const staffBody = () => staffForm('nora.vik', 'Nora Vik', unit.id, '1990-05-17');

  it('refuses a staff user with an invalid national id, an empty name or no role, and stores nothing', async () => {
    const before = await count('staff_user');
    const audits = await count('audit_event');
    const badId = await admin.post('/api/admin/staff', { ...staffBody(), nationalId: '12345678901' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toEqual([{ field: 'nationalId', message: expect.stringContaining('kontrollsiffer') }]);
    const emptyName = await admin.post('/api/admin/staff', { ...staffBody(), displayName: '' });
    expect(emptyName.json().error.fields).toEqual([{ field: 'displayName', message: 'Feltet må fylles ut.' }]);
    const noRole = await admin.post('/api/admin/staff', { ...staffBody(), roles: [] });
    expect(noRole.json().error.fields).toEqual([{ field: 'roles', message: 'Velg minst én rolle.' }]);
    expect(await count('staff_user')).toBe(before);
    expect(await count('audit_event')).toBe(audits);
  });

  it('gives the messages in nynorsk and English too', async () => {
    const nn = await new Client(t.app, 'nn').signIn('administrator');
    const response = await nn.post('/api/admin/staff', { ...staffBody(), displayName: '' });
    expect(response.json().error.fields[0].message).toBe('Feltet må fyllast ut.');
    const en = await new Client(t.app, 'en').signIn('administrator');
    expect((await en.post('/api/admin/staff', { ...staffBody(), nationalId: '31029912345' })).json().error.fields[0].message).toMatch(/check digits|valid date/);
  });

  it('adds a staff user who can then sign in', async () => {
    const response = await admin.post('/api/admin/staff', staffBody());
    expect(response.statusCode).toBe(201);
    const created = (await admin.get(`/api/admin/staff/${response.json().id}`)).json();
    expect(created).toMatchObject({ username: 'nora.vik', roles: ['professional'], unitName: 'Kvitveis barnehage' });
    const nora = await signedIn(t.app, 'nora.vik');
    expect((await nora.get('/api/auth/me')).json().principal).toMatchObject({ displayName: 'Nora Vik', activeRole: 'professional' });
  });

  it('refuses a duplicate username, e-mail and national id', async () => {
    const existing = staffForm('siri.aas', 'Siri Aas', unit.id, '1987-03-12');
    await createStaffUser(admin, existing);
    const before = await count('staff_user');
    const dupUser = await admin.post('/api/admin/staff', { ...existing, email: 'annen@fjordvik.kommune.no', nationalId: '' });
    expect(dupUser.json().error.fields).toEqual([{ field: 'username', message: 'Brukernavnet er allerede i bruk.' }]);
    const dupEmail = await admin.post('/api/admin/staff', { ...existing, username: 'siri.aas2', email: 'SIRI.AAS@fjordvik.kommune.no', nationalId: '' });
    expect(dupEmail.json().error.fields).toEqual([{ field: 'email', message: 'E-postadressen er allerede i bruk.' }]);
    const dupId = await admin.post('/api/admin/staff', { ...existing, username: 'siri.aas3', email: 'sa3@fjordvik.kommune.no' });
    expect(dupId.json().error.fields).toEqual([{ field: 'nationalId', message: 'Det finnes allerede en person med dette fødselsnummeret.' }]);
    expect(await count('staff_user')).toBe(before);
  });

  it('never writes a national identity number to the server log', async () => {
    const form = staffForm('logg.test', 'Leif Logg', unit.id, '1979-11-23');
    const nationalId = form.nationalId;
    await admin.post('/api/admin/staff', form);
    await admin.get(`/api/admin/staff?nationalId=${nationalId}`);
    expect(t.logs.join('\n')).not.toContain(nationalId);
    expect(t.logs.length).toBeGreaterThan(0);
  });

  it('the auditor sees the administrator\'s reads and writes; the administrator cannot search the log', async () => {
    const staffId = await createStaffUser(admin, staffForm('oda.lie', 'Oda Lie', unit.id, '1984-09-30'));
    expect((await admin.get(`/api/admin/staff/${staffId}`)).statusCode).toBe(200);
    expect((await admin.get('/api/audit/events')).statusCode).toBe(403);
    const auditor = await signedIn(t.app, 'revisor');
    const events = (await auditor.get('/api/audit/events?q=Oda')).json().events as { action: string; actorName: string; actorRole: string; subjectName: string; outcome: string }[];
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['staff.create', 'staff.read']));
    expect(events.find((e) => e.action === 'staff.create')).toMatchObject({ actorRole: 'administrator', subjectName: 'Oda Lie', outcome: 'allowed' });
    const unitEvents = (await auditor.get('/api/audit/events?action=serviceUnit.create')).json().events;
    expect(unitEvents.length).toBeGreaterThanOrEqual(1);
    const denied = (await auditor.get('/api/audit/events?outcome=denied&action=audit.search')).json().events;
    expect(denied.length).toBeGreaterThanOrEqual(1);
  });
});
