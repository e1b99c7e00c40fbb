-- Level 2 of the collaboration model (samhandlingsmodellen, seed 002): a whole-family effort
-- (helhetlig innsats rundt familien). A professional or the family asks for it; the level-2 intake
-- (Koordinerende enhet, decision 0028) offers it to an effort leader (innsatsleder), who accepts,
-- calls in NAV, child welfare and health services under the family's consents, and ends it with an
-- evaluation. The effort links the family's people; each child's case, log and consents stay the
-- child's own, and nothing here opens them.
CREATE TABLE family_effort (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  -- requested: waiting for the intake; offered: a leader is asked; active: the leader accepted; closed: evaluated
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'offered', 'active', 'closed')),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  requested_by_staff_id uuid REFERENCES staff_user(id),
  requested_by_person_id uuid REFERENCES person(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  offered_to_staff_id uuid REFERENCES staff_user(id),
  offered_by_staff_id uuid REFERENCES staff_user(id),
  offered_at timestamptz,
  leader_staff_id uuid REFERENCES staff_user(id),
  started_at timestamptz,
  closed_at timestamptz,
  outcome text CHECK (outcome IS NULL OR outcome IN ('goals_reached', 'partly_reached', 'not_reached')),
  evaluation text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((requested_by_staff_id IS NULL) <> (requested_by_person_id IS NULL)),
  CHECK (status <> 'offered' OR offered_to_staff_id IS NOT NULL),
  CHECK (status NOT IN ('active', 'closed') OR leader_staff_id IS NOT NULL),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (status <> 'closed' OR (outcome IS NOT NULL AND length(trim(evaluation)) > 0))
);
CREATE INDEX family_effort_municipality_id ON family_effort (municipality_id, status);
CREATE INDEX family_effort_requested_by_staff_id ON family_effort (requested_by_staff_id) WHERE requested_by_staff_id IS NOT NULL;
CREATE INDEX family_effort_requested_by_person_id ON family_effort (requested_by_person_id) WHERE requested_by_person_id IS NOT NULL;
CREATE INDEX family_effort_offered_to_staff_id ON family_effort (offered_to_staff_id) WHERE offered_to_staff_id IS NOT NULL;
CREATE INDEX family_effort_offered_by_staff_id ON family_effort (offered_by_staff_id) WHERE offered_by_staff_id IS NOT NULL;
CREATE INDEX family_effort_leader_staff_id ON family_effort (leader_staff_id) WHERE leader_staff_id IS NOT NULL;

-- The family: the parents with parental responsibility and every child of theirs.
CREATE TABLE family_effort_member (
  effort_id uuid NOT NULL REFERENCES family_effort(id),
  person_id uuid NOT NULL REFERENCES person(id),
  role text NOT NULL CHECK (role IN ('parent', 'child')),
  PRIMARY KEY (effort_id, person_id)
);
CREATE INDEX family_effort_member_person_id ON family_effort_member (person_id);

-- A service the leader called in: a named professional of a unit some member's consent covers.
CREATE TABLE family_effort_service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  effort_id uuid NOT NULL REFERENCES family_effort(id),
  staff_user_id uuid NOT NULL REFERENCES staff_user(id),
  called_in_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (effort_id, staff_user_id)
);
CREATE INDEX family_effort_service_staff_user_id ON family_effort_service (staff_user_id);
