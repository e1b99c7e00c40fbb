// Issue 10, item 3: the audit log cannot be rewritten by the server's database role, and a DBA who
// rewrites it anyway is caught by `npm run audit:verify`, which names the first broken event.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../server/infra/db/database.ts';
import { grantApplicationRole, UnsafeApplicationRoleError } from '../../server/infra/db/roles.ts';
import { openMigratedDatabase } from '../../server/infra/db/setup.ts';
import { enqueue, Worker } from '../../server/infra/jobs/queue.ts';
import { jobHandlers, recurringJobs } from '../../server/jobs.ts';
import { sealAuditLog, verifyAuditChain } from '../../server/modules/audit/chain.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { TEST_DB, TEST_OWNER_ROLE } from '../support/database.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let t: TestApp;
/** The database as its owner sees it: a DBA on PostgreSQL; on PGlite the one embedded user. */
let owner: Database | null = null;
const ownerDb = (): Db => owner?.db ?? t.database.db;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 6 });
  if (t.database.urls) owner = await openDatabase({ databaseUrl: t.database.urls.owner, dataDir: 'memory' });
  // Ordinary work that is audited: a professional lists the people they follow and opens one.
  const teacher = await signedIn(t.app, 'fagperson.barnehage');
  const people = (await teacher.get('/api/people')).json().people as { id: string }[];
  expect(people.length).toBeGreaterThan(0);
  await teacher.get(`/api/people/${people[0]!.id}`);
  await (await signedIn(t.app, 'forelder')).get('/api/auth/me');
});
afterAll(async () => {
  await owner?.close();
  await t?.close();
});

const sealState = () => t.database.db.selectFrom('audit_seal_state').selectAll().executeTakeFirstOrThrow();

async function unsealed(): Promise<number> {
  const { sealed_through } = await sealState();
  const row = await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('id', '>', sealed_through).executeTakeFirstOrThrow();
  return row.n;
}

/** Runs the background sealing job until every event is in the chain (other databases' open transactions on a shared server can hold it back briefly). */
async function sealEverything(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    await enqueue(t.database.db, 'audit.seal');
    await new Worker(t.database.db, jobHandlers(t.config)).drain();
    if ((await unsealed()) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the audit log did not get sealed');
}

async function eventCount(): Promise<number> {
  return (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}

/** As a DBA would: switch the append-only trigger off, do the deed, switch it on again. */
async function asOwnerBehindTheTrigger(work: (db: Db) => Promise<unknown>): Promise<void> {
  await ownerDb().transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(trx);
    await work(trx);
    await sql`ALTER TABLE audit_event ENABLE TRIGGER USER`.execute(trx);
  });
}

/** A whole event, to the microsecond (a JavaScript Date would round its time to the millisecond). */
async function rowAsJson(id: number): Promise<Record<string, unknown>> {
  const { rows } = await sql<{ row: string }>`SELECT to_jsonb(e)::text AS row FROM audit_event e WHERE e.id = ${id}`.execute(t.database.db);
  return JSON.parse(rows[0]!.row) as Record<string, unknown>;
}

async function insertRow(db: Db, row: Record<string, unknown>): Promise<void> {
  await sql`INSERT INTO audit_event SELECT * FROM jsonb_populate_record(NULL::audit_event, ${JSON.stringify(row)}::jsonb)`.execute(db);
}

