// The background jobs of Sammen and how often the recurring ones run. Modules add their handlers here.
import type { Config } from './config.ts';
import type { JobHandler, RecurringJob } from './infra/jobs/queue.ts';
import { deleteIdleSessions } from './infra/auth/session.ts';

export function jobHandlers(config: Config): Record<string, JobHandler> {
  return {
    'sessions.cleanup': async (db) => {
      await deleteIdleSessions(db, config.sessionIdleMinutes);
    },
  };
}

export const recurringJobs: RecurringJob[] = [{ kind: 'sessions.cleanup', everyMs: 15 * 60_000 }];
