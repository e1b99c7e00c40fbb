// `npm run bench:indicators`: the outcome track at scale. Not part of `npm test`; nothing is asserted.
//
//   npm run bench:indicators                                   both scales, municipality first
//   npm run bench:indicators -- --scale nation --children 300000 --reuse
//
// For each scale a fresh database on the local PostgreSQL server (BENCH_POSTGRES_URL): the demo
// and, around it, the scaled data set of server/demo/scale.ts with four years of activity — a
// municipality of 10 000 children, or that municipality and 356 more with about 1.1 million
// children in all. Every municipality gets one indicator per computed definition. Then it prints:
//  - the pre-count (the refresh job, refresh.ts) of one municipality and of all;
//  - the annual report (GET /api/indicators/report, through the whole app: session, access
//    decision, audit, JSON) for last year: one municipality's analyst, median of 5 after a warm-up,
//    and every municipality's analyst in turn (one client) and four at a time.
import os from 'node:os';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { CompiledQuery } from 'kysely';
import { osloDate } from '../../common/dates.ts';
import { translate } from '../../common/i18n/index.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, type Database } from '../../server/infra/db/database.ts';
import { migrate } from '../../server/infra/db/migrate.ts';
import { COMPUTED } from '../../server/modules/indicators/definitions.ts';
import { refreshFigures } from '../../server/modules/indicators/refresh.ts';
import { databaseUrl, existingMarker, generateBenchDatabase, markerFor, scaleNames, type Scale } from './data.ts';
import { signIn } from './sessions.ts';

const USAGE = `Usage: npm run bench:indicators -- [--scale municipality|nation|both] [--children N] [--reuse]
  --scale     which data sets (default both, municipality first)
  --children  children in the nation (default 1100000)
  --reuse     keep a database an earlier run generated for the same scale and day`;

