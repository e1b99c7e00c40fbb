// Item 7: a conflict or a bad request is answered 409 or 400 in the user's language, never 500, and
// changes nothing. Attacks from the review: 120 concurrent corrections of one relay-log entry, 40
// concurrent handover requests, a null byte in text, a version of 2^31, two guardians with one
// national id. The fix is central: the database's unique/exclusion violations, serialization
// failures and deadlocks become 409 in one place (infra/http/errors.ts), every integer in a request
// schema fits int4, and the route runner screens every string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { apiRoutes } from '../../server/app.ts';
import { fromDatabaseError } from '../../server/infra/http/errors.ts';
import { INT4_MAX, INT4_MIN } from '../../server/infra/http/schemas.ts';
import { syntheticNationalId } from '../../common/national-id.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';

let t: TestApp;
let henrik: Client; // fagperson.skole: holds the demo pupil's relay log
let caseId: string;
let goalKey: string;

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
const count = async (table: 'relay_log_entry' | 'relay_handover' | 'person' | 'guardianship', where?: [string, string]) => {
  let q = t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n'));
  if (where) q = q.where(where[0] as never, '=', where[1] as never);
  return (await q.executeTakeFirstOrThrow()).n;
};

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  henrik = await signedIn(t.app, 'fagperson.skole');
  const db = t.database.db;
  const holder = await db.selectFrom('staff_user').select('id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow();
  const c = await db.selectFrom('help_case').select('id').where('relay_holder_id', '=', holder.id).where('level', '=', 1).where('closed_at', 'is', null).executeTakeFirstOrThrow();
  caseId = c.id;
  goalKey = (await db.selectFrom('relay_log_entry').select('entry_key').where('case_id', '=', caseId).where('kind', '=', 'goal').executeTakeFirstOrThrow()).entry_key;
});
afterAll(async () => {
  await t?.close();
});

describe('races answer 409, never 500, and leave the data consistent', () => {
  it('120 concurrent corrections of one entry from the same version: one is written, the rest 409', async () => {
    const before = await count('relay_log_entry', ['entry_key', goalKey]);
    const responses = await Promise.all(Array.from({ length: 120 }, (_, i) => henrik.post(`/api/cases/${caseId}/entries/${goalKey}`, {
      kind: 'goal', category: 'development', title: `Leser korte tekster, rettet ${i}`, basedOnVersion: before,
    })));
    const statuses = tally(responses.map((r) => r.statusCode));
    expect(statuses[500] ?? 0).toBe(0);
    expect(statuses).toEqual({ 201: 1, 409: 119 });
    const conflict = responses.find((r) => r.statusCode === 409)!.json().error;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/Last inn på nytt/);
    const versions = await t.database.db.selectFrom('relay_log_entry').select('version').where('entry_key', '=', goalKey).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
  });

  it('40 concurrent handover requests: one pending handover, the rest 409 in the user\'s language', async () => {
    const colleagues = (await henrik.get(`/api/cases/${caseId}/colleagues`)).json().colleagues as { id: string }[];
    const holder = (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow()).id;
    const receivers = colleagues.filter((c) => c.id !== holder);
    expect(receivers.length).toBeGreaterThan(0);
    const english = await signedIn(t.app, 'fagperson.skole', 'en');
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? english : henrik).post(`/api/cases/${caseId}/handovers`, { toStaffId: receivers[i % receivers.length]!.id, message: `Forespørsel ${i}` })));
    const statuses = tally(responses.map((r) => r.statusCode));
    expect(statuses[500] ?? 0).toBe(0);
    expect(statuses).toEqual({ 201: 1, 409: 39 });
    const refusedInEnglish = responses.find((r, i) => i % 2 === 1 && r.statusCode === 409)!.json().error.message;
    expect(refusedInEnglish).toMatch(/[A-Za-z]/);
    expect(refusedInEnglish).not.toMatch(/Noen|allerede/);
    const pending = await t.database.db.selectFrom('relay_handover').select('id').where('case_id', '=', caseId).where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(1);
  });
});

