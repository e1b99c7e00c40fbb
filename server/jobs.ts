// The background jobs of Sammen and how often the recurring ones run. Modules add their handlers here.
import type { Config } from './config.ts';
import type { JobHandler, RecurringJob } from './infra/jobs/queue.ts';
import { deleteEndedSessions, sessionLifetime } from './infra/auth/session.ts';
import { deleteExpiredIdempotencyKeys } from './infra/http/idempotency.ts';
import { sealAuditLog } from './modules/audit/chain.ts';
import { purgeExpiredCases, sendCaseReminders } from './modules/cases/jobs.ts';
import { deliverReport, DELIVERY_JOB } from './modules/child-welfare-reports/delivery.ts';
import { sendReportReminders } from './modules/child-welfare-reports/jobs.ts';
import { sendAfterCareNotices, sendPlanReminders } from './modules/plans/jobs.ts';
import { emailJobHandler } from './modules/notifications/mailer.ts';
import { configureNotifications, EMAIL_JOB } from './modules/notifications/service.ts';
import { REFRESH_JOB, refreshJob } from './modules/indicators/refresh.ts';
import { systemHandle } from './modules/access/gate.ts';

/** Each job runs on a handle named after it: the system audit rows it writes say which job read. */
function named(handlers: Record<string, JobHandler>): Record<string, JobHandler> {
  return Object.fromEntries(Object.entries(handlers).map(([kind, handler]) => [kind, (db, payload, now) => handler(systemHandle(db, kind), payload, now)]));
}

export function jobHandlers(config: Config): Record<string, JobHandler> {
  configureNotifications(config);
  return named({
    [EMAIL_JOB]: emailJobHandler(config),
    'audit.seal': async (db) => {
      await sealAuditLog(db);
    },
    'cases.reminders': async (db, _payload, now) => {
      await sendCaseReminders(db, now);
    },
    'cwReports.reminders': async (db, _payload, now) => {
      await sendReportReminders(db, now);
    },
    [DELIVERY_JOB]: deliverReport,
    'cases.retention': async (db, _payload, now) => {
      await purgeExpiredCases(db, now);
    },
    'sessions.cleanup': async (db, _payload, now) => {
      await deleteEndedSessions(db, sessionLifetime(config), now);
    },
    'idempotency.cleanup': async (db, _payload, now) => {
      await deleteExpiredIdempotencyKeys(db, now);
    },
    [REFRESH_JOB]: refreshJob,
    'plans.reminders': async (db, _payload, now) => {
      await sendPlanReminders(db, now);
      await sendAfterCareNotices(db, now);
    },
  });
}

export const recurringJobs: RecurringJob[] = [
  { kind: 'sessions.cleanup', everyMs: 15 * 60_000 },
  { kind: 'idempotency.cleanup', everyMs: 60 * 60_000 },
  // The chain trails the log by one to two runs (decision 0011).
  { kind: 'audit.seal', everyMs: 60_000 },
  { kind: 'cases.reminders', everyMs: 60 * 60_000 },
  { kind: 'cwReports.reminders', everyMs: 60 * 60_000 },
  { kind: 'cases.retention', everyMs: 24 * 60 * 60_000 },
  // The indicators' pre-counted figures (decision 0023).
  { kind: REFRESH_JOB, everyMs: 60 * 60_000 },
  { kind: 'plans.reminders', everyMs: 60 * 60_000 },
];
