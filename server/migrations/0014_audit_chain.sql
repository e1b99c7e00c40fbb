-- Tamper evidence for the audit log (docs/decisions/0011-audit-log-roles-and-chain.md).
-- Each event is sealed into a hash chain (audit_chain) by audit_seal(), in id order, some time after
-- it commits. Writers never wait for the chain: they only insert, as before.

-- An event's id is drawn only after its transaction holds a transaction id. audit_seal() relies on
-- that to know when every id up to a point has committed or will never appear (see there).
ALTER TABLE audit_event ALTER COLUMN id DROP DEFAULT;

CREATE FUNCTION audit_event_assign_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  -- Always from the sequence: an id chosen by the writer could slip in behind the sealed part.
  NEW.id := nextval('audit_event_id_seq'::regclass);
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_event_id BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_assign_id();

CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- The chain: hash = sha256(previous hash || the event's canonical content). No foreign key to
-- audit_event on purpose: a removed event must leave its seal behind as evidence.
CREATE TABLE audit_chain (
  event_id bigint PRIMARY KEY,
  hash bytea NOT NULL
);
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- One row: how far the chain reaches and the horizon the next run may seal up to.
CREATE TABLE audit_seal_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  sealed_through bigint NOT NULL DEFAULT 0, -- every event id up to here is in the chain or never committed
  head_id bigint,                           -- the last sealed event and its hash
  head_hash bytea,
  horizon_id bigint,                        -- the sequence's value when horizon_xid was taken
  horizon_xid xid8
);
INSERT INTO audit_seal_state DEFAULT VALUES;

-- Whether every transaction that may hold an event id drawn before `horizon` was taken has ended.
-- Such a transaction locks audit_event (to insert) before its id is drawn and keeps the lock and its
-- transaction id until it ends, so it shows in pg_locks. Only this database's writers of the log
-- count: a long transaction elsewhere on the server does not hold the chain back.
CREATE FUNCTION audit_horizon_passed(horizon xid8) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, public
AS $$
  SELECT pg_snapshot_xmin(pg_current_snapshot()) > horizon OR NOT EXISTS (
    SELECT 1
    FROM pg_locks r
    JOIN pg_locks x ON x.virtualtransaction = r.virtualtransaction
    WHERE r.locktype = 'relation'
      AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND r.relation = 'audit_event'::regclass
      AND x.locktype = 'transactionid' AND x.mode = 'ExclusiveLock' AND x.granted
      -- x.transactionid is the 32-bit form: older than the horizon when behind it by less than 2^31.
      AND ((horizon::text::bigint % 4294967296) - x.transactionid::text::bigint + 4294967296) % 4294967296
          BETWEEN 1 AND 2147483647
  )
$$;

-- The canonical content of an event: all its columns as JSON, nulls left out so that adding a
-- nullable column later does not change rows written before it. Timestamps are written in UTC
-- (the function's TimeZone setting), so every session computes the same bytes.
-- `npm run audit:verify` recomputes the chain from the same text, independently of this function.
--
-- Commit order: an event's id is drawn after its transaction's id (trigger above). This function
-- first reads the sequence (S), then takes its own transaction id (X), and stores both as the
-- horizon. Any event with id <= S belongs to a transaction whose id is < X. A later run that finds
-- no such transaction still running (audit_horizon_passed) knows every such event has committed or
-- rolled back, so sealing up to S in id order can never skip one that commits later.
CREATE FUNCTION audit_seal(max_rows integer DEFAULT 10000) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  SET "TimeZone" = 'UTC'
AS $$
DECLARE
  -- Called in a transaction that already has an id, X would not be later than S: no new horizon then.
  fresh boolean := pg_current_xact_id_if_assigned() IS NULL;
  batch integer := greatest(1, least(coalesce(max_rows, 10000), 100000));
  seq_now bigint;
  xid_now xid8;
  st audit_seal_state;
  upto bigint;
  h bytea;
  last_id bigint;
  n integer := 0;
  r record;
BEGIN
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO seq_now FROM audit_event_id_seq;
  xid_now := pg_current_xact_id();
  -- The one lock: sealers run one at a time; writers of audit events never take it.
  SELECT * INTO st FROM audit_seal_state FOR UPDATE;

  upto := st.sealed_through;
  IF st.horizon_xid IS NOT NULL AND audit_horizon_passed(st.horizon_xid) THEN
    upto := greatest(st.horizon_id, st.sealed_through);
  END IF;

  h := st.head_hash;
  last_id := st.head_id;
  FOR r IN
    SELECT e.id, convert_to(jsonb_strip_nulls(to_jsonb(e))::text, 'UTF8') AS content
    FROM audit_event e
    WHERE e.id > st.sealed_through AND e.id <= upto
    ORDER BY e.id
    LIMIT batch
  LOOP
    h := sha256(coalesce(h, ''::bytea) || r.content);
    INSERT INTO audit_chain (event_id, hash) VALUES (r.id, h);
    last_id := r.id;
    n := n + 1;
  END LOOP;

  st.sealed_through := CASE WHEN n < batch THEN upto ELSE last_id END;
  IF fresh AND st.sealed_through >= coalesce(st.horizon_id, 0) THEN
    st.horizon_id := seq_now;
    st.horizon_xid := xid_now;
  END IF;
  UPDATE audit_seal_state
    SET sealed_through = st.sealed_through, head_id = last_id, head_hash = h,
        horizon_id = st.horizon_id, horizon_xid = st.horizon_xid;
  RETURN n;
END;
$$;
-- Only the roles the grant step names may seal (server/infra/db/roles.ts).
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;
