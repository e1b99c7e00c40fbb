// Numbered, forward-only SQL migrations from server/migrations, applied in order under an
// advisory lock so that several server processes starting together apply each one once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
/** Also held by the grant step (roles.ts), so processes starting together never grant at the same time. */
export const MIGRATION_LOCK = 74_201_601;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Applies pending migrations; returns the names of those it applied. */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      // Checked first: the application role may read the table but not create in the schema (decision 0011).
      const { rows } = await sql<{ exists: boolean }>`SELECT to_regclass('schema_migration') IS NOT NULL AS exists`.execute(conn);
      if (!rows[0]!.exists) {
        await sql`CREATE TABLE schema_migration (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(conn);
      }
      const done = new Set(
        (await conn.selectFrom('schema_migration').select('version').execute()).map((r) => r.version),
      );
      for (const migration of listMigrations()) {
        if (done.has(migration.version)) continue;
        try {
          await conn.transaction().execute(async (trx) => {
            await sql.raw(migration.sql).execute(trx);
            await trx.insertInto('schema_migration').values({ version: migration.version, name: migration.name }).execute();
          });
        } catch (error) {
          if ((error as { code?: string }).code === '42501') {
            throw new Error(`Migration ${migration.name} needs the owner role: run \`npm run migrate\` with DATABASE_OWNER_URL, or start with it set (README, "Database roles")`, { cause: error });
          }
          throw error;
        }
        applied.push(migration.name);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
  return applied;
}
