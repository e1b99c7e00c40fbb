// Opens the database: a real PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite with
// its data under DATA_DIR. Both get the same migrations and the same value parsing.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Logger, type Transaction } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.ts';
import { PipelinedDialect } from './pipelined.ts';
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
  /** PostgreSQL keeps each statement parsed and planned per connection (default true; off behind a pooler that cannot). */
  preparedStatements?: boolean | undefined;
}

/** Distinct statements one connection keeps prepared; a text beyond them is parsed each time, as before. */
const PREPARED_PER_CONNECTION = 500;
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    // The app's statement texts are few (its queries, with lists up to a page long); the bound is for safety.
    if (statementNames.size < 20_000) statementNames.set(text, name);
  }
  return name;
}

/**
 * Sends every statement with parameters as a named prepared statement, so each connection parses
 * and plans a statement once instead of on every request: that work was a large part of the
 * database's time on the short statements of a request (docs/performance.md). Kysely's driver calls
 * `client.query(text, values)`; this gives pg a name for it, and pg parses a name only the first time
 * on each connection. Statements without parameters (BEGIN, COMMIT, DDL in migrations) go as before.
 */
function prepareStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
        const name = statementName(text);
        if (prepared.has(name) || prepared.size < PREPARED_PER_CONNECTION) {
          prepared.add(name);
          return query({ name, text, values });
        }
      }
      return query(text, values, callback);
    }) as typeof client.query;
  });
}

/** The pool and dialect of a PostgreSQL server, as the server and the benchmark's copy of it open them. */
export function postgresDialect(url: string, preparedStatements = true): PostgresDialect {
  // Pipeline mode lets a transaction's BEGIN and COMMIT go out together with statements (pipelined.ts).
  const pool = new pg.Pool({ connectionString: url, max: 10, pipeline: true });
  if (preparedStatements) prepareStatements(pool);
  return new PipelinedDialect({ pool });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const db = new Kysely<DB>({ dialect: postgresDialect(options.databaseUrl, options.preparedStatements ?? true), ...(options.log ? { log: options.log } : {}) });
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
