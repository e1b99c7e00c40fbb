// A person leaves in a guarded response only when the request authorized them: the subject of an
// allowed decision, or read by the handler under one (readPeople). A response naming anyone else
// fails and commits nothing — not even the audit row of the decision it did make — where it used to
// be audited after the fact (decision 0020).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { RequestContext } from '../../server/infra/http/context.ts';
import { defineRoute, runRoute, type AnyRoute } from '../../server/infra/http/route.ts';
import { authorize } from '../../server/modules/access/access.ts';
import { readPeople, UnauthorizedPersonInResponse } from '../../server/modules/access/person-reads.ts';
import { accessGuard } from '../../server/modules/access/route-guard.ts';
import { buildAccessWorld, staffPrincipal, type AccessWorld } from '../support/access-fixture.ts';
import { testClock } from '../support/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let world: AccessWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildAccessWorld(database.db);
});
afterAll(async () => {
  await database?.drop();
});

/** Runs a guarded route as the involved professional and returns what it answered, or what it threw. */
async function run(handler: Extract<AnyRoute, { guarded: true }>['handler']): Promise<{ result?: unknown; error?: unknown; requestId: string }> {
  const requestId = randomUUID();
  const route = defineRoute({ method: 'GET', url: '/test/people', summary: 'test', tags: [], audience: 'staff', guarded: true, handler });
  const ctx: RequestContext = {
    services: { config: loadConfig({}), db: database.db, databaseKind: database.kind, clock: testClock },
    principal: await staffPrincipal(world, 'professional'), session: null, lang: 'nb', requestId,
    request: { method: 'GET', routeOptions: { url: '/test/people' }, headers: {}, body: {}, query: {}, params: {} } as never,
    reply: { sent: false } as never,
  };
  try {
    return { result: await runRoute(route, ctx, accessGuard), requestId };
  } catch (error) {
    return { error, requestId };
  }
}

const rowsOf = async (requestId: string) =>
  database.db.selectFrom('audit_event').select(['subject_id', 'reason']).where('request_id', '=', requestId).orderBy('id').execute();

describe('a guarded response names only people the request authorized', () => {
  it('the subject of an allowed decision leaves, with its audit row', async () => {
    const { result, requestId } = await run(async (ctx) => {
      await authorize(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: world.child } });
      return { person: world.child };
    });
    expect(result).toEqual({ person: world.child });
    expect((await rowsOf(requestId)).map((r) => r.subject_id)).toEqual([world.child]);
  });

  it('a person the handler read under its decision leaves, with the handler\'s reason', async () => {
    const { result, requestId } = await run(async (ctx) => {
      await authorize(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: world.child } });
      readPeople(ctx, [world.youth15], { action: 'person.read', purpose: 'follow_up', reason: 'named_for_the_test' });
      return { person: world.child, guardian: world.youth15 };
    });
    expect(result).toEqual({ person: world.child, guardian: world.youth15 });
    expect((await rowsOf(requestId)).map((r) => r.reason)).toContain('named_for_the_test');
  });

  it('anyone else makes the request fail, and nothing of it is committed', async () => {
    const { error, requestId } = await run(async (ctx) => {
      await authorize(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: world.child } });
      return { person: world.child, also: `see /barn/${world.youth16}` };
    });
    expect(error).toBeInstanceOf(UnauthorizedPersonInResponse);
    expect(await rowsOf(requestId)).toEqual([]);
  });
});