const HOME_CHILDREN = 10_000;
/** Four years back from today, and the two weeks scale.ts keeps clear before it. */
const ACTIVITY_DAYS = 4 * 365 + 14;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function options() {
  let values;
  try {
    values = parseArgs({ options: { scale: { type: 'string', default: 'both' }, children: { type: 'string', default: '1100000' }, reuse: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scales = scaleNames(values.scale) ?? fail(`--scale must be municipality, nation or both\n${USAGE}`);
  const children = Number(values.children);
  if (!Number.isInteger(children) || children < HOME_CHILDREN + 356) fail(`--children must be a whole number of at least ${HOME_CHILDREN + 356}\n${USAGE}`);
  return { scales, children, reuse: values.reuse };
}

function scaleOf(name: Scale['name'], children: number): Scale {
  return name === 'municipality'
    ? { name, homeChildren: HOME_CHILDREN, otherMunicipalities: 0, otherChildren: 0, activityDays: ACTIVITY_DAYS }
    : { name, homeChildren: HOME_CHILDREN, otherMunicipalities: 356, otherChildren: children - HOME_CHILDREN, activityDays: ACTIVITY_DAYS };
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One indicator per computed definition in every municipality, named as the register names them. */
async function register(database: Database, year: number) {
  const keys = Object.entries(COMPUTED);
  const name = (lang: 'nb' | 'nn' | 'en', key: string) => translate(lang, `indicators.computed.${key}`);
  await database.db.executeQuery(CompiledQuery.raw(`
    INSERT INTO indicator (municipality_id, source, computed_key, code, name_nb, name_nn, name_en, definition_nb, definition_nn, definition_en,
                           unit, direction, baseline_year, baseline_value, updated_by)
    SELECT m.id, 'computed', k.key, replace(k.key, '_', '-'), k.nb, k.nn, k.en, k.nb, k.nn, k.en, k.unit, 'higher_is_better', $6::integer, 0,
           (SELECT s.id FROM staff_user s WHERE s.municipality_id = m.id ORDER BY s.username LIMIT 1)
      FROM municipality m, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS k(key, unit, nb, nn, en)
    ON CONFLICT (municipality_id, code) DO NOTHING`,
  [keys.map(([k]) => k), keys.map(([, d]) => d.unit), keys.map(([k]) => name('nb', k)), keys.map(([k]) => name('nn', k)), keys.map(([k]) => name('en', k)), year - 3]));
}

async function report(app: FastifyInstance, headers: Record<string, string>, year: number): Promise<number> {
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url: `/api/indicators/report?year=${year}`, headers });
  const elapsed = seconds(started);
  if (response.statusCode !== 200) throw new Error(`the report answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  if ((response.json() as { rows: unknown[] }).rows.length === 0) throw new Error('the report has no rows');
  return elapsed;
}

async function main() {
  const opts = options();
  const now = new Date();
  const today = osloDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  const loadAtStart = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`Sammen indicator benchmark — ${now.toISOString()} (Oslo date ${today}); annual report for ${year}`);
  console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; load average at start: ${loadAtStart}`);
  const results: string[] = [];
  for (const scaleName of opts.scales) {
    const scale = scaleOf(scaleName, opts.children);
    const name = `sammen_bench_ind_${scaleName}`;
    console.log(`\n== ${scaleName}: Fjordvik with ${scale.homeChildren} children` + (scale.otherMunicipalities ? ` and ${scale.otherMunicipalities} more municipalities with ${scale.otherChildren} children` : '') + `, ${ACTIVITY_DAYS} days of activity`);
    const url = databaseUrl(name);
    if (opts.reuse && (await existingMarker(name)) === markerFor(scale, today)) {
      const database = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
      await migrate(database.db).finally(() => database.close());
      console.log(`reusing ${name}`);
    } else {
      const generated = await generateBenchDatabase(name, scale, today, (line) => console.log(`  ${line}`));
      console.log(`generated in ${(generated.demoSeconds + generated.summary.seconds + generated.analyzeSeconds).toFixed(0)} s`);
    }
    const database = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const config = loadConfig({ ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', DEV_LOGIN: 'true', COOKIE_SECURE: 'false' });
    const app = await buildApp({ config, database, logStream: sink });
    try {
      const db = database.db;
      const municipalities = await db.selectFrom('municipality').select(['id', 'code']).orderBy('created_at').orderBy('id').execute();
      const home = municipalities[0]!;
      const children = await db.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '=', 'child').executeTakeFirstOrThrow();
      const cases = await db.selectFrom('help_case').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const meetings = await db.selectFrom('team_meeting').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      console.log(`${municipalities.length} municipalities, ${children.n} children, ${cases.n} cases, ${meetings.n} team meetings`);
      await register(database, year);

      let started = performance.now();
      await refreshFigures(db, home.id, now);
      const precountOne = seconds(started);
      console.log(`pre-count, Fjordvik: ${precountOne.toFixed(2)} s`);
      let precountAll = precountOne;
      if (municipalities.length > 1) {
        started = performance.now();
        for (const [i, m] of municipalities.entries()) {
          await refreshFigures(db, m.id, now);
          if ((i + 1) % 50 === 0) console.log(`  pre-counted ${i + 1} of ${municipalities.length} (${seconds(started).toFixed(0)} s)`);
        }
        precountAll = seconds(started);
        console.log(`pre-count, all ${municipalities.length}: ${precountAll.toFixed(1)} s`);
      }

      // Each municipality's analyst (scale.ts copies the staff with the municipality's code).
      const analysts = await Promise.all(municipalities.map((m) => signIn(db, m.id === home.id ? 'analytiker' : `analytiker.k${m.code}`)));
      await report(app, analysts[0]!, year);
      const one = [];
      for (let i = 0; i < 5; i++) one.push(await report(app, analysts[0]!, year));
      console.log(`annual report, Fjordvik: median ${(median(one) * 1000).toFixed(0)} ms, slowest ${(Math.max(...one) * 1000).toFixed(0)} ms`);
      started = performance.now();
      for (const headers of analysts) await report(app, headers, year);
      const allSerial = seconds(started);
      started = performance.now();
      let next = 0;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (next < analysts.length) await report(app, analysts[next++]!, year);
      }));
      const allFour = seconds(started);
      console.log(`annual report, all ${analysts.length}: ${allSerial.toFixed(2)} s one at a time, ${allFour.toFixed(2)} s four at a time`);
      results.push(`| ${scaleName} | ${municipalities.length} | ${children.n} | ${cases.n} | ${precountOne.toFixed(2)} s | ${precountAll.toFixed(1)} s | ${(median(one) * 1000).toFixed(0)} ms | ${allSerial.toFixed(2)} s / ${allFour.toFixed(2)} s |`);
    } finally {
      await app.close();
      await database.close();
    }
  }
  const loadAtEnd = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`\n## Results (${today}; load average at start ${loadAtStart}, at end ${loadAtEnd})\n`);
  console.log('| scale | municipalities | children | cases | pre-count, one | pre-count, all | report, one (median) | report, all (one / four at a time) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const line of results) console.log(line);
}

await main();
