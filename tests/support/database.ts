// A fresh, migrated database for one test file: in-memory PGlite, or a new database on the real
// PostgreSQL server (TEST_DB=postgres), dropped afterwards.
import pg from 'pg';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { migrate } from '../../server/infra/db/migrate.ts';

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory' });
    await migrate(database.db);
    return { ...database, drop: () => database.close() };
  }
  const name = `sammen_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, dataDir: 'memory' });
  await migrate(database.db);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      // The pool resolves its end() before every socket has closed; a forced drop would then kill a
      // closing connection and surface as an uncaught error. Wait for them to go first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await cleanup.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
