// The app as the benchmark runs it: a child process (so the load generator does not share its event
// loop), built exactly as server/main.ts builds it — same routes, pool size, request logging — over
// the benchmark database, with a Kysely log hook that records the SQL of the requests the runner
// asks for. The background job loop is not started, so only requests touch the database.
//   BENCH_DATABASE_URL=postgres://… BENCH_PORT=3100 node scripts/bench/server.ts   (started by scripts/bench/run.ts)
import { Writable } from 'node:stream';
import { Kysely, type LogEvent } from 'kysely';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { postgresDialect, type Database } from '../../server/infra/db/database.ts';
import type { DB } from '../../server/infra/db/types.ts';
import type { CapturedStatement, ServerMessage, RunnerMessage } from './protocol.ts';

const url = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? 3100);
if (!url) throw new Error('BENCH_DATABASE_URL is not set');

let capturing = false;
let captured: CapturedStatement[] = [];

const log = (event: LogEvent) => {
  if (!capturing || event.level !== 'query') return;
  captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
};

const config = loadConfig({ ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false', DEV_LOGIN: 'true', COOKIE_SECURE: 'false' });
// The same pool as server/infra/db/database.ts opens, with a log hook.
const db = new Kysely<DB>({ dialect: postgresDialect(url, config.databasePreparedStatements), log });
const database: Database = { db, kind: 'postgresql', close: () => db.destroy() };

// Request logs are serialised as in production, then dropped instead of filling the terminal.
const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
const app = await buildApp({ config, database, logStream: sink });

const send = (message: ServerMessage) => process.send?.(message);

process.on('message', (message: RunnerMessage) => {
  if (message.type === 'capture-start') {
    captured = [];
    capturing = true;
    send({ type: 'capture-started' });
  } else if (message.type === 'capture-stop') {
    capturing = false;
    send({ type: 'captured', statements: captured });
    captured = [];
  } else if (message.type === 'stop') {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  }
});

await app.listen({ port, host: '127.0.0.1' });
send({ type: 'ready', port });
