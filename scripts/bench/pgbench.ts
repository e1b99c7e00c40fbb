// pgbench on exactly the SQL one request sent: each captured statement with its parameters written
// in as literals (PostgreSQL types an untyped literal as it types a parameter), with the request's
// own BEGIN/COMMIT where the app opened a transaction. A new id the app made
// for a row it inserts (an entry key, say) becomes a pgbench variable (\set) turned into a uuid, so
// repeated runs insert new rows instead of colliding on a unique key.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CapturedStatement } from './protocol.ts';

const execFileAsync = promisify(execFile);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findPgbench(): string | null {
  for (const candidate of ['/usr/bin/pgbench', '/usr/lib/postgresql/15/bin/pgbench', '/usr/lib/postgresql/16/bin/pgbench', '/usr/lib/postgresql/17/bin/pgbench']) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * A string literal; a colon before a letter is split off so pgbench never reads it as a variable,
 * and the pieces joined in parentheses, so a cast after the literal applies to the whole of it.
 */
function quote(text: string): string {
  const whole = `'${text.replace(/'/g, "''")}'`;
  const split = whole.replace(/:(?=[A-Za-z_])/g, ":' || '");
  return split === whole ? whole : `(${split})`;
}

function arrayLiteral(values: unknown[]): string {
  const item = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    return `"${String(v instanceof Date ? v.toISOString() : v).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  };
  return `{${values.map(item).join(',')}}`;
}

export function literal(value: unknown, newIds: Map<string, string>): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quote(value.toISOString());
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'`;
  if (Array.isArray(value)) return quote(arrayLiteral(value));
  if (typeof value === 'object') return quote(JSON.stringify(value));
  const text = String(value);
  const variable = newIds.get(text.toLowerCase());
  if (variable) return `md5(:${variable}::text)::uuid`;
  return quote(text);
}

/** Replaces $1…$n with the literals; placeholders inside string literals are never produced by Kysely. */
export function inline(statement: CapturedStatement, newIds: Map<string, string>): string {
  return statement.sql.replace(/\$(\d+)/g, (_m, n: string) => literal(statement.parameters[Number(n) - 1], newIds));
}

/**
 * The uuids that first appear as values of an INSERT: ids the app generated for new rows. Every
 * later use of the same value in the request refers to the same new row, so it shares the variable.
 */
export function newIdsOf(statements: CapturedStatement[]): Map<string, string> {
  const seen = new Set<string>();
  const ids = new Map<string, string>();
  for (const s of statements) {
    const isInsert = /^\s*insert\b/i.test(s.sql);
    for (const p of s.parameters) {
      if (typeof p !== 'string' || !UUID.test(p)) continue;
      const key = p.toLowerCase();
      if (isInsert && !seen.has(key) && !ids.has(key)) ids.set(key, `id${ids.size + 1}`);
      seen.add(key);
    }
  }
  return ids;
}

/** The pgbench script for one request. */
export function scriptFor(statements: CapturedStatement[]): string {
  const newIds = newIdsOf(statements);
  const lines: string[] = [];
  for (const variable of newIds.values()) lines.push(`\\set ${variable} random(1, 9223372036854775806)`);
  // The app's BEGIN and COMMIT are captured like any statement (Kysely logs them), so the script
  // keeps the request's transaction exactly: the session lookup before it, the guarded work inside.
  // pgbench reads a command up to its semicolon, over several lines, so the SQL keeps its lines
  // (and with them any -- comment the query carries).
  lines.push(...statements.map((s) => inline(s, newIds).trim().replace(/;?$/, ';')));
  return `${lines.join('\n')}\n`;
}

export interface PgbenchResult {
  clients: number;
  tps: number;
  latencyMs: number;
  failed: number;
  output: string;
}

/** Runs pgbench with the scripts (chosen at random per transaction) for `seconds`. */
export async function runPgbench(pgbench: string, url: string, dir: string, name: string, scripts: string[], clients: number, seconds: number): Promise<PgbenchResult> {
  const files: string[] = [];
  for (const [i, script] of scripts.entries()) {
    const file = path.join(dir, `${name}-${i + 1}.sql`);
    await writeFile(file, script);
    files.push(file);
  }
  const u = new URL(url);
  const args = [
    '-n', '-M', 'extended', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds),
    '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'),
    ...files.flatMap((f) => ['-f', f]), decodeURIComponent(u.pathname.slice(1)),
  ];
  const env = { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) };
  const { stdout, stderr } = await execFileAsync(pgbench, args, { env, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`pgbench failed: ${error.stderr || error.message}`);
  });
  const output = `${stdout}\n${stderr}`;
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1] ?? NaN);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1] ?? NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  return { clients, tps, latencyMs, failed, output };
}
