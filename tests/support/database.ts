// A fresh, migrated database for one test file: in-memory PGlite, or a new database on the real
// PostgreSQL server (TEST_DB=postgres), dropped afterwards. On PostgreSQL the database belongs to an
// owner role that runs the migrations, and the app gets a connection as the application role, as
// in production (decision 0011): every server test thereby shows the app works with those rights.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { migrate } from '../../server/infra/db/migrate.ts';
import { grantApplicationRole } from '../../server/infra/db/roles.ts';

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_OWNER_ROLE = 'sammen_test_owner';
export const TEST_APP_ROLE = 'sammen_test_app';
// Only for the test cluster; the roles own nothing outside the test databases.
const TEST_ROLE_PASSWORD = 'sammen-test';

export interface TestDatabase extends Database {
  /** PostgreSQL only: connection URLs of the owner role (as a DBA would use) and the application role. */
  urls?: { owner: string; app: string };
  drop(): Promise<void>;
}

/** Roles are cluster-wide and test files run in parallel: create each once, whoever comes first. */
async function ensureRole(admin: pg.Client, role: string): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount) return;
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${TEST_ROLE_PASSWORD}'`);
  } catch (error) {
    // duplicate_object, or unique_violation when another file created it at the same moment.
    const code = (error as { code?: string }).code;
    if (code !== '42710' && code !== '23505') throw error;
  }
}

function urlAs(role: string, database: string): string {
  const url = new URL(ADMIN_URL);
  url.username = role;
  url.password = TEST_ROLE_PASSWORD;
  url.pathname = `/${database}`;
  return url.href;
}

async function dropDatabase(name: string): Promise<void> {
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
}

/** A new, empty database on the server owned by the test owner role; migrated from `template` when given. */
async function newServerDatabase(template?: string): Promise<{ name: string; urls: { owner: string; app: string } }> {
  const name = `sammen_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await ensureRole(admin, TEST_OWNER_ROLE);
    await ensureRole(admin, TEST_APP_ROLE);
    await admin.query(`CREATE DATABASE ${name} OWNER ${TEST_OWNER_ROLE}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return { name, urls: { owner: urlAs(TEST_OWNER_ROLE, name), app: urlAs(TEST_APP_ROLE, name) } };
}

async function migrateAsOwner(ownerUrl: string): Promise<void> {
  const owner = await openDatabase({ databaseUrl: ownerUrl, dataDir: 'memory' });
  try {
    await migrate(owner.db);
    await grantApplicationRole(owner.db, TEST_APP_ROLE);
  } finally {
    await owner.close();
  }
}

export type MigratedTemplate =
  | { kind: 'pglite'; image: Blob }
  | { kind: 'postgresql'; name: string; drop(): Promise<void> };

/** Once per test run (tests/support/global-setup.ts): a migrated database that every test file copies. */
export async function createMigratedTemplate(): Promise<MigratedTemplate> {
  if (TEST_DB === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await migrate(database.db);
      return { kind: 'pglite', image: await database.pglite!.dumpDataDir('none') };
    } finally {
      await database.close();
    }
  }
  const { name, urls } = await newServerDatabase();
  await migrateAsOwner(urls.owner);
  return { kind: 'postgresql', name, drop: () => dropDatabase(name) };
}

/** The migrated template of this run, if the global setup made one (it does for the server tests). */
function runTemplate(): string | undefined {
  try {
    return inject('sammenTemplate');
  } catch {
    return undefined;
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = runTemplate();
  if (TEST_DB === 'pglite') {
    const image = template ? new Blob([await readFile(template)]) : undefined;
    const database = await openDatabase({ dataDir: 'memory', pgliteImage: image });
    // A no-op on the template's image; the migrations themselves when there is none (browser tests).
    await migrate(database.db);
    return { ...database, drop: () => database.close() };
  }
  const { name, urls } = await newServerDatabase(template);
  if (!template) await migrateAsOwner(urls.owner);
  const database = await openDatabase({ databaseUrl: urls.app, dataDir: 'memory' });
  return { ...database, urls, drop: async () => { await database.close(); await dropDatabase(name); } };
}
