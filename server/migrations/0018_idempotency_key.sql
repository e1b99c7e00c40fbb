-- The first answer to a create, kept under the client's Idempotency-Key so that a retry (a lost
-- response, a double click, two tabs) gets the same answer instead of a second record. The key is
-- claimed in the transaction of the create: a concurrent duplicate waits on the primary key and
-- then replays. Keys are per user; a background job deletes them after a day.
CREATE TABLE idempotency_key (
  owner text NOT NULL, -- 'staff:<staff_user id>' or 'citizen:<citizen_account id>'
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_.:-]{8,200}$'),
  request_hash text NOT NULL, -- SHA-256 of method, path and body: the same key with another request is refused
  status integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, key)
);
-- Serves the clean-up job.
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
