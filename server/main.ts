// Starts Sammen: opens the database (PGlite by default), migrates, fills in the demo municipality
// when the database is empty, and serves the API and the front end.
import { loadConfig } from './config.ts';
import { openMigratedDatabase } from './infra/db/setup.ts';
import { buildApp } from './app.ts';
import { generateDemoData } from './demo/generate.ts';
import { startJobLoop } from './infra/jobs/queue.ts';
import { jobHandlers, recurringJobs } from './jobs.ts';
import { osloDate } from '../common/dates.ts';
import { systemClock } from './infra/clock.ts';

const config = loadConfig();
const { database, applied, auditLogRewritable } = await openMigratedDatabase(config);
if (auditLogRewritable && config.production) {
  await database.close();
  console.error(
    'The database role in DATABASE_URL can change or delete audit events. In production the server must run as an ' +
      'application role that may only insert and read them, with migrations run as the owner (DATABASE_OWNER_URL); see README, "Database roles".',
  );
  process.exit(1);
}
const clock = systemClock;
const app = await buildApp({ config, database, clock });
if (applied.length) app.log.info({ applied }, 'migrations applied');
if (auditLogRewritable) app.log.warn('the server runs as a database role that can change or delete audit events; use separate owner and application roles (README, "Database roles")');

const hasData = await database.db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
if (!hasData && config.demoData) {
  const summary = await generateDemoData(database.db, { children: config.demoChildren, referenceDate: osloDate(clock.now()), populationRegisterFile: config.populationRegisterFile, activityYears: 3, now: clock.now() });
  app.log.info({ summary }, 'demo municipality created');
}

const jobs = startJobLoop(database.db, jobHandlers(config), recurringJobs, clock, 15_000, (error) =>
  app.log.error({ err: { message: (error as Error).message } }, 'background job loop failed'),
);

const shutdown = async () => {
  await jobs.stop();
  await app.close();
  await database.close();
};
// A signal handler cannot wait: the exit code tells the supervisor whether the shutdown was clean.
const stopOn = () => {
  shutdown().then(
    () => process.exit(0),
    (error: unknown) => {
      app.log.error({ err: { message: (error as Error).message } }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGINT', stopOn);
process.on('SIGTERM', stopOn);

await app.listen({ port: config.port, host: config.host });
