-- Early-intervention teams at work: referrals answered at intake, meetings with the family, one
-- minutes template (felles referatmal) with a mandatory action plan, follow-up of the plan, the
-- family's rating of each meeting, and system-level team meetings that hold no personal data.

-- Teams are edited by the administrator; edits name the version they read.
ALTER TABLE team ADD COLUMN version integer NOT NULL DEFAULT 1;
-- The SLT coordination group's mailbox: system-level team reports are sent there.
ALTER TABLE municipality ADD COLUMN slt_email text;

-- Intake: the case the referral concerns, and what an anonymous discussion is about (no identity).
ALTER TABLE referral ADD COLUMN case_id uuid REFERENCES help_case(id);
ALTER TABLE referral ADD COLUMN anonymous_summary text;

CREATE TABLE team_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES team(id),
  -- case: about one child, with the family; system: trends and system issues, no personal data
  kind text NOT NULL CHECK (kind IN ('case', 'system')),
  referral_id uuid REFERENCES referral(id),
  case_id uuid REFERENCES help_case(id),
  person_id uuid REFERENCES person(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL CHECK (length(trim(place)) > 0),
  -- Led by the head of the child's kindergarten or school (seed 003).
  chair_staff_id uuid NOT NULL REFERENCES staff_user(id),
  topic text,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'closed', 'cancelled')),
  -- The common minutes template.
  background text,
  child_view text,
  family_view text,
  assessments text,
  decisions text,
  closed_at timestamptz,
  closed_by uuid REFERENCES staff_user(id),
  created_by uuid NOT NULL REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((kind = 'case') = (person_id IS NOT NULL)),
  CHECK (ends_at > starts_at),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX team_meeting_team ON team_meeting (team_id, starts_at);
CREATE INDEX team_meeting_person ON team_meeting (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE meeting_participant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES team_meeting(id),
  staff_user_id uuid REFERENCES staff_user(id),
  person_id uuid REFERENCES person(id),
  role text NOT NULL CHECK (role IN ('chair', 'professional', 'guardian', 'youth')),
  invited_at timestamptz NOT NULL DEFAULT now(),
  copy_sent_at timestamptz, -- the minutes reached this participant
  CHECK ((staff_user_id IS NULL) <> (person_id IS NULL))
);
CREATE UNIQUE INDEX meeting_participant_staff ON meeting_participant (meeting_id, staff_user_id) WHERE staff_user_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_participant_person ON meeting_participant (meeting_id, person_id) WHERE person_id IS NOT NULL;

-- The action plan: what, who (person and service), by when. Reviewed at the next meeting.
CREATE TABLE action_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES team_meeting(id),
  case_id uuid REFERENCES help_case(id),
  position integer NOT NULL CHECK (position > 0),
  what text NOT NULL CHECK (length(trim(what)) > 0),
  owner_staff_id uuid NOT NULL REFERENCES staff_user(id),
  owner_unit_id uuid REFERENCES service_unit(id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_done')),
  done_on date,
  review_note text,
  reviewed_in_meeting_id uuid REFERENCES team_meeting(id),
  reviewed_at timestamptz,
  entry_key uuid, -- the relay-log entry the item became
  UNIQUE (meeting_id, position)
);
CREATE INDEX action_item_owner ON action_item (owner_staff_id) WHERE status = 'open';
CREATE INDEX action_item_case ON action_item (case_id);

-- The family's rating after a meeting (brukeropplevd nytte), 1–5, from Min side or a link.
CREATE TABLE meeting_rating (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES team_meeting(id),
  person_id uuid NOT NULL REFERENCES person(id),
  felt_heard integer NOT NULL CHECK (felt_heard BETWEEN 1 AND 5),
  useful integer NOT NULL CHECK (useful BETWEEN 1 AND 5),
  comment text,
  rated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, person_id)
);

-- A link to the rating form sent after the meeting; only its hash is kept.
CREATE TABLE meeting_rating_link (
  token_hash text PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES team_meeting(id),
  person_id uuid NOT NULL REFERENCES person(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- A system-level team's report, forwarded to the SBU coordinator(s) and the SLT group.
CREATE TABLE system_report_delivery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES team_meeting(id),
  staff_user_id uuid REFERENCES staff_user(id),
  email text,
  sent_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((staff_user_id IS NULL) <> (email IS NULL))
);
