-- The citizen side: consent given digitally (one signature each; with the "all guardians" rule the
-- consent is in force only once every guardian with parental responsibility has signed), a youth's
-- choice whether guardians see their case, and asking an early-intervention team for a discussion.

-- Who still has to sign a digital consent; empty when it is complete.
ALTER TABLE consent ADD COLUMN awaiting_person_ids uuid[] NOT NULL DEFAULT '{}';

-- A youth at or over the consent age decides whether guardians see their case (default: no).
ALTER TABLE person ADD COLUMN guardians_see_case boolean NOT NULL DEFAULT false;

-- A referral to an early-intervention team (henvisning), from a professional or asked for by the
-- family. An anonymous discussion has no person and stores no identity.
CREATE TABLE referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES team(id),
  person_id uuid REFERENCES person(id),
  age_years integer CHECK (age_years IS NULL OR age_years BETWEEN 0 AND 30),
  source text NOT NULL CHECK (source IN ('professional', 'family')),
  referred_by_staff_id uuid REFERENCES staff_user(id),
  requested_by_person_id uuid REFERENCES person(id),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  -- consent: the family's consent to team discussion; family_present: a guardian or the youth takes part
  basis text NOT NULL CHECK (basis IN ('consent', 'family_present', 'anonymous')),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'accepted', 'more_info', 'redirected', 'closed')),
  received_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  answered_by uuid REFERENCES staff_user(id),
  answer_note text,
  redirected_to_team_id uuid REFERENCES team(id),
  CHECK ((person_id IS NULL) = (basis = 'anonymous')),
  CHECK ((source = 'professional') = (referred_by_staff_id IS NOT NULL)),
  CHECK ((source = 'family') = (requested_by_person_id IS NOT NULL))
);
CREATE INDEX referral_team_status ON referral (team_id, status);
CREATE INDEX referral_person ON referral (person_id) WHERE person_id IS NOT NULL;
