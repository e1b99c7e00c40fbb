// The benchmark's database: a fresh PostgreSQL database on the local server, migrated, with the
// small demo (Fjordvik kommune, the demo log-ins) and the scaled data set around it.
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { migrate } from '../../server/infra/db/migrate.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { analyzeAfterLoad, generateScale, type ScaleSummary } from '../../server/demo/scale.ts';

export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Scale {
  name: 'municipality' | 'nation';
  /** Children added to Fjordvik, the municipality every request of the benchmark is made in. */
  homeChildren: number;
  /** The rest of the country: further municipalities and their children. */
  otherMunicipalities: number;
  otherChildren: number;
  /** Days of activity back from the reference date (scale.ts's default when absent). */
  activityDays?: number;
}

/** Fjordvik at the size of a large Norwegian town; the nation adds the other 356 municipalities. */
export const HOME_CHILDREN = 20_000;
export const NATION_CHILDREN = 1_120_000;

export function scaleFor(name: Scale['name'], nationChildren = NATION_CHILDREN): Scale {
  if (name === 'municipality') return { name, homeChildren: HOME_CHILDREN, otherMunicipalities: 0, otherChildren: 0 };
  const home = Math.min(HOME_CHILDREN, nationChildren);
  return { name, homeChildren: home, otherMunicipalities: 356, otherChildren: Math.max(356, nationChildren - home) };
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

/** Drops and creates the database `name` on the server. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export interface Generated {
  url: string;
  summary: ScaleSummary;
  demoSeconds: number;
  analyzeSeconds: number;
}

/** What a finished load leaves as the database's comment, so that `--reuse` can trust it. */
export function markerFor(scale: Scale, referenceDate: string): string {
  return `sammen-bench ${scale.name} home=${scale.homeChildren} others=${scale.otherMunicipalities}/${scale.otherChildren}${scale.activityDays ? ` days=${scale.activityDays}` : ''} date=${referenceDate}`;
}

/** The database's comment: the marker of a load that finished, or null. */
export async function existingMarker(name: string): Promise<string | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const result = await admin.query<{ comment: string | null }>(
      'SELECT shobj_description(oid, \'pg_database\') AS comment FROM pg_database WHERE datname = $1', [name]);
    return result.rows[0]?.comment ?? null;
  } finally {
    await admin.end();
  }
}

export async function generateBenchDatabase(name: string, scale: Scale, referenceDate: string, log: (line: string) => void): Promise<Generated> {
  const url = await freshDatabase(name);
  const database: Database = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
  try {
    await migrate(database.db);
    let started = performance.now();
    await generateDemoData(database.db, { children: 200, referenceDate });
    const demoSeconds = (performance.now() - started) / 1000;
    const summary = await generateScale(database.db, {
      referenceDate, homeChildren: scale.homeChildren, otherMunicipalities: scale.otherMunicipalities, otherChildren: scale.otherChildren, log,
      ...(scale.activityDays ? { activityDays: scale.activityDays } : {}),
    });
    started = performance.now();
    await analyzeAfterLoad(database.db);
    const analyzeSeconds = (performance.now() - started) / 1000;
    await database.db.executeQuery(CompiledQuery.raw(`COMMENT ON DATABASE ${name} IS '${markerFor(scale, referenceDate)}'`));
    return { url, summary, demoSeconds, analyzeSeconds };
  } finally {
    await database.close();
  }
}

/** The --scale option of the benchmarks: one scale, or both; undefined when the value is neither. */
export function scaleNames(value: string | undefined): Scale['name'][] | undefined {
  const names = value === 'both' ? ['municipality', 'nation'] : [value];
  return names.every((n) => n === 'municipality' || n === 'nation') ? (names as Scale['name'][]) : undefined;
}
