// The request's handle refuses personal data until a decision in the request allowed something, and a
// plain route's handle never gives any (decision 0039). A handler that reads first fails with 500 and
// commits nothing, whatever it did before; a denied decision does not open the gate. Jobs read on a
// handle named after the job, and the name is the actor of the system rows it writes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../server/app.ts';
import { defineRoute, type AnyRoute } from '../../server/infra/http/route.ts';
import { AccessDenied, authorize } from '../../server/modules/access/access.ts';
import { PERSONAL_DATA, systemHandle } from '../../server/modules/access/gate.ts';
import { systemReads } from '../../server/modules/access/person-reads.ts';
import { buildAccessWorld, type AccessWorld } from '../support/access-fixture.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';

const Params = z.object({ id: z.uuid() });
const READ = { action: 'person.read', purpose: 'follow_up' } as const;

/** Marks the caller's own staff row (organisation data, open to anyone) so a rollback can be seen. */
async function touchOwnRow(ctx: { trx: import('../../server/infra/db/database.ts').Tx; principal: unknown }, mark: string) {
  const me = ctx.principal as { staffUserId: string };
  await ctx.trx.updateTable('staff_user').set({ display_name: mark }).where('id', '=', me.staffUserId).execute();
}

const testRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST', url: '/api/test-only/gate/reads-first/:id', summary: 'test only', tags: ['test'], audience: 'staff', guarded: true, retrySafe: 'test only', params: Params,
    handler: async (ctx, { params }) => {
      await touchOwnRow(ctx, 'reads-first');
      const person = await ctx.trx.selectFrom('person').select('given_name').where('id', '=', params.id).executeTakeFirst();
      await authorize(ctx, { ...READ, subject: { kind: 'person', id: params.id } });
      return { person: params.id, givenName: person?.given_name ?? null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/test-only/gate/raw-first/:id', summary: 'test only', tags: ['test'], audience: 'staff', guarded: true, retrySafe: 'test only', params: Params,
    handler: async (ctx, { params }) => {
      const found = await sql<{ given_name: string }>`select given_name from person where id = ${params.id}`.execute(ctx.trx);
      await authorize(ctx, { ...READ, subject: { kind: 'person', id: params.id } });
      return { person: params.id, givenName: found.rows[0]?.given_name ?? null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/test-only/gate/decides-first/:id', summary: 'test only', tags: ['test'], audience: 'staff', guarded: true, retrySafe: 'test only', params: Params,
    handler: async (ctx, { params }) => {
      await touchOwnRow(ctx, 'decides-first');
      await authorize(ctx, { ...READ, subject: { kind: 'person', id: params.id } });
      const person = await ctx.trx.selectFrom('person').select('given_name').where('id', '=', params.id).executeTakeFirstOrThrow();
      return { person: params.id, givenName: person.given_name };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/test-only/gate/denied-then-reads/:id', summary: 'test only', tags: ['test'], audience: 'staff', guarded: true, retrySafe: 'test only', params: Params,
    handler: async (ctx, { params }) => {
      try {
        await authorize(ctx, { ...READ, subject: { kind: 'person', id: params.id } });
        throw new Error('the test needs a person the caller may not read');
      } catch (error) {
        if (!(error instanceof AccessDenied)) throw error;
      }
      const person = await ctx.trx.selectFrom('person').select('given_name').where('id', '=', params.id).executeTakeFirst();
      return { givenName: person?.given_name ?? null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/test-only/gate/decides-nothing', summary: 'test only', tags: ['test'], audience: 'staff', guarded: true, retrySafe: 'test only',
    handler: async (ctx) => {
      await touchOwnRow(ctx, 'decides-nothing');
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/test-only/gate/plain-cases', summary: 'test only', tags: ['test'], audience: 'staff', guarded: false,
    handler: async (ctx) => {
      const cases = await ctx.services.db.selectFrom('help_case').select('id').execute();
      return { cases: cases.length };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/test-only/gate/plain-units', summary: 'test only', tags: ['test'], audience: 'staff', guarded: false,
    handler: async (ctx) => {
      const units = await ctx.services.db.selectFrom('service_unit').select('id').execute();
      return { units: units.length };
    },
  }),
];

let t: TestApp;
let world: AccessWorld;
let professional: Client;

beforeAll(async () => {
  // Registered into this test's app only, and taken out of the list again at once.
  apiRoutes.push(...testRoutes);
  try {
    t = await startTestApp();
  } finally {
    for (const route of testRoutes) apiRoutes.splice(apiRoutes.indexOf(route), 1);
  }
  world = await buildAccessWorld(t.database.db);
  professional = await signedIn(t.app, 't.professional');
});
afterAll(async () => {
  await t?.close();
});

const ownName = async () => (await t.database.db.selectFrom('staff_user').select('display_name').where('id', '=', world.staffByRole.professional).executeTakeFirstOrThrow()).display_name;
const rowsAbout = async (personId: string) =>
  Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).where('subject_id', '=', personId).where('outcome', '=', 'allowed').executeTakeFirstOrThrow()).n);
const logged = (text: string) => t.logs.some((line) => line.includes(text));

describe('a guarded request\'s handle', () => {
  it('refuses a read of a person before any decision: 500, and nothing of the request is committed', async () => {
    const [nameBefore, rowsBefore] = [await ownName(), await rowsAbout(world.child)];
    const response = await professional.post(`/api/test-only/gate/reads-first/${world.child}`);
    expect(response.statusCode, response.body).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(response.body).not.toContain(world.child);
    expect(await ownName()).toBe(nameBefore);
    expect(await rowsAbout(world.child)).toBe(rowsBefore);
    expect(logged('POST /api/test-only/gate/reads-first/:id read person before an access decision allowed anything')).toBe(true);
  });

  it('refuses raw SQL naming a personal table before any decision', async () => {
    const response = await professional.post(`/api/test-only/gate/raw-first/${world.child}`);
    expect(response.statusCode, response.body).toBe(500);
    expect(logged('POST /api/test-only/gate/raw-first/:id read person before an access decision allowed anything')).toBe(true);
  });

  it('reads the person after an allowed decision, with its audit row', async () => {
    const rowsBefore = await rowsAbout(world.child);
    const response = await professional.post(`/api/test-only/gate/decides-first/${world.child}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ person: world.child, givenName: expect.any(String) });
    expect(await ownName()).toBe('decides-first');
    expect(await rowsAbout(world.child)).toBe(rowsBefore + 1);
  });

  it('stays shut after a denied decision', async () => {
    // The pregnant woman is followed by the health station, not by the kindergarten's professional.
    const response = await professional.post(`/api/test-only/gate/denied-then-reads/${world.pregnant}`);
    expect(response.statusCode, response.body).toBe(500);
    expect(logged('POST /api/test-only/gate/denied-then-reads/:id read person before an access decision allowed anything')).toBe(true);
  });

  it('leaves the runner\'s own check for a route that touches no personal data and decides nothing', async () => {
    const nameBefore = await ownName();
    const response = await professional.post('/api/test-only/gate/decides-nothing');
    expect(response.statusCode, response.body).toBe(500);
    expect(await ownName()).toBe(nameBefore);
    expect(logged('POST /api/test-only/gate/decides-nothing is guarded but made no access decision')).toBe(true);
  });
});

describe('a plain route\'s handle', () => {
  it('gives no personal data at all', async () => {
    const response = await professional.get('/api/test-only/gate/plain-cases');
    expect(response.statusCode, response.body).toBe(500);
    expect(logged('GET /api/test-only/gate/plain-cases read help_case, and a plain route gets no personal data')).toBe(true);
  });

  it('still reads the organisation', async () => {
    const response = await professional.get('/api/test-only/gate/plain-units');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().units).toBeGreaterThan(0);
  });
});

describe('what is personal data', () => {
  it('every table that reaches a person through foreign keys is called personal, or says why it names no one', async () => {
    const edges = await sql<{ from: string; to: string }>`
      select c.conrelid::regclass::text as "from", c.confrelid::regclass::text as "to"
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(t.database.db);
    const reaches = new Set(['person']);
    for (let grew = true; grew;) {
      grew = false;
      for (const { from, to } of edges.rows) {
        if (reaches.has(to) && !reaches.has(from)) {
          reaches.add(from);
          grew = true;
        }
      }
    }
    // They reach a person's record only to say which meeting or audit row they belong to.
    const namesNoOne = new Set(['audit_chain', 'system_report_delivery']);
    const unclassified = [...reaches].filter((table) => !namesNoOne.has(table) && !PERSONAL_DATA[table as keyof typeof PERSONAL_DATA]);
    expect(unclassified).toEqual([]);
  });
});

describe('a job\'s handle', () => {
  it('names the job as the actor of the system rows it writes', async () => {
    await systemHandle(t.database.db, 'test.gate').transaction().execute((trx) =>
      systemReads(trx).read(world.child, { action: 'notification.remind', purpose: 'follow_up', reason: 'test' }));
    const row = await t.database.db.selectFrom('audit_event').select(['actor_kind', 'actor_name']).where('subject_id', '=', world.child).where('reason', '=', 'test').executeTakeFirstOrThrow();
    expect(row).toEqual({ actor_kind: 'system', actor_name: 'test.gate' });
  });
});
