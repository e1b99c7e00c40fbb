-- Reports to child welfare (bekymringsmelding, barnevernloven § 13-2), the intake's handling of them
-- with the law's deadlines, their delivery to the national channel, and anonymous consultations
-- with the intake. Deadlines are stored as the Oslo calendar dates the rule in
-- modules/child-welfare-reports/deadlines.ts computed, so the queue and the reminders sort and
-- filter on them in SQL.

-- The duty service (barnevernvakt): an urgent report alerts this address at once, and the reporter
-- is shown the phone number.
ALTER TABLE municipality
  ADD COLUMN duty_service_email text,
  ADD COLUMN duty_service_phone text;

CREATE TABLE child_welfare_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  -- What the intake and the reporter quote: BM-<year>-<number>.
  reference text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES person(id),
  reporter_staff_id uuid NOT NULL REFERENCES staff_user(id),
  reporter_unit_id uuid REFERENCES service_unit(id),
  reporter_role text NOT NULL,
  reporter_phone text NOT NULL,
  legal_basis_invocation_id uuid NOT NULL REFERENCES legal_basis_invocation(id),
  -- The report as sent: the child and guardians as the reporter saw them, and what they wrote.
  content jsonb NOT NULL,
  observed_on date NOT NULL,
  urgent boolean NOT NULL,
  family_told boolean NOT NULL,
  not_told_reason text,
  -- Whether the family sees on Min side that the report was sent: from the start when they were
  -- told; otherwise only once the intake decides so.
  family_may_see boolean NOT NULL,
  received_at timestamptz NOT NULL,
  received_on date NOT NULL,
  review_by date NOT NULL,
  feedback_by date NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES staff_user(id),
  decision text CHECK (decision IN ('investigation', 'dismissed', 'referred')),
  decided_at timestamptz,
  decided_on date,
  decided_by uuid REFERENCES staff_user(id),
  feedback_text text,
  feedback_at timestamptz,
  investigation_end_by date,
  investigation_extended boolean NOT NULL DEFAULT false,
  investigation_ended_on date,
  final_feedback_by date,
  final_feedback_text text,
  final_feedback_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (family_told OR length(trim(coalesce(not_told_reason, ''))) > 0),
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK ((decision = 'investigation') = (investigation_end_by IS NOT NULL)),
  CHECK (feedback_at IS NULL OR decided_at IS NOT NULL)
);
CREATE INDEX child_welfare_report_municipality ON child_welfare_report (municipality_id, received_at);
CREATE INDEX child_welfare_report_person ON child_welfare_report (person_id);
CREATE INDEX child_welfare_report_reporter ON child_welfare_report (reporter_staff_id);
CREATE INDEX child_welfare_report_reporter_unit_fk ON child_welfare_report (reporter_unit_id) WHERE reporter_unit_id IS NOT NULL;
CREATE INDEX child_welfare_report_legal_basis_fk ON child_welfare_report (legal_basis_invocation_id);
CREATE INDEX child_welfare_report_acknowledged_by_fk ON child_welfare_report (acknowledged_by) WHERE acknowledged_by IS NOT NULL;
CREATE INDEX child_welfare_report_decided_by_fk ON child_welfare_report (decided_by) WHERE decided_by IS NOT NULL;

-- The report's numbers: one sequence, the year in front.
CREATE SEQUENCE child_welfare_report_number;

-- Delivery through the adapter (the national channel, or here the database queue and the
-- development mailbox): one row per report, its state as the channel reports it.
CREATE TABLE child_welfare_report_delivery (
  report_id uuid PRIMARY KEY REFERENCES child_welfare_report(id),
  channel text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'accepted', 'sent', 'delivered', 'refused', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  -- What was handed to the channel: the national format (fiks/), validated against its schema.
  payload jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An anonymous consultation with the intake: the age and the situation, never an identity.
CREATE TABLE child_welfare_consultation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  asked_by uuid NOT NULL REFERENCES staff_user(id),
  asker_unit_id uuid REFERENCES service_unit(id),
  age_years integer NOT NULL CHECK (age_years BETWEEN 0 AND 18),
  situation text NOT NULL CHECK (length(trim(situation)) > 0),
  -- The intake's conclusion, once it answers: advice, send a report, not a child-welfare matter.
  outcome text CHECK (outcome IN ('advice', 'send_report', 'not_child_welfare')),
  created_at timestamptz NOT NULL
);
CREATE INDEX child_welfare_consultation_municipality ON child_welfare_consultation (municipality_id, created_at);
CREATE INDEX child_welfare_consultation_asked_by_fk ON child_welfare_consultation (asked_by);
CREATE INDEX child_welfare_consultation_asker_unit_fk ON child_welfare_consultation (asker_unit_id) WHERE asker_unit_id IS NOT NULL;

CREATE TABLE child_welfare_consultation_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES child_welfare_consultation(id),
  author_staff_id uuid NOT NULL REFERENCES staff_user(id),
  body text NOT NULL CHECK (length(trim(body)) > 0),
  written_at timestamptz NOT NULL
);
CREATE INDEX child_welfare_consultation_message_consultation_fk ON child_welfare_consultation_message (consultation_id, written_at);
CREATE INDEX child_welfare_consultation_message_author_fk ON child_welfare_consultation_message (author_staff_id);