function runVerifyCommand(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['server/modules/audit/verify-cli.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('item 3: tamper evidence', () => {
  it('seals every audit event into the chain, and an untouched chain verifies', async () => {
    expect(recurringJobs.map((j) => j.kind)).toContain('audit.seal');
    await sealEverything();
    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: true, verified: await eventCount(), pending: 0 });
  });

  it('names the event whose content a DBA changed, and verifies again once it is put back', async () => {
    await sealEverything();
    const victim = await t.database.db.selectFrom('audit_event').select(['id', 'occurred_at', 'actor_name']).where('actor_name', 'is not', null).orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow();
    await asOwnerBehindTheTrigger((db) => db.updateTable('audit_event').set({ actor_name: 'Noen andre' }).where('id', '=', victim.id).execute());

    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: false, broken: { id: Number(victim.id), problem: 'changed' } });
    if (!result.ok) expect(result.broken.occurredAt?.toISOString()).toBe(new Date(victim.occurred_at).toISOString());

    await asOwnerBehindTheTrigger((db) => db.updateTable('audit_event').set({ actor_name: victim.actor_name }).where('id', '=', victim.id).execute());
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('names an event a DBA removed, and one a DBA slipped in between sealed events', async () => {
    await sealEverything();
    const rows = await t.database.db.selectFrom('audit_event').select('id').orderBy('id').limit(3).execute();
    const removedId = Number(rows[1]!.id);
    const removed = await rowAsJson(removedId);
    await asOwnerBehindTheTrigger((db) => db.deleteFrom('audit_event').where('id', '=', removedId).execute());
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, broken: { id: removedId, problem: 'removed' } });
    // Put back exactly as it was (the id trigger is off, so the id is kept): the chain holds again.
    await asOwnerBehindTheTrigger((db) => insertRow(db, removed));
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);

    // A request that fails rolls its event back and leaves a gap in the ids; later events are sealed past it.
    let gap = 0;
    await t.database.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('audit_event').values({ actor_kind: 'system', action: 'test.rolledBack', purpose: 'test', outcome: 'allowed', reason: 'test' }).returning('id').executeTakeFirstOrThrow();
      gap = Number(row.id);
      throw new Error('rolled back');
    }).catch(() => undefined);
    await (await signedIn(t.app, 'fagperson.barnehage')).get('/api/people');
    await sealEverything();
    expect(Number((await sealState()).sealed_through)).toBeGreaterThan(gap);
    const forged = { ...removed, id: gap, actor_name: 'Forfalsket' };
    await asOwnerBehindTheTrigger((db) => insertRow(db, forged));
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, broken: { id: gap, problem: 'inserted' } });
    await asOwnerBehindTheTrigger((db) => db.deleteFrom('audit_event').where('id', '=', gap).execute());
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe.skipIf(TEST_DB !== 'postgres')('item 3: the server\'s database role cannot rewrite the audit log (PostgreSQL)', () => {
  it('refuses UPDATE, DELETE, TRUNCATE, trigger and table changes on audit_event to the application role, and changes nothing', async () => {
    const app = t.database.db;
    const before = await app.selectFrom('audit_event').selectAll().orderBy('id').execute();
    const first = before[0]!;
    const attacks: [string, () => Promise<unknown>][] = [
      ['update', () => app.updateTable('audit_event').set({ action: 'tampered' }).where('id', '=', first.id).execute()],
      ['delete', () => app.deleteFrom('audit_event').where('id', '=', first.id).execute()],
      ['truncate', () => sql`TRUNCATE audit_event`.execute(app)],
      ['disable trigger', () => sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(app)],
      ['disable all triggers', () => sql`ALTER TABLE audit_event DISABLE TRIGGER ALL`.execute(app)],
      ['drop trigger', () => sql`DROP TRIGGER audit_event_append_only ON audit_event`.execute(app)],
      ['replace the trigger function', () => sql`CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`.execute(app)],
      ['rename the table', () => sql`ALTER TABLE audit_event RENAME TO audit_event_old`.execute(app)],
      ['drop the table', () => sql`DROP TABLE audit_event`.execute(app)],
      ['replication role', () => sql`SET session_replication_role = replica`.execute(app)],
      ['forge a seal', () => app.insertInto('audit_chain').values({ event_id: 999_999, hash: Buffer.alloc(32) }).execute()],
      ['remove a seal', () => app.deleteFrom('audit_chain').execute()],
      ['move the seal state', () => app.updateTable('audit_seal_state').set({ sealed_through: 0 }).execute()],
      ['rewind the sequence', () => sql`SELECT setval('audit_event_id_seq', 1)`.execute(app)],
    ];
    for (const [name, attack] of attacks) {
      await expect(attack(), name).rejects.toThrow(/permission denied|must be owner/);
    }
    expect(await app.selectFrom('audit_event').selectAll().orderBy('id').execute()).toEqual(before);
    // What the server needs still works: writing events and sealing them.
    await (await signedIn(t.app, 'fagperson.barnehage')).get('/api/people');
    expect(await eventCount()).toBeGreaterThan(before.length);
    await sealEverything();
  });

  it('the verify command answers OK with the count, and names the changed row with a non-zero exit code', async () => {
    await sealEverything();
    const good = await runVerifyCommand(t.database.urls!.app);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`OK: ${await eventCount()} audit events verified`);

    const victim = await t.database.db.selectFrom('audit_event').select(['id', 'occurred_at', 'purpose']).orderBy('id', 'desc').offset(1).limit(1).executeTakeFirstOrThrow();
    await asOwnerBehindTheTrigger((db) => db.updateTable('audit_event').set({ purpose: 'changed by a DBA' }).where('id', '=', victim.id).execute());
    const bad = await runVerifyCommand(t.database.urls!.app);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`audit event ${victim.id} (${new Date(victim.occurred_at).toISOString()})`);
    await asOwnerBehindTheTrigger((db) => db.updateTable('audit_event').set({ purpose: victim.purpose }).where('id', '=', victim.id).execute());
    expect((await runVerifyCommand(t.database.urls!.app)).code).toBe(0);
  });

  it('never seals past an event that commits after a later one (commit order differs from id order)', async () => {
    await sealEverything();
    // A slow request: it writes its audit event (a lower id) and has not committed yet.
    const slow = new pg.Client({ connectionString: t.database.urls!.app });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const { rows } = await slow.query<{ id: string }>(
        "INSERT INTO audit_event (actor_kind, action, purpose, outcome, reason) VALUES ('system', 'test.slow', 'test', 'allowed', 'test') RETURNING id",
      );
      const slowId = Number(rows[0]!.id);
      // Meanwhile a quick request commits an event with a higher id, and the sealer runs.
      await (await signedIn(t.app, 'fagperson.barnehage')).get('/api/people');
      await sealAuditLog(t.database.db);
      await sealAuditLog(t.database.db);
      expect(Number((await sealState()).sealed_through)).toBeLessThan(slowId);

      await slow.query('COMMIT');
      await sealEverything();
      const sealedSlow = await t.database.db.selectFrom('audit_chain').select('event_id').where('event_id', '=', slowId).executeTakeFirst();
      expect(sealedSlow).toBeDefined();
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    } finally {
      await slow.end();
    }
  });

  it('the grant step is idempotent, the server starts on the application role alone, the owner role is refused as the server\'s, and a single-role setup is reported', async () => {
    const urls = t.database.urls!;
    // Two server processes starting together, each migrating and granting as the owner.
    const both = await Promise.all([1, 2].map(() => openMigratedDatabase({ databaseUrl: urls.app, databaseOwnerUrl: urls.owner, dataDir: 'memory' })));
    try {
      for (const split of both) {
        expect(split.applied).toEqual([]);
        expect(split.auditLogRewritable).toBe(false);
      }
    } finally {
      await Promise.all(both.map((split) => split.database.close()));
    }
    // Production may keep the owner's password away from the server: migrations by `npm run migrate`.
    const appOnly = await openMigratedDatabase({ databaseUrl: urls.app, databaseOwnerUrl: undefined, dataDir: 'memory' });
    try {
      expect(appOnly.applied).toEqual([]);
      expect(appOnly.auditLogRewritable).toBe(false);
    } finally {
      await appOnly.database.close();
    }
    const single = await openMigratedDatabase({ databaseUrl: urls.owner, databaseOwnerUrl: undefined, dataDir: 'memory' });
    try {
      expect(single.auditLogRewritable).toBe(true);
    } finally {
      await single.database.close();
    }
    await expect(grantApplicationRole(ownerDb(), TEST_OWNER_ROLE)).rejects.toThrow(UnsafeApplicationRoleError);
    await expect(t.database.db.updateTable('audit_event').set({ action: 'x' }).execute()).rejects.toThrow(/permission denied/);
  });
});
