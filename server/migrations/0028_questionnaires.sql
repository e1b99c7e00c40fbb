-- Questionnaires (spørreskjema): screening instruments answered by a person and scored, and the
-- family's rating of progress towards a goal (måloppnåelse) before, during and after a measure.
-- Definitions and answers are shaped like FHIR Questionnaire and QuestionnaireResponse, so an
-- export is direct. The built-in instruments (EPDS, AUDIT) live in the code
-- (modules/questionnaires/instruments/); a municipality's own instruments live here.

-- From this age a child rates the progress of their own goals; below it the guardians rate.
ALTER TABLE municipality
  ADD COLUMN goal_rating_age integer NOT NULL DEFAULT 10 CHECK (goal_rating_age BETWEEN 0 AND 18);

-- One version of a municipality's own instrument: the definition as it was published. A new
-- version retires the one before it; answers keep the version they were given under.
CREATE TABLE questionnaire_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  instrument_key text NOT NULL CHECK (instrument_key ~ '^[a-z][a-z0-9_]{1,40}$'),
  version integer NOT NULL CHECK (version > 0),
  definition jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES staff_user(id),
  created_at timestamptz NOT NULL,
  retired_at timestamptz,
  UNIQUE (municipality_id, instrument_key, version)
);
CREATE INDEX questionnaire_version_created_by_fk ON questionnaire_version (created_by);

-- A screening: one instrument answered by one person, who is also whose data it is (a mother's
-- screening is hers, not her baby's). Sent to Min side or filled in together in a conversation.
CREATE TABLE screening (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  person_id uuid NOT NULL REFERENCES person(id),
  instrument_key text NOT NULL,
  instrument_version integer NOT NULL CHECK (instrument_version > 0),
  mode text NOT NULL CHECK (mode IN ('conversation', 'min_side')),
  requested_by uuid NOT NULL REFERENCES staff_user(id),
  requested_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'answered')),
  -- The answer (QuestionnaireResponse.item) and what the scoring rule made of it.
  language text CHECK (language IN ('nb', 'nn', 'en')),
  response jsonb,
  score integer,
  subscores jsonb,
  threshold_key text,
  alert boolean NOT NULL DEFAULT false,
  answered_at timestamptz,
  -- The measure in the relay log the suggestion was taken into.
  measure_entry_key uuid,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
  CHECK ((status = 'answered') = (score IS NOT NULL))
);
CREATE INDEX screening_person ON screening (person_id, requested_at);
CREATE INDEX screening_requested_by_fk ON screening (requested_by);
CREATE INDEX screening_municipality ON screening (municipality_id, requested_at);

-- A rating of progress towards one goal, 0–10. Keyed by where the goal lives and its key (a relay
-- log goal's entry_key today, an individual plan's goal later), so the rating outlives corrections
-- of the goal's wording.
CREATE TABLE goal_rating (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  goal_source text NOT NULL CHECK (goal_source IN ('relay_log', 'plan')),
  goal_key uuid NOT NULL,
  occasion text NOT NULL CHECK (occasion IN ('start', 'evaluation', 'end')),
  rater text NOT NULL CHECK (rater IN ('family', 'child')),
  -- Who gave it: the family on Min side, or a professional writing it down in the meeting.
  rater_person_id uuid REFERENCES person(id),
  recorded_by_staff_id uuid REFERENCES staff_user(id),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 10),
  rated_on date NOT NULL,
  rated_at timestamptz NOT NULL,
  CHECK ((rater_person_id IS NULL) <> (recorded_by_staff_id IS NULL))
);
CREATE INDEX goal_rating_goal ON goal_rating (goal_source, goal_key, rated_at);
CREATE INDEX goal_rating_person ON goal_rating (person_id);
CREATE INDEX goal_rating_rater_person_fk ON goal_rating (rater_person_id) WHERE rater_person_id IS NOT NULL;
CREATE INDEX goal_rating_recorded_by_fk ON goal_rating (recorded_by_staff_id) WHERE recorded_by_staff_id IS NOT NULL;
-- One start rating per goal and rater: the curve begins once.
CREATE UNIQUE INDEX goal_rating_one_start ON goal_rating (goal_source, goal_key, rater) WHERE occasion = 'start';
