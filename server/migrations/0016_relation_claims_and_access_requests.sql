-- Family relations entered by hand, and access requests for a person registered by someone else.
--
-- `guardianship` now holds only confirmed relations (the population register, or the guardian on
-- Min side): every reader of it — the access module, consent, meetings, Min side — therefore opens
-- nothing on a professional's word alone. What a professional types about a guardian is a claim.

CREATE TABLE relation_claim (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES person(id),
  -- What the professional entered; never copied from an existing person, so it discloses nothing.
  national_id text CHECK (national_id IS NULL OR national_id ~ '^[0-9]{11}$'),
  given_name text NOT NULL CHECK (length(trim(given_name)) > 0),
  family_name text NOT NULL CHECK (length(trim(family_name)) > 0),
  birth_date date NOT NULL,
  email text,
  phone text,
  relation text NOT NULL CHECK (relation IN ('mother', 'father', 'other')),
  parental_responsibility boolean NOT NULL,
  lives_with_child boolean NOT NULL DEFAULT true,
  -- unconfirmed: opens nothing; confirmed: a guardianship row exists; refused: the named person said
  -- no; not_in_register: the population register names other parents.
  status text NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'confirmed', 'refused', 'not_in_register')),
  claimed_by uuid REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by_person_id uuid REFERENCES person(id),
  decided_by_staff_id uuid REFERENCES staff_user(id),
  guardian_id uuid REFERENCES person(id),
  CHECK ((status = 'unconfirmed') = (decided_at IS NULL))
);
-- Serves Min side: the relations waiting for this citizen's confirmation.
CREATE INDEX relation_claim_waiting ON relation_claim (national_id) WHERE status = 'unconfirmed';
-- Serves the person page: the relations entered for a child.
CREATE INDEX relation_claim_child ON relation_claim (child_id);

-- A professional asks the family for access to a person registered elsewhere in Sammen. Until the
-- family grants it the requester learns only that the person exists.
CREATE TABLE access_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  requested_by uuid NOT NULL REFERENCES staff_user(id),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  answered_by_person_id uuid REFERENCES person(id),
  CHECK ((status = 'pending') = (answered_at IS NULL))
);
-- One open request per professional and person: asking again replays the first.
CREATE UNIQUE INDEX access_request_one_pending ON access_request (person_id, requested_by) WHERE status = 'pending';
-- Serves the requester's own list.
CREATE INDEX access_request_requester ON access_request (requested_by, created_at DESC);

-- Access the family granted on request.
ALTER TABLE involvement DROP CONSTRAINT involvement_kind_check;
ALTER TABLE involvement ADD CONSTRAINT involvement_kind_check CHECK (kind IN (
  'registrant', 'relay_holder', 'measure_responsible', 'meeting_participant', 'team_member', 'coordinator', 'collaborator',
  'granted_by_family'));

-- Relations entered by hand before this migration were never confirmed: they become claims. The
-- national id and names are kept so that the guardian can still confirm on Min side.
INSERT INTO relation_claim (child_id, national_id, given_name, family_name, birth_date, relation, parental_responsibility,
  lives_with_child, claimed_by, created_at)
SELECT g.child_id, p.national_id, p.given_name, p.family_name, p.birth_date, g.relation, g.parental_responsibility,
  g.lives_with_child, c.created_by, g.created_at
FROM guardianship g
JOIN person c ON c.id = g.child_id
JOIN person p ON p.id = g.guardian_id
WHERE c.created_by IS NOT NULL;
DELETE FROM guardianship g USING person c WHERE c.id = g.child_id AND c.created_by IS NOT NULL;
