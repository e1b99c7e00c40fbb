// Item 8: retries do not duplicate and updates do not overwrite. Every create accepts an
// Idempotency-Key and replays the first answer to the same user; every update names the version it
// read (If-Match or a body field) and a stale one is refused (409) with nothing changed. The route
// runner does both by declaration, so the test also checks that every create and every update
// declares it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { apiRoutes } from '../../server/app.ts';
import { writeDeclarationProblem } from '../../server/infra/http/route.ts';
import { deleteExpiredIdempotencyKeys } from '../../server/infra/http/idempotency.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';

let t: TestApp;
let henrik: Client; // fagperson.skole: holds the demo pupil's relay log
let caseId: string;
let goalKey: string;

const post = (client: Client, url: string, body: object, headers: Record<string, string> = {}) =>
  client.app.inject({ method: 'POST', url, payload: body, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken!, ...headers } });
const entriesTitled = async (prefix: string) =>
  (await t.database.db.selectFrom('relay_log_entry').select(sql<number>`count(*)::int`.as('n')).where('title', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n;
const versionsOf = async (entryKey: string) =>
  (await t.database.db.selectFrom('relay_log_entry').select(['version', 'title']).where('entry_key', '=', entryKey).orderBy('version').execute());

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  henrik = await signedIn(t.app, 'fagperson.skole');
  const db = t.database.db;
  const holder = await db.selectFrom('staff_user').select('id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow();
  caseId = (await db.selectFrom('help_case').select('id').where('relay_holder_id', '=', holder.id).where('level', '=', 1).where('closed_at', 'is', null).executeTakeFirstOrThrow()).id;
  goalKey = (await db.selectFrom('relay_log_entry').select('entry_key').where('case_id', '=', caseId).where('kind', '=', 'goal').executeTakeFirstOrThrow()).entry_key;
});
afterAll(async () => {
  await t?.close();
});

describe('a create sent twice makes one record', () => {
  it('50 pairs of the same new relay-log entry sent at once: 50 entries, and both of each pair get the same answer', async () => {
    const pairs = await Promise.all(Array.from({ length: 50 }, async (_, i) => {
      const key = `pair-${i}-${Math.random().toString(36).slice(2)}`;
      const body = { kind: 'strength', category: 'social', title: `Dobbeltklikk ${i}` };
      return Promise.all([post(henrik, `/api/cases/${caseId}/entries`, body, { 'idempotency-key': key }), post(henrik, `/api/cases/${caseId}/entries`, body, { 'idempotency-key': key })]);
    }));
    for (const [first, second] of pairs) {
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
    }
    expect(pairs.filter(([a, b]) => a.headers['idempotent-replayed'] === 'true' || b.headers['idempotent-replayed'] === 'true')).toHaveLength(50);
    expect(await entriesTitled('Dobbeltklikk ')).toBe(50);
  });

  it('a later retry with the same key replays the first answer and creates nothing', async () => {
    const body = { kind: 'strength', category: 'social', title: 'Tapt svar' };
    const first = await post(henrik, `/api/cases/${caseId}/entries`, body, { 'idempotency-key': 'lost-response-1' });
    const retry = await post(henrik, `/api/cases/${caseId}/entries`, body, { 'idempotency-key': 'lost-response-1' });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await entriesTitled('Tapt svar')).toBe(1);
  });

  it('the same key with another request is refused (422), and creates nothing', async () => {
    await post(henrik, `/api/cases/${caseId}/entries`, { kind: 'strength', category: 'social', title: 'Første' }, { 'idempotency-key': 'reused-key-1' });
    const reused = await post(henrik, `/api/cases/${caseId}/entries`, { kind: 'strength', category: 'social', title: 'Andre' }, { 'idempotency-key': 'reused-key-1', 'accept-language': 'en' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.message).toBe('This request key was already used for a different request.');
    expect(await entriesTitled('Andre')).toBe(0);
  });

  it('keys belong to one user: another user\'s same key creates their own record and never sees the first answer', async () => {
    const [a, b] = await Promise.all([signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'helsesykepleier')]);
    const body = { categories: ['health'], description: 'Virker sliten', noticedOn: '2020-01-15', ageYears: 5 };
    const first = await post(a, '/api/worries', body, { 'idempotency-key': 'shared-key-123' });
    const second = await post(b, '/api/worries', body, { 'idempotency-key': 'shared-key-123' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).not.toEqual(first.json());
  });

  it('a malformed key is a 400 naming the header', async () => {
    const response = await post(henrik, `/api/cases/${caseId}/entries`, { kind: 'strength', category: 'social', title: 'Nøkkel' }, { 'idempotency-key': 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('Idempotency-Key');
    expect(await entriesTitled('Nøkkel')).toBe(0);
  });

  it('old keys are forgotten by the background job', async () => {
    const db = t.database.db;
    await db.insertInto('idempotency_key').values({ owner: 'staff:old', key: 'old-key-000', request_hash: 'x', status: 201, response: '{}', created_at: new Date('2020-01-01T00:00:00Z') }).execute();
    await db.insertInto('idempotency_key').values({ owner: 'staff:old', key: 'new-key-000', request_hash: 'x', status: 201, response: '{}', created_at: new Date('2020-01-02T00:00:00Z') }).execute();
    await deleteExpiredIdempotencyKeys(db, new Date('2020-01-02T12:00:00Z'));
    const left = await db.selectFrom('idempotency_key').select('key').where('owner', '=', 'staff:old').execute();
    expect(left.map((k) => k.key)).toEqual(['new-key-000']);
  });
});

describe('an update names the version it read', () => {
  it('a correction without a version is refused (428) and changes nothing', async () => {
    const before = await versionsOf(goalKey);
    const response = await post(henrik, `/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'development', title: 'Uten versjon' });
    expect(response.statusCode).toBe(428);
    expect(response.json().error).toMatchObject({ code: 'PRECONDITION_REQUIRED', fields: [{ field: 'basedOnVersion', message: expect.stringMatching(/versjon/) }] });
    expect(await versionsOf(goalKey)).toEqual(before);
  });

  it('a stale version is refused (409) and changes nothing; the current one is written and answered with its ETag', async () => {
    const before = await versionsOf(goalKey);
    const current = before.length;
    const written = await post(henrik, `/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'development', title: 'Rettet fra siste versjon' }, { 'if-match': `"${current}"` });
    expect(written.statusCode).toBe(201);
    expect(written.headers.etag).toBe(`"${current + 1}"`);
    // A colleague who read the old version a minute ago:
    const stale = await post(henrik, `/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'development', title: 'Overskriver', basedOnVersion: current });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/Noen andre har endret dette/);
    const staleHeader = await post(henrik, `/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'development', title: 'Overskriver' }, { 'if-match': `"${current}"` });
    expect(staleHeader.statusCode).toBe(409);
    const after = await versionsOf(goalKey);
    expect(after).toHaveLength(current + 1);
    expect(after.map((v) => v.title)).not.toContain('Overskriver');
  });

  it('60 concurrent corrections from the same version: exactly one wins, none is silently replaced', async () => {
    const current = (await versionsOf(goalKey)).length;
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      post(henrik, `/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'development', title: `Samtidig ${i}`, basedOnVersion: current })));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(59);
    expect(await versionsOf(goalKey)).toHaveLength(current + 1);
  });

  it('the level of a case: a stale version is 409 and the level stays', async () => {
    const status = (await henrik.get(`/api/people/${(await t.database.db.selectFrom('help_case').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow()).person_id}/case-status`));
    const version = status.json().case.version as number;
    const stale = await henrik.post(`/api/cases/${caseId}/level`, { toLevel: 2, reason: 'Flere tjenester', version: version - 1 > 0 ? version - 1 : version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((await t.database.db.selectFrom('help_case').select('level').where('id', '=', caseId).executeTakeFirstOrThrow()).level).toBe(1);
  });
});

describe('the declarations cannot be forgotten', () => {
  it('every POST that creates declares idempotent, every PUT/PATCH declares versioned; the few exceptions say why', () => {
    expect(apiRoutes.map(writeDeclarationProblem).filter(Boolean)).toEqual([]);
    const creates = apiRoutes.filter((r) => r.method === 'POST' && r.status === 201);
    const updates = apiRoutes.filter((r) => r.method === 'PUT' || r.method === 'PATCH');
    expect(creates.length).toBeGreaterThan(20);
    expect(updates.length).toBeGreaterThan(5);
    const exceptions = [...creates, ...updates].filter((r) => r.retrySafe).map((r) => `${r.method} ${r.url}`).sort();
    expect(exceptions).toEqual(['POST /api/ratings/:token', 'PUT /api/auth/language', 'PUT /api/notification-settings']);
    for (const r of creates.filter((x) => !x.retrySafe)) expect(r.idempotent, `${r.method} ${r.url}`).toBe(true);
    for (const r of updates.filter((x) => !x.retrySafe)) expect(r.versioned, `${r.method} ${r.url}`).toBeDefined();
  });

  it('the runner refuses to register a create or an update without its declaration', () => {
    const base = { summary: 'x', tags: [], audience: 'staff' as const, guarded: true as const, handler: async () => ({}) };
    expect(writeDeclarationProblem({ ...base, method: 'POST', url: '/api/x', status: 201 })).toMatch(/idempotent/);
    expect(writeDeclarationProblem({ ...base, method: 'PUT', url: '/api/x/:id' })).toMatch(/versioned/);
  });
});
