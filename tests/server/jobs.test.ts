// Background work shared by several server processes: every job runs once, a scheduled slot is
// created once however many processes schedule it, and the session clean-up removes idle sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../server/infra/db/types.ts';
import { enqueue, enqueueAll, scheduleRecurring, Worker } from '../../server/infra/jobs/queue.ts';
import { createSession } from '../../server/infra/auth/session.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { jobHandlers } from '../../server/jobs.ts';
import { loadConfig } from '../../server/config.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/clock.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** A second "process": its own connection pool to the same database (on the real server). */
async function secondProcess(): Promise<Kysely<DB> | null> {
  if (TEST_DB !== 'postgres') return null;
  // As the application role, like the server process it stands for.
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.urls!.app, max: 4 }) }) });
}

describe('job queue', () => {
  it('runs every job exactly once when two workers drain together', async () => {
    const seen: number[] = [];
    const handler = async (_db: unknown, payload: unknown) => {
      seen.push((payload as { n: number }).n);
      await new Promise((r) => setTimeout(r, 2));
    };
    for (let n = 0; n < 40; n++) await enqueue(database.db, 'test.count', { n });
    const other = await secondProcess();
    const a = new Worker(database.db, { 'test.count': handler });
    const b = new Worker(other ?? database.db, { 'test.count': handler });
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
    await other?.destroy();
    expect(ranA + ranB).toBe(40);
    expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('adds a reminder with the same key only once', async () => {
    expect(await enqueue(database.db, 'test.remind', {}, { dedupeKey: 'remind:measure-1:2026-12-01' })).toBe(true);
    expect(await enqueue(database.db, 'test.remind', {}, { dedupeKey: 'remind:measure-1:2026-12-01' })).toBe(false);
    const rows = await database.db.selectFrom('job').select('id').where('dedupe_key', '=', 'remind:measure-1:2026-12-01').execute();
    expect(rows).toHaveLength(1);
  });

  it('queues several jobs in one go, each key once, and says which were new', async () => {
    expect(await enqueue(database.db, 'test.batch', {}, { dedupeKey: 'batch:used' })).toBe(true);
    const answers = await enqueueAll(database.db, [
      { kind: 'test.batch', payload: { n: 1 }, options: { dedupeKey: 'batch:a' } },
      { kind: 'test.batch', payload: { n: 2 }, options: { dedupeKey: 'batch:a' } },
      { kind: 'test.batch', payload: { n: 3 } },
      { kind: 'test.batch', payload: { n: 4 }, options: { dedupeKey: 'batch:used', maxAttempts: 2 } },
    ]);
    expect(answers).toEqual([true, false, true, false]);
    const rows = await database.db.selectFrom('job').select(['dedupe_key', 'payload']).where('kind', '=', 'test.batch').orderBy('id').execute();
    expect(rows).toEqual([{ dedupe_key: 'batch:used', payload: {} }, { dedupe_key: 'batch:a', payload: { n: 1 } }, { dedupe_key: null, payload: { n: 3 } }]);
  });

  it('creates one job per recurring slot even when every process schedules it', async () => {
    const now = new Date('2026-11-23T10:07:00Z');
    const other = await secondProcess();
    await Promise.all([
      scheduleRecurring(database.db, [{ kind: 'test.nightly', everyMs: 3_600_000 }], now),
      scheduleRecurring(other ?? database.db, [{ kind: 'test.nightly', everyMs: 3_600_000 }], now),
      scheduleRecurring(database.db, [{ kind: 'test.nightly', everyMs: 3_600_000 }], now),
    ]);
    await other?.destroy();
    const rows = await database.db.selectFrom('job').select('id').where('kind', '=', 'test.nightly').execute();
    expect(rows).toHaveLength(1);
  });

  it('retries a failing job later and gives up after its last attempt', async () => {
    await enqueue(database.db, 'test.fail', {}, { maxAttempts: 2 });
    const worker = new Worker(database.db, { 'test.fail': async () => { throw new Error('SMTP unreachable'); } });
    expect(await worker.drain()).toBe(1);
    const afterFirst = await database.db.selectFrom('job').selectAll().where('kind', '=', 'test.fail').executeTakeFirstOrThrow();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP unreachable' });
    expect(await worker.drain(new Date(testClock.now().getTime() + 3_600_000))).toBe(1);
    const afterSecond = await database.db.selectFrom('job').selectAll().where('kind', '=', 'test.fail').executeTakeFirstOrThrow();
    expect(afterSecond.status).toBe('failed');
  });

  it('the session clean-up job removes sessions idle past the timeout and keeps active ones', async () => {
    await generateDemoData(database.db, { children: 5 });
    const staff = await database.db.selectFrom('staff_user').select('id').limit(2).execute();
    await createSession(database.db, { staffUserId: staff[0]!.id, activeRole: 'professional' }, testClock.now());
    await createSession(database.db, { staffUserId: staff[1]!.id, activeRole: 'professional' }, testClock.now());
    await database.db.updateTable('session').set({ last_seen_at: new Date(testClock.now().getTime() - 3 * 3_600_000) }).where('staff_user_id', '=', staff[0]!.id).execute();
    await enqueue(database.db, 'sessions.cleanup');
    await new Worker(database.db, jobHandlers(loadConfig({}))).drain();
    const left = await database.db.selectFrom('session').select('staff_user_id').execute();
    expect(left.map((s) => s.staff_user_id)).toEqual([staff[1]!.id]);
  });
});
