-- High absence (høyt fravær): kindergartens and schools import absence per child and period from
-- their own systems (CSV). Pupils above 10 % absence with weak progress are listed for their
-- contact teacher with the first step of the action guide (Tiltaksplan sammen for barn og unge).

-- One accepted file. A file with a bad row is refused whole, so every import here is complete.
CREATE TABLE absence_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_unit_id uuid NOT NULL REFERENCES service_unit(id),
  imported_by uuid NOT NULL REFERENCES staff_user(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  file_name text,
  row_count integer NOT NULL CHECK (row_count > 0)
);
CREATE INDEX absence_import_unit ON absence_import (service_unit_id, imported_at DESC);

-- A child's absence in one period at one unit. Later imports add rows; the newest period counts.
CREATE TABLE absence_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id uuid NOT NULL REFERENCES absence_import(id),
  service_unit_id uuid NOT NULL REFERENCES service_unit(id),
  person_id uuid NOT NULL REFERENCES person(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  absence_percent double precision NOT NULL CHECK (absence_percent >= 0 AND absence_percent <= 100),
  progress text NOT NULL CHECK (progress IN ('good', 'weak')), -- progresjon: god / svak
  contact_teacher_id uuid NOT NULL REFERENCES staff_user(id), -- kontaktlærer (or pedagogisk leder)
  line integer NOT NULL CHECK (line > 1), -- the line in the imported file
  CHECK (period_to >= period_from)
);
-- Serves "the latest period of each child at this unit" (DISTINCT ON person, newest period first).
CREATE INDEX absence_record_unit_person ON absence_record (service_unit_id, person_id, period_to DESC);
-- Serves the contact teacher's list.
CREATE INDEX absence_record_teacher ON absence_record (contact_teacher_id);
