-- From concern to action: a worry (undring/bekymring), the case with its level (0–3) and the
-- municipality's action guides (handlingsveileder), the relay log (stafettlogg) with its single relay
-- holder (stafettholder), handovers of the baton, transitions between services (overganger) and
-- enrolment, which says where a child goes to kindergarten or school.

ALTER TABLE municipality
  -- A handover not answered in this many days is escalated to the leader of the holder's unit.
  ADD COLUMN handover_escalation_days integer NOT NULL DEFAULT 5 CHECK (handover_escalation_days BETWEEN 1 AND 60),
  -- A closed relay log is kept this many years, then deleted by the retention job.
  ADD COLUMN case_retention_years integer NOT NULL DEFAULT 5 CHECK (case_retention_years BETWEEN 1 AND 20);

-- The leader of a unit (styrer, rektor, avdelingsleder) receives escalations.
ALTER TABLE service_unit ADD COLUMN leader_staff_user_id uuid REFERENCES staff_user(id);

-- Where a child is enrolled (barnehage, skole) or followed (helsestasjon). Decides transitions and
-- which school's absence import may name the child.
CREATE TABLE enrolment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  service_unit_id uuid NOT NULL REFERENCES service_unit(id),
  starts_on date NOT NULL,
  ends_on date,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX enrolment_person ON enrolment (person_id);
CREATE INDEX enrolment_unit ON enrolment (service_unit_id);

-- The action guide, versioned per municipality: publishing makes a new version; cases show the
-- newest. A step keeps its key across versions so that "done" survives an edit of its wording.
CREATE TABLE action_guide_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  version integer NOT NULL CHECK (version > 0),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES staff_user(id),
  note text,
  UNIQUE (municipality_id, version)
);

CREATE TABLE action_guide_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  guide_version_id uuid NOT NULL REFERENCES action_guide_version(id),
  level integer NOT NULL CHECK (level BETWEEN 0 AND 3),
  position integer NOT NULL CHECK (position > 0),
  step_key text NOT NULL CHECK (step_key ~ '^[a-z][a-z0-9_]{1,60}$'),
  title_nb text NOT NULL, title_nn text NOT NULL, title_en text NOT NULL,
  body_nb text NOT NULL DEFAULT '', body_nn text NOT NULL DEFAULT '', body_en text NOT NULL DEFAULT '',
  -- Links to handbook pages, routines and forms: [{"label": {"nb": …, "nn": …, "en": …}, "url": "…"}]
  links jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (guide_version_id, level, step_key),
  UNIQUE (guide_version_id, level, position)
);

-- A worry. person_id is null while it is discussed anonymously: no identity is stored, only the
-- kind of subject and an approximate age.
CREATE TABLE worry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  person_id uuid REFERENCES person(id),
  subject_kind text NOT NULL CHECK (subject_kind IN ('child', 'pregnant')),
  age_years integer CHECK (age_years IS NULL OR age_years BETWEEN 0 AND 60),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  description text NOT NULL CHECK (length(trim(description)) > 0),
  noticed_by uuid NOT NULL REFERENCES staff_user(id),
  noticed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  linked_at timestamptz,
  CHECK ((person_id IS NULL) = (linked_at IS NULL))
);
CREATE INDEX worry_noticed_by ON worry (noticed_by);
CREATE INDEX worry_person ON worry (person_id) WHERE person_id IS NOT NULL;

-- An anonymous discussion of a worry with a colleague or a team.
CREATE TABLE worry_discussion (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worry_id uuid NOT NULL REFERENCES worry(id),
  with_staff_id uuid REFERENCES staff_user(id),
  with_team_id uuid REFERENCES team(id),
  note text NOT NULL CHECK (length(trim(note)) > 0),
  written_by uuid NOT NULL REFERENCES staff_user(id),
  discussed_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((with_staff_id IS NULL) <> (with_team_id IS NULL))
);
CREATE INDEX worry_discussion_worry ON worry_discussion (worry_id);

-- The case: one open per child (or pregnant woman). It always has exactly one relay holder.
CREATE TABLE help_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  person_id uuid NOT NULL REFERENCES person(id),
  level integer NOT NULL CHECK (level BETWEEN 0 AND 3),
  relay_holder_id uuid NOT NULL REFERENCES staff_user(id), -- stafettholder
  opened_by uuid NOT NULL REFERENCES staff_user(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by_staff_id uuid REFERENCES staff_user(id),
  closed_by_person_id uuid REFERENCES person(id),
  close_reason text CHECK (close_reason IS NULL OR close_reason IN ('goals_reached', 'family_withdrew', 'moved', 'other')),
  close_note text,
  retain_until date,
  purged_at timestamptz, -- the log's entries were deleted by the retention rule
  version integer NOT NULL DEFAULT 1,
  CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
  CHECK ((closed_at IS NULL) = (retain_until IS NULL))
);
CREATE UNIQUE INDEX help_case_one_open ON help_case (person_id) WHERE closed_at IS NULL;
CREATE INDEX help_case_person ON help_case (person_id);
CREATE INDEX help_case_retention ON help_case (retain_until) WHERE purged_at IS NULL AND retain_until IS NOT NULL;

