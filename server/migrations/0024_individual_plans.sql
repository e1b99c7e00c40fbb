-- Individual plan (individuell plan, IP), coordinator (koordinator) and Koordinerende enhet: the
-- family's or a professional's request, the unit's decision, the coordinator's appointment (which the
-- coordinator accepts, like the baton), and the plan itself, which links the relay log's entries
-- rather than copying them (decision 0022).

-- A request for an individual plan and/or a coordinator, and Koordinerende enhet's decision on it.
CREATE TABLE plan_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  person_id uuid NOT NULL REFERENCES person(id),
  -- What is asked for: a plan and a coordinator, only a coordinator, or a child coordinator (barnekoordinator).
  kind text NOT NULL CHECK (kind IN ('plan_and_coordinator', 'coordinator', 'child_coordinator')),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  requested_by_person_id uuid REFERENCES person(id),
  requested_by_staff_id uuid REFERENCES staff_user(id),
  requested_at timestamptz NOT NULL,
  decision text CHECK (decision IN ('granted', 'refused')),
  decision_reason text,
  decided_by uuid REFERENCES staff_user(id),
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((requested_by_person_id IS NULL) <> (requested_by_staff_id IS NULL)),
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK (decision IS NULL OR (decided_by IS NOT NULL AND length(trim(coalesce(decision_reason, ''))) > 0))
);
-- One undecided request per person at a time.
CREATE UNIQUE INDEX plan_request_one_open ON plan_request (person_id) WHERE decision IS NULL;
CREATE INDEX plan_request_municipality ON plan_request (municipality_id, requested_at);
CREATE INDEX plan_request_person ON plan_request (person_id);
CREATE INDEX plan_request_requested_by_person_fk ON plan_request (requested_by_person_id) WHERE requested_by_person_id IS NOT NULL;
CREATE INDEX plan_request_requested_by_staff_fk ON plan_request (requested_by_staff_id) WHERE requested_by_staff_id IS NOT NULL;
CREATE INDEX plan_request_decided_by_fk ON plan_request (decided_by) WHERE decided_by IS NOT NULL;

-- The coordinator of a person: appointed by Koordinerende enhet, in office only once they accept.
-- A new appointment replaces the old one when the new coordinator accepts.
CREATE TABLE coordinator_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  request_id uuid REFERENCES plan_request(id),
  staff_user_id uuid NOT NULL REFERENCES staff_user(id),
  child_coordinator boolean NOT NULL DEFAULT false,
  appointed_by uuid NOT NULL REFERENCES staff_user(id),
  appointed_at timestamptz NOT NULL,
  reason text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled', 'ended')),
  answered_at timestamptz,
  ended_at timestamptz,
  CHECK (status <> 'pending' OR (answered_at IS NULL AND ended_at IS NULL))
);
CREATE UNIQUE INDEX coordinator_assignment_one_pending ON coordinator_assignment (person_id) WHERE status = 'pending';
CREATE UNIQUE INDEX coordinator_assignment_one_current ON coordinator_assignment (person_id) WHERE status = 'accepted';
CREATE INDEX coordinator_assignment_person ON coordinator_assignment (person_id);
CREATE INDEX coordinator_assignment_staff ON coordinator_assignment (staff_user_id);
CREATE INDEX coordinator_assignment_request_fk ON coordinator_assignment (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX coordinator_assignment_appointed_by_fk ON coordinator_assignment (appointed_by);

-- The plan: one active per person. Its content is the linked relay-log entries, the family's and the
-- child's own goals, the services' contributions and the evaluation dates; every change bumps the
-- version and leaves a row in plan_change (the visible history).
CREATE TABLE individual_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  person_id uuid NOT NULL REFERENCES person(id),
  case_id uuid NOT NULL REFERENCES help_case(id),
  request_id uuid REFERENCES plan_request(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_by uuid NOT NULL REFERENCES staff_user(id),
  created_at timestamptz NOT NULL,
  -- The family's confirmation of the version they read (null until confirmed, and again after a change).
  confirmed_version integer,
  confirmed_by_person_id uuid REFERENCES person(id),
  confirmed_at timestamptz,
  -- A young adult's own consent, after 18 the plan continues only with it.
  adult_consent_at timestamptz,
  ended_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'ended') = (ended_at IS NOT NULL))
);
CREATE UNIQUE INDEX individual_plan_one_active ON individual_plan (person_id) WHERE status = 'active';
CREATE INDEX individual_plan_person ON individual_plan (person_id);
CREATE INDEX individual_plan_municipality ON individual_plan (municipality_id, created_at);
CREATE INDEX individual_plan_case_fk ON individual_plan (case_id);
CREATE INDEX individual_plan_request_fk ON individual_plan (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX individual_plan_created_by_fk ON individual_plan (created_by);
CREATE INDEX individual_plan_confirmed_by_fk ON individual_plan (confirmed_by_person_id) WHERE confirmed_by_person_id IS NOT NULL;

-- The relay log's development areas, goals and measures the plan carries: the entry key, so the plan
-- shows each entry's current version.
CREATE TABLE plan_log_link (
  plan_id uuid NOT NULL REFERENCES individual_plan(id),
  entry_key uuid NOT NULL,
  PRIMARY KEY (plan_id, entry_key)
);

-- The family's and the child's own goals, in their own words, with their status after an evaluation.
CREATE TABLE plan_goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES individual_plan(id),
  whose text NOT NULL CHECK (whose IN ('family', 'child')),
  text text NOT NULL CHECK (length(trim(text)) > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'partly', 'not_achieved')),
  family_view text,
  author_person_id uuid REFERENCES person(id),
  author_staff_id uuid REFERENCES staff_user(id),
  written_at timestamptz NOT NULL,
  CHECK ((author_person_id IS NULL) <> (author_staff_id IS NULL))
);
CREATE INDEX plan_goal_plan ON plan_goal (plan_id, written_at);
CREATE INDEX plan_goal_author_person_fk ON plan_goal (author_person_id) WHERE author_person_id IS NOT NULL;
CREATE INDEX plan_goal_author_staff_fk ON plan_goal (author_staff_id) WHERE author_staff_id IS NOT NULL;

