-- Foundation: organisation, staff, people, sign-in sessions and the audit log.
-- Written for PostgreSQL 15 (server) and 18 (PGlite): no syntax newer than 15.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE municipality (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}$'), -- kommunenummer
  name text NOT NULL CHECK (length(trim(name)) > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The kinds of service unit. Seeded with the standard list; an administrator may add more.
CREATE TABLE service_unit_type (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_nb text NOT NULL CHECK (length(trim(name_nb)) > 0),
  name_nn text NOT NULL CHECK (length(trim(name_nn)) > 0),
  name_en text NOT NULL CHECK (length(trim(name_en)) > 0),
  sort_order integer NOT NULL DEFAULT 100,
  built_in boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service_unit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  type_code text NOT NULL REFERENCES service_unit_type(code),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  area text, -- bydel/område: decides which early-intervention team is proposed
  email text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1, -- optimistic concurrency: edits must name the version they read
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Serves the duplicate check on create/rename: one name per municipality, case-insensitive.
CREATE UNIQUE INDEX service_unit_name_unique ON service_unit (municipality_id, lower(name));

CREATE TABLE staff_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text NOT NULL CHECK (length(trim(display_name)) > 0),
  email text NOT NULL,
  phone text,
  national_id text UNIQUE CHECK (national_id IS NULL OR national_id ~ '^[0-9]{11}$'), -- for ID-porten sign-in
  oidc_subject text UNIQUE, -- `sub` from the staff identity provider
  service_unit_id uuid REFERENCES service_unit(id),
  title text,
  language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'nn', 'en')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Serves the duplicate check on e-mail (several people may share a display name; not an e-mail).
CREATE UNIQUE INDEX staff_user_email_unique ON staff_user (lower(email));
-- Serves "staff of a unit" (unit leader, handover targets).
CREATE INDEX staff_user_unit ON staff_user (service_unit_id);

CREATE TABLE staff_role (
  staff_user_id uuid NOT NULL REFERENCES staff_user(id),
  role text NOT NULL CHECK (role IN (
    'professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake',
    'coordinating_unit', 'sbu_coordinator', 'analyst', 'administrator', 'auditor')),
  PRIMARY KEY (staff_user_id, role)
);

-- Children, youth, pregnant women and guardians. national_id is fødselsnummer or D-nummer;
-- a newly arrived person may have none and is identified by name and birth date.
CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  national_id text UNIQUE CHECK (national_id IS NULL OR national_id ~ '^[0-9]{11}$'),
  given_name text NOT NULL CHECK (length(trim(given_name)) > 0),
  family_name text NOT NULL CHECK (length(trim(family_name)) > 0),
  birth_date date NOT NULL,
  -- 'child' (barn/ungdom), 'pregnant' (gravid: a subject before the child is born), 'adult'
  kind text NOT NULL CHECK (kind IN ('child', 'pregnant', 'adult')),
  expected_birth_date date, -- termin, for a pregnant woman
  area text,
  address text,
  email text,
  phone text,
  language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'nn', 'en')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'pregnant' OR expected_birth_date IS NOT NULL)
);
-- Serves the duplicate check for people without a national id.
CREATE INDEX person_name_birth ON person (lower(family_name), lower(given_name), birth_date);
-- Serves name search when tying a worry to a person and the person-register check.
CREATE INDEX person_name_trgm ON person USING gin ((given_name || ' ' || family_name) gin_trgm_ops);

-- Foreldreansvar: only guardians with parental responsibility consent for a child.
CREATE TABLE guardianship (
  child_id uuid NOT NULL REFERENCES person(id),
  guardian_id uuid NOT NULL REFERENCES person(id),
  relation text NOT NULL CHECK (relation IN ('mother', 'father', 'other')),
  parental_responsibility boolean NOT NULL,
  lives_with_child boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (child_id, guardian_id),
  CHECK (child_id <> guardian_id)
);
-- Serves "children of this guardian" (Min side).
CREATE INDEX guardianship_guardian ON guardianship (guardian_id);

