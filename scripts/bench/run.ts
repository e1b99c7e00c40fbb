// `npm run bench`: the speed of Sammen at the scale of one municipality and of the nation, side by
// side with pgbench running exactly the SQL each request sends. Not part of `npm test`.
//
//   npm run bench                                  both scales, municipality first
//   npm run bench -- --scale nation --children 300000 --seconds 20 --clients 8,64 --reuse
//
// For each scale: a fresh database on the local PostgreSQL server (BENCH_POSTGRES_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), the demo and the scaled data set (server/demo/scale.ts),
// the app in a child process (scripts/bench/server.ts); then for each path the SQL of one request per
// session is captured, the app is loaded over HTTP by wrk at each client count, and pgbench runs the
// captured SQL at the same client count right after. Prints a table; nothing is asserted.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { osloDate } from '../../common/dates.ts';
import { openDatabase, type Db } from '../../server/infra/db/database.ts';
import { signIn } from './sessions.ts';
import { migrate } from '../../server/infra/db/migrate.ts';
import { databaseUrl, existingMarker, generateBenchDatabase, markerFor, NATION_CHILDREN, scaleFor, scaleNames } from './data.ts';
import { findWrk, runLoad, send, type LoadResult, type RequestSpec } from './load.ts';
import { findPgbench, runPgbench, scriptFor, type PgbenchResult } from './pgbench.ts';
import type { CapturedStatement, ServerMessage } from './protocol.ts';

const USAGE = `Usage: npm run bench -- [--scale municipality|nation|both] [--children N] [--seconds S] [--clients 8,64] [--rounds N] [--paths a,b] [--reuse]
  --scale     which data sets (default both, municipality first)
  --children  children in the nation (default ${NATION_CHILDREN}); a smaller run keeps the nation's shape
  --seconds   length of each app run and each pgbench run (default 10)
  --clients   concurrent clients (default 8,64)
  --rounds    turns of the app and pgbench at each client count; the median of each is shown (default 3)
  --paths     ${'case-read,entry-write,intake,min-side,catalogue-search'} (default all)
  --reuse     keep a database an earlier run generated for the same scale and day`;

const PATHS = ['case-read', 'entry-write', 'intake', 'min-side', 'catalogue-search'] as const;
type PathName = (typeof PATHS)[number];
/** Sessions (and captured scripts) per path: each client uses session i mod SESSIONS. */
const SESSIONS = 16;
const MAIN_TABLES = ['municipality', 'staff_user', 'person', 'guardianship', 'help_case', 'relay_log_entry', 'worry', 'referral', 'team_meeting', 'consent', 'audit_event'];

