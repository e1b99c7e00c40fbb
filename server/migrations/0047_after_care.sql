-- After-care (ettervern, barnevernsloven § 8-1): child welfare records that a young adult receives
-- after-care from one date to another (at the latest until the day before they turn 25, checked by
-- the service against the one constant common/plans.ts holds). It is shown with the individual plan,
-- and before it ends the plans' reminder job tells Koordinerende enhet to have a coordinator in adult
-- services appointed (decision 0037). A changed end date is a new version; the notice names the end
-- date it was sent for, so a moved end date is announced again.
CREATE TABLE after_care (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  person_id uuid NOT NULL REFERENCES person(id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES staff_user(id),
  recorded_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX after_care_person ON after_care (person_id, starts_on);
CREATE INDEX after_care_ends ON after_care (ends_on);
CREATE INDEX after_care_municipality_fk ON after_care (municipality_id);
CREATE INDEX after_care_recorded_by_fk ON after_care (recorded_by);
