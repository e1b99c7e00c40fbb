// Opens the database: a real PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite with
// its data under DATA_DIR. Both get the same migrations and the same value parsing.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Logger, type Transaction } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.ts';
import type { DB } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The embedded engine, when kind is 'pglite' (tests dump a migrated image of it). */
  pglite?: PGlite;
}

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

const DATE_OID = 1082;
const INT8_OID = 20;
const keepDateAsText = (value: string) => value;
// Counts and bigserial ids stay far below 2^53.
const int8AsNumber = (value: string) => Number(value);

pg.types.setTypeParser(DATE_OID, keepDateAsText);
pg.types.setTypeParser(INT8_OID, int8AsNumber);

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite data; 'memory' keeps it in memory (tests). */
  dataDir: string;
  /** A PGlite data directory dumped earlier (`dumpDataDir`) to start from instead of a fresh initdb: tests start from a migrated image. */
  pgliteImage?: Blob | undefined;
  /** Sees every statement sent, BEGIN and COMMIT included (tests count round trips with it). */
  log?: Logger | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (options.dataDir !== 'memory') {
    dataDir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.pgliteImage ? { loadDataDir: options.pgliteImage } : {}),
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: keepDateAsText, [INT8_OID]: int8AsNumber },
  });
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite), ...(options.log ? { log: options.log } : {}) });
  return { db, kind: 'pglite', close: () => db.destroy(), pglite };
}

/**
 * What stands for one opened database in a cache kept in memory: the dialect adapter Kysely makes
 * once per opened database and shares with all its transactions. Two databases (tests open many in
 * one process, the demo's ids the same in each) never share an entry keyed by it.
 */
export function databaseIdentity(db: Db | Tx): object {
  return db.getExecutor().adapter;
}
