// On PostgreSQL the app sends its statements as named prepared statements, so a connection parses
// and plans each once (docs/performance.md): without it the database repeats that work on every
// request. What PostgreSQL keeps for a connection is in its pg_prepared_statements view. PGlite,
// the embedded default, has one connection in the process and no pool to prepare on.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/infra/db/database.ts';
import type { Principal } from '../../server/infra/http/context.ts';
import { writeAudit, type AuditEntry } from '../../server/modules/audit/audit-log.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

/** What one connection of this database keeps prepared after asking for a municipality twice. */
async function preparedAfterTwoReads(preparedStatements: boolean) {
  const database = await openDatabase({ databaseUrl: t.urls!.app, dataDir: 'memory', preparedStatements });
  try {
    return await database.db.connection().execute(async (connection) => {
      for (let i = 0; i < 2; i++) {
        await connection.selectFrom('municipality').select('id').where('name', '=', `Nowhere ${i}`).execute();
      }
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(connection);
      return rows.map((row) => row.statement);
    });
  } finally {
    await database.close();
  }
}

describe.skipIf(TEST_DB !== 'postgres')('prepared statements', () => {
  it('a statement with parameters is parsed once per connection and reused, whatever its values', async () => {
    const prepared = await preparedAfterTwoReads(true);
    expect(prepared.filter((statement) => statement.includes('from "municipality"'))).toHaveLength(1);
    // Statements without parameters (BEGIN, COMMIT, the view just read) are sent as they are.
    expect(prepared).toHaveLength(1);
  });

  it('keeps one plan for the audit rows of a signed-in user\'s request, however many rows it writes', async () => {
    // Every guarded request ends with this insert. PostgreSQL keeps a statement's generic plan only
    // when it costs no more than planning afresh with the values; a lookup per row made it plan the
    // insert again on every request, a third of the database's time on Min side (docs/performance.md).
    const database = await openDatabase({ databaseUrl: t.urls!.app, dataDir: 'memory' });
    try {
      const municipality = await database.db.insertInto('municipality').values({ code: '4601', name: 'Bjørgvin' }).returning('id').executeTakeFirstOrThrow();
      const principal: Principal = {
        kind: 'citizen', accountId: randomUUID(), personId: randomUUID(), displayName: 'Kari Nordmann', municipalityId: municipality.id,
      };
      const entry = (): AuditEntry => ({
        principal, action: 'person.list', purpose: 'self_service', outcome: 'allowed', reason: 'listed', subject: { kind: 'person', id: randomUUID() },
      });
      const plans = await database.db.connection().execute(async (connection) => {
        for (const rows of [1, 2, 3, 1, 2, 5, 1, 2, 50, 1]) {
          await connection.transaction().execute((trx) => writeAudit(trx, Array.from({ length: rows }, entry)));
        }
        const { rows } = await sql<{ generic_plans: number; custom_plans: number }>`
          SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE 'insert into "audit_event"%'`.execute(connection);
        return rows;
      });
      // The first five executions are always planned with their values; after that, the generic plan.
      expect(plans).toEqual([{ generic_plans: 5, custom_plans: 5 }]);
    } finally {
      await database.close();
    }
  });

  it('can be turned off for a pooler that cannot keep them (DATABASE_PREPARED_STATEMENTS=false)', async () => {
    expect(await preparedAfterTwoReads(false)).toEqual([]);
  });
});
