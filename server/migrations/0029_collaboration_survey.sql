-- The collaboration survey (indikator for god samhandling): staff of the services answer a short
-- survey each round, anonymously. Who has answered is kept apart from the answers, and the answers
-- are kept only as counts per round, service type, item and answer: there is no row per answer, so
-- no order, time or key can join an answer to the person who gave it.

CREATE TABLE survey_round (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  instrument_key text NOT NULL,
  instrument_version integer NOT NULL CHECK (instrument_version > 0),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  created_by uuid NOT NULL REFERENCES staff_user(id),
  created_at timestamptz NOT NULL,
  CHECK (closes_on >= opens_on)
);
CREATE INDEX survey_round_municipality ON survey_round (municipality_id, opens_on);
CREATE INDEX survey_round_created_by_fk ON survey_round (created_by);

-- Who has answered a round: refuses a second answer; holds nothing of what was answered.
CREATE TABLE survey_participation (
  round_id uuid NOT NULL REFERENCES survey_round(id),
  staff_user_id uuid NOT NULL REFERENCES staff_user(id),
  PRIMARY KEY (round_id, staff_user_id)
);
CREATE INDEX survey_participation_staff_fk ON survey_participation (staff_user_id);

-- How many answered a round from each service type.
CREATE TABLE survey_respondents (
  round_id uuid NOT NULL REFERENCES survey_round(id),
  service_type text NOT NULL,
  respondents integer NOT NULL CHECK (respondents > 0),
  PRIMARY KEY (round_id, service_type)
);

-- How many of them gave each answer to each item.
CREATE TABLE survey_tally (
  round_id uuid NOT NULL REFERENCES survey_round(id),
  service_type text NOT NULL,
  link_id text NOT NULL,
  answer integer NOT NULL,
  answers integer NOT NULL CHECK (answers > 0),
  PRIMARY KEY (round_id, service_type, link_id, answer)
);