-- What a service contributes (tjenestenes bidrag): a responsible person and dates, the end not before the start.
CREATE TABLE plan_contribution (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES individual_plan(id),
  description text NOT NULL CHECK (length(trim(description)) > 0),
  responsible_staff_id uuid NOT NULL REFERENCES staff_user(id),
  starts_on date NOT NULL,
  ends_on date,
  written_by uuid NOT NULL REFERENCES staff_user(id),
  written_at timestamptz NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX plan_contribution_plan ON plan_contribution (plan_id);
CREATE INDEX plan_contribution_responsible_fk ON plan_contribution (responsible_staff_id);
CREATE INDEX plan_contribution_written_by_fk ON plan_contribution (written_by);

-- The plan's evaluation dates; the reminder job marks each reminded once, the evaluation marks it done.
CREATE TABLE plan_evaluation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES individual_plan(id),
  due_on date NOT NULL,
  reminded_at timestamptz,
  done_at timestamptz,
  done_on date,
  UNIQUE (plan_id, due_on)
);
CREATE INDEX plan_evaluation_due ON plan_evaluation (due_on) WHERE done_at IS NULL;

-- The family's comments on the plan.
CREATE TABLE plan_comment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES individual_plan(id),
  body text NOT NULL CHECK (length(trim(body)) > 0),
  author_person_id uuid REFERENCES person(id),
  author_staff_id uuid REFERENCES staff_user(id),
  written_at timestamptz NOT NULL,
  CHECK ((author_person_id IS NULL) <> (author_staff_id IS NULL))
);
CREATE INDEX plan_comment_plan ON plan_comment (plan_id, written_at);
CREATE INDEX plan_comment_author_person_fk ON plan_comment (author_person_id) WHERE author_person_id IS NOT NULL;
CREATE INDEX plan_comment_author_staff_fk ON plan_comment (author_staff_id) WHERE author_staff_id IS NOT NULL;

-- The plan's history: what changed, by whom and when, and the version it made (a confirmation or a
-- comment records the version it was about).
CREATE TABLE plan_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES individual_plan(id),
  version integer NOT NULL,
  what text NOT NULL CHECK (what IN ('created', 'goal_added', 'contribution_added', 'evaluation_planned', 'evaluated', 'confirmed', 'comment_added', 'coordinator_changed', 'adult_consent', 'ended')),
  by_staff_id uuid REFERENCES staff_user(id),
  by_person_id uuid REFERENCES person(id),
  changed_at timestamptz NOT NULL,
  CHECK ((by_staff_id IS NULL) <> (by_person_id IS NULL))
);
CREATE INDEX plan_change_plan ON plan_change (plan_id, changed_at);
CREATE INDEX plan_change_by_staff_fk ON plan_change (by_staff_id) WHERE by_staff_id IS NOT NULL;
CREATE INDEX plan_change_by_person_fk ON plan_change (by_person_id) WHERE by_person_id IS NOT NULL;