describe('values the database cannot store are refused at the boundary', () => {
  it('a null byte in text is a 400 naming the field, in both a shared text field and a bare string field; nothing stored', async () => {
    const before = await count('relay_log_entry');
    const inTitle = await henrik.post(`/api/cases/${caseId}/entries`, { kind: 'strength', category: 'social', title: 'Hjelper\u0000andre' });
    expect(inTitle.statusCode).toBe(400);
    expect(inTitle.json().error.fields).toEqual([{ field: 'title', message: expect.stringMatching(/kontrolltegn/) }]);
    const inBody = await henrik.post(`/api/cases/${caseId}/entries`, { kind: 'strength', category: 'social', title: 'Hjelper andre', body: 'x\u0000y' });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error.fields).toEqual([{ field: 'body', message: expect.stringMatching(/kontrolltegn/) }]);
    expect(await count('relay_log_entry')).toBe(before);
  });

  it('a version of 2^31 is a 400 on the field, not a database overflow', async () => {
    const before = await count('relay_log_entry', ['entry_key', goalKey]);
    const correction = await henrik.post(`/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'development', title: 'Ny tekst', basedOnVersion: 2147483648 });
    expect(correction.statusCode).toBe(400);
    expect(correction.json().error.fields).toEqual([{ field: 'basedOnVersion', message: 'Verdien kan ikke være mer enn 2147483647.' }]);
    const level = await henrik.post(`/api/cases/${caseId}/level`, { toLevel: 2, reason: 'Flere tjenester trengs', version: 2147483648 });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.fields).toEqual([{ field: 'version', message: 'Verdien kan ikke være mer enn 2147483647.' }]);
    expect(await count('relay_log_entry', ['entry_key', goalKey])).toBe(before);
    const c = await t.database.db.selectFrom('help_case').select('level').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(c.level).toBe(1);
  });

  it('two guardians with one national id: refused with a message, nothing registered or linked', async () => {
    const registrar = await signedIn(t.app, 'fagperson.barnehage');
    const [people, links] = [await count('person'), await count('guardianship')];
    const guardianId = syntheticNationalId('1990-04-12', 77)!;
    const guardian = { nationalId: guardianId, givenName: 'Kari', familyName: 'Dobbel', relation: 'mother', parentalResponsibility: true };
    const response = await registrar.post('/api/people', {
      kind: 'child', givenName: 'Ola', familyName: 'Dobbel', birthDate: '2021-05-03',
      guardians: [guardian, { ...guardian, givenName: 'Kari Anne', relation: 'other' }],
    });
    expect([400, 409]).toContain(response.statusCode);
    expect(response.json().error.message).toMatch(/\S/);
    expect(await count('person')).toBe(people);
    expect(await count('guardianship')).toBe(links);
  });

  it('every integer in every request schema fits the database\'s integer', () => {
    const unbounded: string[] = [];
    const walk = (schema: unknown, path: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (s.type === 'integer') {
        const max = (s.maximum ?? s.exclusiveMaximum) as number | undefined;
        const min = (s.minimum ?? s.exclusiveMinimum) as number | undefined;
        if (max === undefined || max > INT4_MAX || min === undefined || min < INT4_MIN) unbounded.push(path);
      }
      for (const [k, v] of Object.entries(s)) {
        if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}.${k}[${i}]`));
        else if (v && typeof v === 'object') walk(v, `${path}.${k}`);
      }
    };
    for (const route of apiRoutes) {
      for (const part of ['body', 'query', 'params'] as const) {
        const schema = route[part] as z.ZodType | undefined;
        if (schema) walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), `${route.method} ${route.url} ${part}`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe('the database\'s refusals are mapped in one place', () => {
  it('unique and exclusion violations, serialization failures and deadlocks are 409; data exceptions 400', () => {
    expect(fromDatabaseError({ code: '23505' })?.status).toBe(409);
    expect(fromDatabaseError({ code: '23P01' })?.status).toBe(409);
    expect(fromDatabaseError({ code: '40001' })?.status).toBe(409);
    expect(fromDatabaseError({ code: '40P01' })?.status).toBe(409);
    expect(fromDatabaseError({ code: '22003' })?.status).toBe(400);
    expect(fromDatabaseError({ code: '22021' })?.status).toBe(400);
    expect(fromDatabaseError({ code: '42P01' })).toBeNull();
    expect(fromDatabaseError(new Error('plain'))).toBeNull();
  });

  it('a unique violation the services did not foresee is a 409 in the user\'s language through HTTP', async () => {
    // Two colleagues register the same person at once: the one who loses the race on the national id index.
    const [a, b] = await Promise.all([signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'helsesykepleier', 'en')]);
    const nationalId = syntheticNationalId('2020-02-29', 311)!;
    const body = { kind: 'child', nationalId, givenName: 'Samtidig', familyName: 'Registrert' };
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).post('/api/people', body)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses).not.toContain(500);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of responses.filter((x) => x.statusCode !== 201)) expect([400, 409]).toContain(r.statusCode);
    expect(await t.database.db.selectFrom('person').select('id').where('national_id', '=', nationalId).execute()).toHaveLength(1);
  });
});