-- A citizen's sign-in: through ID-porten (oidc_subject, matched on the national id claim) or,
-- in development, a demo username.
CREATE TABLE citizen_account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL UNIQUE REFERENCES person(id),
  username text UNIQUE,
  oidc_subject text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions so that several server processes share them and sign-out is immediate.
-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE session (
  token_hash text PRIMARY KEY,
  staff_user_id uuid REFERENCES staff_user(id),
  citizen_account_id uuid REFERENCES citizen_account(id),
  active_role text, -- the role the staff user acts in; audit records it
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((staff_user_id IS NULL) <> (citizen_account_id IS NULL))
);
-- Serves the clean-up of idle sessions.
CREATE INDEX session_last_seen ON session (last_seen_at);

-- Audit log (tilgangslogg): append-only, written in the same transaction as the access it records.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system', 'anonymous')),
  actor_id uuid, -- staff_user.id or citizen_account.id
  actor_name text, -- snapshot: the name as it was when the access happened
  actor_role text,
  actor_unit_id uuid,
  subject_kind text CHECK (subject_kind IN ('person', 'staff')),
  subject_id uuid, -- the person (or staff user) whose data was accessed
  action text NOT NULL,  -- e.g. 'person.read', 'staff.create'
  entity_type text,
  entity_id text,
  purpose text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  reason text, -- why it was allowed or denied (a code from the authorization module)
  request_id text,
  CHECK ((subject_kind IS NULL) = (subject_id IS NULL))
);
-- Serves "who has read this person's data" (auditor, and later the family's access log).
CREATE INDEX audit_event_subject ON audit_event (subject_id, occurred_at DESC);
-- Serves the auditor's search by actor.
CREATE INDEX audit_event_actor ON audit_event (actor_id, occurred_at DESC);
-- Serves the auditor's default view: newest first.
CREATE INDEX audit_event_time ON audit_event (occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Involvement (involvering): how a staff user is connected to a person's case. The access module
-- reads it; later modules (relay log, teams, meetings) write it. ended_at closes it.
CREATE TABLE involvement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  staff_user_id uuid NOT NULL REFERENCES staff_user(id),
  kind text NOT NULL CHECK (kind IN (
    'registrant', 'relay_holder', 'measure_responsible', 'meeting_participant', 'team_member',
    'coordinator')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
-- Serves the access check "is this user involved with this person now".
CREATE INDEX involvement_person_staff ON involvement (person_id, staff_user_id) WHERE ended_at IS NULL;
-- Serves "my children" for a professional.
CREATE INDEX involvement_staff ON involvement (staff_user_id) WHERE ended_at IS NULL;

-- Teams: the early-intervention teams (tidlig innsatsteam, TIT) by age group and area, and the
-- system-level teams (systemteam) that work on trends without personal data.
CREATE TABLE team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('early_intervention', 'system_level')),
  age_from_months integer NOT NULL CHECK (age_from_months >= -9), -- negative: before birth
  age_to_months integer NOT NULL,
  area text, -- null: the whole municipality
  leader_staff_user_id uuid REFERENCES staff_user(id),
  meeting_place text,
  description text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_to_months >= age_from_months)
);
CREATE UNIQUE INDEX team_name_unique ON team (municipality_id, lower(name));

-- The services that take part in a team.
CREATE TABLE team_service_unit (
  team_id uuid NOT NULL REFERENCES team(id),
  service_unit_id uuid NOT NULL REFERENCES service_unit(id),
  PRIMARY KEY (team_id, service_unit_id)
);

CREATE TABLE team_member (
  team_id uuid NOT NULL REFERENCES team(id),
  staff_user_id uuid NOT NULL REFERENCES staff_user(id),
  PRIMARY KEY (team_id, staff_user_id)
);
-- Serves "my teams".
CREATE INDEX team_member_staff ON team_member (staff_user_id);
