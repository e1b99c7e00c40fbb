// On PostgreSQL the app sends its statements as named prepared statements, so a connection parses
// and plans each once (docs/performance.md): without it the database repeats that work on every
// request. What PostgreSQL keeps for a connection is in its pg_prepared_statements view. PGlite,
// the embedded default, has one connection in the process and no pool to prepare on.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/infra/db/database.ts';
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

  it('can be turned off for a pooler that cannot keep them (DATABASE_PREPARED_STATEMENTS=false)', async () => {
    expect(await preparedAfterTwoReads(false)).toEqual([]);
  });
});