interface Row {
  path: PathName;
  scale: string;
  clients: number;
  app: LoadResult;
  pgbench: PgbenchResult;
  statements: number;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function options() {
  let values;
  try {
    values = parseArgs({
      options: {
        scale: { type: 'string', default: 'both' }, children: { type: 'string' }, seconds: { type: 'string', default: '10' },
        clients: { type: 'string', default: '8,64' }, rounds: { type: 'string', default: '3' }, paths: { type: 'string', default: PATHS.join(',') }, reuse: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scales = scaleNames(values.scale) ?? fail(`--scale must be municipality, nation or both\n${USAGE}`);
  const children = values.children === undefined ? NATION_CHILDREN : Number(values.children);
  if (!Number.isInteger(children) || children < 1000) fail(`--children must be a whole number of at least 1000\n${USAGE}`);
  const seconds = Number(values.seconds);
  if (!(seconds >= 1 && seconds <= 600)) fail(`--seconds must be between 1 and 600\n${USAGE}`);
  const clients = values.clients.split(',').map(Number);
  if (!clients.every((c) => Number.isInteger(c) && c >= 1 && c <= 256)) fail(`--clients must be whole numbers from 1 to 256\n${USAGE}`);
  const paths = values.paths.split(',') as PathName[];
  if (!paths.every((p) => (PATHS as readonly string[]).includes(p))) fail(`--paths: ${PATHS.join(', ')}\n${USAGE}`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) fail(`--rounds must be a whole number from 1 to 20\n${USAGE}`);
  return { scales, children, seconds, clients, rounds, paths, reuse: values.reuse };
}

// ---------------------------------------------------------------------------------------------
// The app in a child process

interface AppProcess {
  port: number;
  capture(spec: RequestSpec): Promise<{ status: number; body: string; statements: CapturedStatement[] }>;
  stop(): Promise<void>;
}

function nextMessage(child: ChildProcess, type: ServerMessage['type']): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`the app exited (${code}) while the runner waited for ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startApp(url: string, port: number): Promise<AppProcess> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_PORT: String(port), NODE_ENV: 'development' },
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load.
    execArgv: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await nextMessage(child, 'ready');
  return {
    port,
    async capture(spec) {
      const started = nextMessage(child, 'capture-started');
      child.send({ type: 'capture-start' });
      await started;
      const response = await send(port, spec);
      const captured = nextMessage(child, 'captured');
      child.send({ type: 'capture-stop' });
      const message = await captured;
      return { status: response.status, body: response.body, statements: message.type === 'captured' ? message.statements : [] };
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Who does what: people of Fjordvik (the first municipality) picked from the data

async function requestsFor(client: pg.Client, db: Db, pathName: PathName, today: string): Promise<RequestSpec[]> {
  const home = (await client.query<{ id: string }>('SELECT id FROM municipality ORDER BY created_at, id LIMIT 1')).rows[0]!.id;
  if (pathName === 'case-read' || pathName === 'entry-write') {
    // Open cases with a consent in force and a log of ordinary length, one per relay holder.
    const cases = (await client.query<{ case_id: string; person_id: string; username: string; category: string }>(`
      SELECT DISTINCT ON (c.relay_holder_id) c.id AS case_id, c.person_id, s.username, co.categories[1] AS category
        FROM help_case c JOIN staff_user s ON s.id = c.relay_holder_id
        JOIN consent co ON co.subject_id = c.person_id AND co.withdrawn_at IS NULL AND co.valid_from <= $2 AND co.valid_to >= $2
       WHERE c.municipality_id = $1 AND c.closed_at IS NULL AND c.level > 0
         AND (SELECT count(*) FROM relay_log_entry e WHERE e.case_id = c.id) BETWEEN 8 AND 30
       ORDER BY c.relay_holder_id, md5(c.id::text) LIMIT ${SESSIONS}`, [home, today])).rows;
    if (cases.length === 0) throw new Error('no open case with a consent in force in the home municipality');
    const specs: RequestSpec[] = [];
    for (const c of cases) {
      const headers = await signIn(db, c.username);
      specs.push(pathName === 'case-read'
        ? { method: 'GET', path: `/api/people/${c.person_id}/case`, headers }
        : { method: 'POST', path: `/api/cases/${c.case_id}/entries`, headers, body: { kind: 'strength', category: c.category, title: 'Hadde en god dag på skolen', body: 'Var med i leken i friminuttene.' } });
    }
    return specs;
  }
  if (pathName === 'intake') {
    const teams = (await client.query<{ team_id: string; username: string }>(`
      SELECT t.id AS team_id, s.username FROM team t JOIN staff_user s ON s.id = t.leader_staff_user_id
       WHERE t.municipality_id = $1 AND t.kind = 'early_intervention' AND t.active
         AND EXISTS (SELECT 1 FROM referral r WHERE r.team_id = t.id AND r.status = 'waiting')
       ORDER BY t.name`, [home])).rows;
    if (teams.length === 0) throw new Error('no team with waiting referrals in the home municipality');
    const specs: RequestSpec[] = [];
    for (const t of teams) specs.push({ method: 'GET', path: `/api/teams/${t.team_id}/intake`, headers: await signIn(db, t.username, 'team_leader') });
    return specs;
  }
  if (pathName === 'min-side') {
    // Guardians with an ID-porten account whose child has an open case; sign-in here finds citizens
    // by username, so the benchmark names these few.
    await client.query(`UPDATE citizen_account SET username = NULL WHERE username LIKE 'bench.innbygger.%'`);
    await client.query(`
      UPDATE citizen_account a SET username = 'bench.innbygger.' || x.n
        FROM (SELECT a.id, row_number() OVER (ORDER BY md5(a.id::text)) AS n
                FROM citizen_account a JOIN person p ON p.id = a.person_id
               WHERE p.municipality_id = $1 AND a.username IS NULL AND p.kind = 'adult'
                 AND EXISTS (SELECT 1 FROM guardianship g JOIN help_case c ON c.person_id = g.child_id AND c.closed_at IS NULL
                              WHERE g.guardian_id = p.id AND g.parental_responsibility)
               ORDER BY md5(a.id::text) LIMIT ${SESSIONS}) x
       WHERE a.id = x.id`, [home]);
    const specs: RequestSpec[] = [];
    for (let n = 1; n <= SESSIONS; n++) specs.push({ method: 'GET', path: '/api/people', headers: await signIn(db, `bench.innbygger.${n}`) });
    return specs;
  }
  const words = ['helsesykepleier', 'barnehage', 'mobbing', 'psykolog', 'helsesøster', 'foreldreveiledning', 'fritid', 'rus',
    'helsesykeplier', 'språk', 'ungdom', 'skole', 'søvn', 'angst', 'familie', 'lege'];
  return words.map((q) => ({ method: 'GET', path: `/api/catalogue/services?q=${encodeURIComponent(q)}`, headers: {} }));
}

// ---------------------------------------------------------------------------------------------

/** The round in the middle by the measure (the lower middle of an even number). */
function median<T>(rounds: T[], measure: (r: T) => number): T {
  return [...rounds].sort((a, b) => measure(a) - measure(b))[Math.floor((rounds.length - 1) / 2)]!;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function table(rows: Row[]): string {
  const lines = [
    '| path | scale | clients | app req/s | pgbench tps | ratio | app p50 / p95 / p99 ms | pgbench avg ms | statements / request | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(`| ${r.path} | ${r.scale} | ${r.clients} | ${fmt(r.app.rps)} | ${fmt(r.pgbench.tps)} | ${fmt(r.app.rps / r.pgbench.tps, 2)} | `
      + `${fmt(r.app.p50, 1)} / ${fmt(r.app.p95, 1)} / ${fmt(r.app.p99, 1)} | ${fmt(r.pgbench.latencyMs, 1)} | ${fmt(r.statements, 1)} | ${r.app.errors + r.pgbench.failed} |`);
  }
  return lines.join('\n');
}

async function main() {
  const opts = options();
  const pgbench = findPgbench();
  if (!pgbench) fail('pgbench was not found: apt-get install postgresql-contrib (or postgresql-client), then run again.');
  const wrk = findWrk();
  if (!wrk) fail('wrk was not found: apt-get install wrk, then run again.');
  const today = osloDate(new Date());
  const load = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`Sammen benchmark — ${new Date().toISOString()} (Oslo date ${today})`);
  console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start: ${load}`);
  console.log(`node ${process.version}; ${execFileSync(pgbench, ['--version']).toString().trim()}; load from ${wrk}; ${opts.seconds} s per run, ${opts.rounds} rounds each; clients ${opts.clients.join(', ')}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sammen-bench-'));
  const rows: Row[] = [];
  const sizes: string[] = [];
  try {
    for (const scaleName of opts.scales) {
      const scale = scaleFor(scaleName, opts.children);
      const name = `sammen_bench_${scaleName}`;
      console.log(`\n== ${scaleName}: Fjordvik with ${scale.homeChildren} children` + (scale.otherMunicipalities ? ` and ${scale.otherMunicipalities} more municipalities with ${scale.otherChildren} children` : ''));
      let url = databaseUrl(name);
      if (opts.reuse && (await existingMarker(name)) === markerFor(scale, today)) {
        // Migrations added since it was generated (new indexes, say) are applied to it first.
        const database = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
        const applied = await migrate(database.db).finally(() => database.close());
        console.log(`reusing ${name} (generated earlier today for this scale${applied.length ? `; applied ${applied.length} new migrations` : ''})`);
      } else {
        const generated = await generateBenchDatabase(name, scale, today, (line) => console.log(`  ${line}`));
        url = generated.url;
        console.log(`generated in ${(generated.demoSeconds + generated.summary.seconds + generated.analyzeSeconds).toFixed(0)} s `
          + `(demo ${generated.demoSeconds.toFixed(1)} s, scale ${generated.summary.seconds.toFixed(1)} s, VACUUM ANALYZE ${generated.analyzeSeconds.toFixed(1)} s)`);
      }
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const counts: string[] = [];
      for (const t of MAIN_TABLES) counts.push(`${t} ${(await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n}`);
      sizes.push(`${scaleName}: ${counts.join(', ')}`);
      console.log(`rows: ${counts.join(', ')}`);
      const sessions = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
      const app = await startApp(url, 3100 + rows.length);
      try {
        for (const pathName of opts.paths) {
          const specs = await requestsFor(client, sessions.db, pathName, today);
          const scripts: string[] = [];
          let statements = 0;
          for (const spec of specs) {
            const captured = await app.capture(spec);
            if (captured.status >= 400) throw new Error(`${pathName}: ${spec.method} ${spec.path} answered ${captured.status}: ${captured.body.slice(0, 300)}`);
            statements += captured.statements.length;
            scripts.push(scriptFor(captured.statements));
          }
          await runLoad(wrk, dir, app.port, specs, Math.min(8, opts.clients[0]!), Math.min(3, opts.seconds)); // warm-up
          for (const clients of opts.clients) {
            // The app and pgbench take turns, so a slow spell of the machine falls on both; each side's median round is shown.
            const appRounds: LoadResult[] = [];
            const pgRounds: PgbenchResult[] = [];
            for (let round = 0; round < opts.rounds; round++) {
              appRounds.push(await runLoad(wrk, dir, app.port, specs, clients, opts.seconds));
              pgRounds.push(await runPgbench(pgbench, url, dir, `${scaleName}-${pathName}`, scripts, clients, opts.seconds));
            }
            const appResult = median(appRounds, (r) => r.rps);
            const pgResult = median(pgRounds, (r) => r.tps);
            if (opts.rounds > 1) console.log(`  ${pathName} ${clients} clients, rounds: app ${appRounds.map((r) => fmt(r.rps)).join(' ')}; pgbench ${pgRounds.map((r) => fmt(r.tps)).join(' ')}`);
            const row: Row = { path: pathName, scale: scaleName, clients, app: appResult, pgbench: pgResult, statements: statements / specs.length };
            rows.push(row);
            console.log(table([row]).split('\n')[2]);
            if (appResult.errors) console.log(`  app: ${appResult.errors} requests failed or answered 400 or more (send one by hand to see the answer)`);
            if (pgResult.failed) console.log(`  pgbench: ${pgResult.failed} failed transactions`);
          }
        }
      } finally {
        await app.stop();
        await client.end();
        await sessions.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\n## Results (${today}, load average at start ${load})\n`);
  console.log(table(rows));
  console.log(`\nRows in the main tables — ${sizes.join('; ')}`);
}

await main();
