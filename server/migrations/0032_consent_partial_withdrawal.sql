-- A consent withdrawn in part (the consent text promises "helt eller delvis"): some services
-- (recipients) or some kinds of information (categories) taken out while the rest stays in force.
-- The consent row and its recipients are narrowed in the same transaction, so the access rules read
-- what is in force as before; this table keeps what was taken out, when and by whom, for the family,
-- the services and the auditor. A whole withdrawal stays on the consent row (withdrawn_at).
CREATE TABLE consent_partial_withdrawal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consent_id uuid NOT NULL REFERENCES consent(id),
  withdrawn_at timestamptz NOT NULL,
  withdrawn_by_person_id uuid REFERENCES person(id),
  withdrawn_by_staff_id uuid REFERENCES staff_user(id),
  recipient_unit_ids uuid[] NOT NULL DEFAULT '{}',
  recipient_unit_types text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  note text,
  CHECK ((withdrawn_by_person_id IS NULL) <> (withdrawn_by_staff_id IS NULL)),
  CHECK (cardinality(recipient_unit_ids) + cardinality(recipient_unit_types) + cardinality(categories) > 0)
);
CREATE INDEX consent_partial_withdrawal_consent ON consent_partial_withdrawal (consent_id, withdrawn_at);
CREATE INDEX consent_partial_withdrawal_person ON consent_partial_withdrawal (withdrawn_by_person_id) WHERE withdrawn_by_person_id IS NOT NULL;
CREATE INDEX consent_partial_withdrawal_staff ON consent_partial_withdrawal (withdrawn_by_staff_id) WHERE withdrawn_by_staff_id IS NOT NULL;
