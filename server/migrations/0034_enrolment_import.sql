-- Enrolments (innskriving) imported from the kindergartens' and schools' own administrative systems
-- as CSV. A file with a bad line is refused whole, so every import here is complete. Staff of the
-- unit find the children enrolled there by name or birth date (the access module's enrolment rule:
-- name and birth date only, each read audited) and can start a worry from there.
CREATE TABLE enrolment_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_unit_id uuid NOT NULL REFERENCES service_unit(id),
  imported_by uuid NOT NULL REFERENCES staff_user(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  file_name text,
  row_count integer NOT NULL CHECK (row_count > 0)
);
CREATE INDEX enrolment_import_unit ON enrolment_import (service_unit_id, imported_at DESC);
CREATE INDEX enrolment_import_imported_by ON enrolment_import (imported_by);

-- The import that last set the enrolment; null for one entered by hand.
ALTER TABLE enrolment ADD COLUMN import_id uuid REFERENCES enrolment_import(id);
CREATE INDEX enrolment_import_id ON enrolment (import_id) WHERE import_id IS NOT NULL;
