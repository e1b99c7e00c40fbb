-- Background jobs (reminders, deadlines, retention, clean-up) in PostgreSQL, so that several server
-- processes share the work: a job is claimed with FOR UPDATE SKIP LOCKED, and a dedupe key makes
-- a scheduled or reminder job exist once however many processes try to add it.
CREATE TABLE job (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  last_error text,
  locked_by text,
  locked_at timestamptz,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- Serves "one job per key" (a reminder sent once, a recurring slot run once).
CREATE UNIQUE INDEX job_dedupe_key ON job (dedupe_key) WHERE dedupe_key IS NOT NULL;
-- Serves the worker's claim: the oldest due pending job.
CREATE INDEX job_due ON job (run_at) WHERE status = 'pending';
-- Serves the recovery of jobs whose worker died.
CREATE INDEX job_running ON job (locked_at) WHERE status = 'running';