ALTER TABLE worry ADD COLUMN case_id uuid REFERENCES help_case(id);

CREATE TABLE case_level_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES help_case(id),
  from_level integer CHECK (from_level BETWEEN 0 AND 3), -- null when the case opened
  to_level integer NOT NULL CHECK (to_level BETWEEN 0 AND 3),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by uuid NOT NULL REFERENCES staff_user(id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_level_change_case ON case_level_change (case_id, changed_at);

-- A step of the action guide marked done on a case (by step key, so it survives a new guide version).
CREATE TABLE case_step_done (
  case_id uuid NOT NULL REFERENCES help_case(id),
  level integer NOT NULL CHECK (level BETWEEN 0 AND 3),
  step_key text NOT NULL,
  done_by uuid NOT NULL REFERENCES staff_user(id),
  done_at timestamptz NOT NULL DEFAULT now(),
  note text,
  PRIMARY KEY (case_id, level, step_key)
);

-- The relay log's entries. Nothing is changed in place: a correction inserts the next version of
-- the same entry_key; the newest version is current and the older ones are the visible history.
-- Measures and evaluations are entries too, so they share history, authorship and consent scope.
CREATE TABLE relay_log_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES help_case(id),
  entry_key uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  kind text NOT NULL CHECK (kind IN (
    'development_area', 'goal', 'measure', 'evaluation', 'agreement', 'decision', 'strength', 'family_note', 'holder_comment')),
  -- The kind of information (the consent's categories): a reader sees only what their consent covers.
  category text NOT NULL CHECK (category IN (
    'development', 'health', 'behaviour', 'social', 'family_situation', 'school_attendance', 'language', 'other')),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  body text NOT NULL DEFAULT '',
  -- measure
  responsible_staff_id uuid REFERENCES staff_user(id),
  starts_on date,
  evaluate_on date,
  -- evaluation of a measure (measure_key = the measure's entry_key)
  measure_key uuid,
  outcome text CHECK (outcome IS NULL OR outcome IN ('achieved', 'partly', 'not_achieved')),
  family_view text,
  child_view text,
  author_staff_id uuid REFERENCES staff_user(id),
  author_person_id uuid REFERENCES person(id), -- a guardian or the youth
  written_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entry_key, version),
  CHECK ((author_staff_id IS NULL) <> (author_person_id IS NULL)),
  CHECK (kind <> 'measure' OR (responsible_staff_id IS NOT NULL AND starts_on IS NOT NULL AND evaluate_on IS NOT NULL AND evaluate_on >= starts_on)),
  CHECK (kind <> 'evaluation' OR (measure_key IS NOT NULL AND outcome IS NOT NULL))
);
CREATE INDEX relay_log_entry_case ON relay_log_entry (case_id, written_at);
-- Serves the reminder job: current measures by evaluation date.
CREATE INDEX relay_log_entry_evaluate_on ON relay_log_entry (evaluate_on) WHERE kind = 'measure';

-- A handover of the baton: the old holder keeps it until the receiver accepts.
CREATE TABLE relay_handover (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES help_case(id),
  from_staff_id uuid NOT NULL REFERENCES staff_user(id),
  to_staff_id uuid NOT NULL REFERENCES staff_user(id),
  message text,
  requested_by uuid NOT NULL REFERENCES staff_user(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
  answered_at timestamptz,
  answer_note text,
  escalated_at timestamptz,
  transition_id uuid,
  CHECK (from_staff_id <> to_staff_id),
  CHECK ((status = 'pending') = (answered_at IS NULL))
);
CREATE UNIQUE INDEX relay_handover_one_pending ON relay_handover (case_id) WHERE status = 'pending';
CREATE INDEX relay_handover_to ON relay_handover (to_staff_id) WHERE status = 'pending';

-- A transition between stages (overgang): proposed by age or enrolment, with a transfer meeting
-- and the handover of the baton to the receiving unit.
CREATE TABLE transition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES help_case(id),
  from_stage text NOT NULL,
  to_stage text NOT NULL,
  to_unit_id uuid NOT NULL REFERENCES service_unit(id),
  due_on date NOT NULL,
  meeting_at timestamptz,
  meeting_place text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
  planned_by uuid NOT NULL REFERENCES staff_user(id),
  planned_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CHECK (from_stage <> to_stage)
);
CREATE UNIQUE INDEX transition_one_planned ON transition (case_id) WHERE status = 'planned';
ALTER TABLE relay_handover ADD CONSTRAINT relay_handover_transition FOREIGN KEY (transition_id) REFERENCES transition(id);

-- A colleague brought into a case by the relay holder (samarbeidspart).
ALTER TABLE involvement DROP CONSTRAINT involvement_kind_check;
ALTER TABLE involvement ADD CONSTRAINT involvement_kind_check CHECK (kind IN (
  'registrant', 'relay_holder', 'measure_responsible', 'meeting_participant', 'team_member', 'coordinator', 'collaborator'));
