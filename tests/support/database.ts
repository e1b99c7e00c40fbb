// A fresh, migrated database for one test file: in-memory PGlite, or a new database on the real
// PostgreSQL server (TEST_DB=postgres), dropped afterwards. A file that asks for the demo
// municipality gets a copy of a seeded template (migrated and demo-generated once per run, per
// size and reference date) instead of generating it again. On PostgreSQL the database belongs to an
// owner role that runs the migrations, and the app gets a connection as the application role, as
// in production (decision 0011): every server test thereby shows the app works with those rights.
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { Logger } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { migrate } from '../../server/infra/db/migrate.ts';
import { grantApplicationRole } from '../../server/infra/db/roles.ts';
import { generateDemoData } from '../../server/demo/generate.ts';

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

/**
 * The pool resolves its end() before every socket has closed; a forced drop would then kill a
 * closing connection (an uncaught error), and a rename would be refused. Wait for them to go first.
 */
async function waitUntilUnused(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function dropDatabase(name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: ADMIN_URL });
  await cleanup.connect();
  await waitUntilUnused(cleanup, name);
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

/** The demo municipality a test file starts with: its number of children and its "today". */
export interface DemoSeed {
  children: number;
  referenceDate: string;
}

const seedSuffix = (seed: DemoSeed) => `s${seed.children}_${seed.referenceDate.replaceAll('-', '')}`;
const newSuffix = () => randomBytes(4).toString('hex');

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
  return { kind: 'postgresql', name, drop: () => dropTemplates(name) };
}

/** The migrated template and the seeded templates made from it during the run. */
async function dropTemplates(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_s%'`, [name]);
  await admin.end();
  for (const { datname } of rows) await dropDatabase(datname);
}

/**
 * The seeded image for `seed`, made from the migrated image by the first file that needs it. Two
 * files may make it at once; each writes its own file and renames it into place, so a reader
 * always finds a whole image and the last writer's equal copy wins.
 */
async function seededImage(templateFile: string, seed: DemoSeed): Promise<Blob> {
  const file = `${templateFile}.${seedSuffix(seed)}`;
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  const database = await openDatabase({ dataDir: 'memory', pgliteImage: new Blob([await readFile(templateFile)]) });
  try {
    await generateDemoData(database.db, seed);
    const image = await database.pglite!.dumpDataDir('none');
    const partial = `${file}.${newSuffix()}`;
    await writeFile(partial, Buffer.from(await image.arrayBuffer()));
    await rename(partial, file);
    return image;
  } finally {
    await database.close();
  }
}

/**
 * The seeded template database for `seed`, copied from the migrated one and filled by the first
 * file that needs it. Two files may make it at once: each fills its own copy and renames it into
 * place; the one that finds the name taken drops its copy and uses the other.
 */
async function seededTemplate(template: string, seed: DemoSeed): Promise<string> {
  const name = `${template}_${seedSuffix(seed)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return name;
    const partial = await newServerDatabase(template);
    const database = await openDatabase({ databaseUrl: partial.urls.app, dataDir: 'memory' });
    try {
      await generateDemoData(database.db, seed);
    } finally {
      await database.close();
    }
    await waitUntilUnused(admin, partial.name);
    try {
      await admin.query(`ALTER DATABASE ${partial.name} RENAME TO ${name}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // duplicate_database: made meanwhile
      await admin.query(`DROP DATABASE ${partial.name}`);
    }
    return name;
  } finally {
    await admin.end();
  }
}

/** The migrated template of this run, if the global setup made one (it does for the server tests). */
function runTemplate(): string | undefined {
  try {
    return inject('sammenTemplate');
  } catch {
    return undefined;
  }
}

/** A database of its own for one test file: migrated, and holding the demo municipality when `seed` is given. */
export async function createTestDatabase(seed?: DemoSeed, log?: Logger): Promise<TestDatabase> {
  const template = runTemplate();
  if (TEST_DB === 'pglite') {
    const image = template ? (seed ? await seededImage(template, seed) : new Blob([await readFile(template)])) : undefined;
    const database = await openDatabase({ dataDir: 'memory', pgliteImage: image, log });
    // Without the run's template (a file run outside vitest's global setup), migrate and seed here.
    if (!template) {
      await migrate(database.db);
      if (seed) await generateDemoData(database.db, seed);
    }
    return { ...database, drop: () => database.close() };
  }
  const { name, urls } = await newServerDatabase(template && seed ? await seededTemplate(template, seed) : template);
  if (!template) await migrateAsOwner(urls.owner);
  const database = await openDatabase({ databaseUrl: urls.app, dataDir: 'memory', log });
  if (!template && seed) await generateDemoData(database.db, seed);
  return { ...database, urls, drop: async () => { await database.close(); await dropDatabase(name); } };
}
