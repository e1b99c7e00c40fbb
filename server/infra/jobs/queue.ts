// PostgreSQL-backed job queue. Any number of server processes run a worker; each job runs once:
// claiming uses FOR UPDATE SKIP LOCKED, and recurring work is enqueued per time slot under a dedupe
// key, so two processes scheduling the same slot create one job. A job whose worker died (running
// longer than STALE_AFTER_MS) is handed out again.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { systemClock, type Clock } from '../clock.ts';

/** A job's work; `now` is the clock's time when the worker claimed it. */
export type JobHandler = (db: Db, payload: unknown, now: Date) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  /** The same key is enqueued once, ever: use it for reminders and scheduled slots. */
  dedupeKey?: string;
  maxAttempts?: number;
}

const STALE_AFTER_MS = 10 * 60_000;

export async function enqueue(db: Db, kind: string, payload: unknown = {}, options: EnqueueOptions = {}, now: Date = systemClock.now()): Promise<boolean> {
  const [queued] = await enqueueAll(db, [{ kind, payload, options }], now);
  return queued!;
}

export interface JobToQueue {
  kind: string;
  payload?: unknown;
  options?: EnqueueOptions;
}

/** Several jobs in one statement; each answer says whether that job was new (its dedupe key unused). */
export async function enqueueAll(db: Db, jobs: readonly JobToQueue[], now: Date = systemClock.now()): Promise<boolean[]> {
  if (jobs.length === 0) return [];
  const inserted = await db
    .insertInto('job')
    .values(jobs.map(({ kind, payload = {}, options = {} }) => ({
      kind, payload: JSON.stringify(payload), run_at: options.runAt ?? now, dedupe_key: options.dedupeKey ?? null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })))
    .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
    .returning('dedupe_key')
    .execute();
  // A job without a key is always new; one with a key is new when its key came back, once.
  const fresh = new Set(inserted.map((row) => row.dedupe_key));
  return jobs.map(({ options }) => {
    const key = options?.dedupeKey;
    if (key === undefined) return true;
    return fresh.delete(key);
  });
}

export interface RecurringJob {
  kind: string;
  everyMs: number;
}

/** Enqueues the current slot of each recurring job; safe to call from every process. */
export async function scheduleRecurring(db: Db, jobs: RecurringJob[], now: Date): Promise<void> {
  for (const job of jobs) {
    const slot = Math.floor(now.getTime() / job.everyMs);
    await enqueue(db, job.kind, {}, { dedupeKey: `recurring:${job.kind}:${slot}`, runAt: new Date(slot * job.everyMs), maxAttempts: 1 }, now);
  }
}

export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly db: Db;
  private readonly handlers: Map<string, JobHandler>;
  private readonly clock: Clock;

  constructor(db: Db, handlers: Record<string, JobHandler>, clock: Clock = systemClock) {
    this.db = db;
    this.clock = clock;
    this.handlers = new Map(Object.entries(handlers));
  }

  private async claim(now: Date) {
    const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return undefined;
    return this.db
      .updateTable('job')
      .set((eb) => ({ status: 'running', locked_by: this.id, locked_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('job')
          .select('id')
          .where('kind', 'in', kinds)
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'pending'), w('run_at', '<=', now)]),
              w.and([w('status', '=', 'running'), w('locked_at', '<', staleBefore)]),
            ]),
          )
          .orderBy('run_at')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .executeTakeFirst();
  }

  /** Runs due jobs until none is left; returns how many ran. */
  async drain(now = this.clock.now()): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await this.claim(now);
      if (!job) return ran;
      ran++;
      try {
        await this.handlers.get(job.kind)!(this.db, job.payload, now);
        await this.db.updateTable('job').set({ status: 'done', finished_at: this.clock.now(), last_error: null }).where('id', '=', job.id).execute();
      } catch (error) {
        const failed = job.attempts >= job.max_attempts;
        const backoffMs = 2 ** job.attempts * 30_000;
        await this.db
          .updateTable('job')
          .set({
            status: failed ? 'failed' : 'pending',
            last_error: (error as Error).message.slice(0, 2000),
            run_at: new Date(this.clock.now().getTime() + backoffMs),
            finished_at: failed ? this.clock.now() : null,
          })
          .where('id', '=', job.id)
          .execute();
      }
    }
  }
}

/** Schedules recurring jobs and drains the queue every intervalMs until stopped. */
export function startJobLoop(db: Db, handlers: Record<string, JobHandler>, recurring: RecurringJob[], clock: Clock, intervalMs = 15_000, onError: (e: unknown) => void = () => {}) {
  const worker = new Worker(db, handlers, clock);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      try {
        await scheduleRecurring(db, recurring, clock.now());
        await worker.drain();
      } catch (error) {
        onError(error);
      }
    })();
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    worker,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
