// Migration 0021 gives every audit event its municipality, also the events written before it, which
// the hash chain had already sealed without one. An upgraded database must still verify: the
// sealed events as they were hashed, and the events after the upgrade with their municipality.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { listMigrations, migrate } from '../../server/infra/db/migrate.ts';
import { sealAuditLog, verifyAuditChain } from '../../server/modules/audit/chain.ts';
import { writeAudit, type AuditEntry } from '../../server/modules/audit/audit-log.ts';
import type { Principal } from '../../server/infra/http/context.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory' });
});
afterAll(async () => {
  await database?.close();
});

describe('the audit log gets its municipality (migration 0021)', () => {
  it('fills in the municipality of events sealed before, and the chain still verifies', async () => {
    const db = database.db;
    // The database as it was before 0021.
    await sql`CREATE TABLE schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    for (const m of listMigrations().filter((m) => m.version < 21)) {
      await sql.raw(m.sql).execute(db);
      await db.insertInto('schema_migration').values({ version: m.version, name: m.name }).execute();
    }
    const municipality = (await sql<{ id: string }>`INSERT INTO municipality (code, name) VALUES ('4999', 'Oppgradert kommune') RETURNING id`.execute(db)).rows[0]!.id;
    const person = (await sql<{ id: string }>`INSERT INTO person (municipality_id, given_name, family_name, birth_date, kind)
      VALUES (${municipality}, 'Ola', 'Oppgradert', '2019-04-01', 'child') RETURNING id`.execute(db)).rows[0]!.id;
    const event = (subject: string | null) => db.transaction().execute((trx) => sql`INSERT INTO audit_event (actor_kind, subject_kind, subject_id, action, purpose, outcome, reason)
      VALUES ('system', ${subject ? 'person' : null}, ${subject}, 'case.remind', 'follow_up', 'allowed', 'job')`.execute(trx));
    await event(person);
    await event(null);
    await event(person);
    await sealAuditLog(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, verified: 3, pending: 0 });

    // One more event, written but not sealed when the upgrade runs: it is sealed with its municipality.
    await event(person);
    expect(await migrate(db)).toContain('0021_audit_municipality.sql');
    const rows = await sql<{ municipality_id: string | null }>`SELECT municipality_id FROM audit_event ORDER BY id`.execute(db);
    expect(rows.rows.map((r) => r.municipality_id)).toEqual([municipality, null, municipality, municipality]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, verified: 3, pending: 1 });
    await event(person);
    await sealAuditLog(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, verified: 5, pending: 0 });

    // The municipality of an event sealed after the upgrade (the fourth) is part of what the chain protects.
    await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(db);
    await sql`UPDATE audit_event SET municipality_id = NULL WHERE id = (SELECT id FROM audit_event ORDER BY id OFFSET 3 LIMIT 1)`.execute(db);
    await sql`ALTER TABLE audit_event ENABLE TRIGGER USER`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, broken: { problem: 'changed' } });
  });
});

describe('each new audit event belongs to a municipality', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('a signed-in user\'s own, where their person is registered for a citizen; for Sammen itself or an anonymous caller, the subject\'s', async () => {
    const db = t.db;
    const [home, other] = await db.insertInto('municipality').values([{ code: '4601', name: 'Bjørgvin' }, { code: '4602', name: 'Nidaros' }]).returning('id').execute();
    const child = await db.insertInto('person').values({ municipality_id: other!.id, given_name: 'Ola', family_name: 'Flytta', birth_date: '2015-04-01', kind: 'child' }).returning('id').executeTakeFirstOrThrow();
    const colleague = await db.insertInto('staff_user').values({ municipality_id: other!.id, username: 'kollega', display_name: 'Kari Kollega', email: 'kari.kollega@nidaros.kommune.no' }).returning('id').executeTakeFirstOrThrow();
    const staff: Principal = {
      kind: 'staff', staffUserId: randomUUID(), username: 'helse', displayName: 'Helga Helse', municipalityId: home!.id, serviceUnitId: null, roles: ['professional'], activeRole: 'professional',
    };
    const citizen: Principal = { kind: 'citizen', accountId: randomUUID(), personId: randomUUID(), displayName: 'Kari Nordmann', municipalityId: home!.id };
    const event = (principal: Principal | null, subject: AuditEntry['subject'], extra: Partial<AuditEntry> = {}): AuditEntry => ({
      principal, action: 'person.read', purpose: 'follow_up', outcome: 'allowed', reason: 'test', subject, ...extra,
    });
    // One statement with both kinds of row, and each kind alone.
    await db.transaction().execute((trx) => writeAudit(trx, [event(staff, { kind: 'person', id: child.id }), event(null, { kind: 'person', id: child.id }, { system: true })]));
    await db.transaction().execute((trx) => writeAudit(trx, event(citizen, { kind: 'person', id: child.id })));
    await db.transaction().execute((trx) => writeAudit(trx, [event(null, { kind: 'staff', id: colleague.id }), event(null, undefined)]));
    const rows = await db.selectFrom('audit_event').select(['actor_kind', 'subject_kind', 'municipality_id']).orderBy('id').execute();
    expect(rows).toEqual([
      { actor_kind: 'staff', subject_kind: 'person', municipality_id: home!.id },
      { actor_kind: 'system', subject_kind: 'person', municipality_id: other!.id },
      { actor_kind: 'citizen', subject_kind: 'person', municipality_id: home!.id },
      { actor_kind: 'anonymous', subject_kind: 'staff', municipality_id: other!.id },
      { actor_kind: 'anonymous', subject_kind: null, municipality_id: null },
    ]);
  });
});
