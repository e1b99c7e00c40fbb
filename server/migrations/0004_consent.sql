-- Consent (samtykke): the family decides which services may receive and share what, for which
-- purpose and for how long. Also the legal bases that need no consent (opplysningsplikt to child
-- welfare, avvergeplikt), recorded but never used to open a log.

-- The municipality's consent rules (see docs/decisions/0004-consent.md).
ALTER TABLE municipality
  ADD COLUMN consent_age integer NOT NULL DEFAULT 16 CHECK (consent_age BETWEEN 12 AND 18),
  ADD COLUMN consent_age_child_welfare integer NOT NULL DEFAULT 15 CHECK (consent_age_child_welfare BETWEEN 12 AND 18),
  ADD COLUMN guardian_consent_rule text NOT NULL DEFAULT 'all' CHECK (guardian_consent_rule IN ('all', 'one'));

-- The common consent form (felles samtykkeskjema), versioned: a consent points to the version signed.
CREATE TABLE consent_text (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version integer NOT NULL UNIQUE CHECK (version > 0),
  title_nb text NOT NULL, title_nn text NOT NULL, title_en text NOT NULL,
  body_nb text NOT NULL, body_nn text NOT NULL, body_en text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id uuid NOT NULL REFERENCES person(id), -- the child, youth or pregnant woman
  consent_text_id uuid NOT NULL REFERENCES consent_text(id),
  -- digital: signed on the citizen pages; paper: signed form, scanned; oral: written down by recorded_by
  method text NOT NULL CHECK (method IN ('digital', 'paper', 'oral')),
  purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  child_welfare_matter boolean NOT NULL DEFAULT false, -- the lower consent age applies
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  child_view text, -- the child's own view (asked from age 7)
  recorded_by uuid REFERENCES staff_user(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  document bytea, -- the scanned paper form
  document_type text CHECK (document_type IS NULL OR document_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  document_name text,
  withdrawn_at timestamptz,
  withdrawn_by_person_id uuid REFERENCES person(id),
  withdrawn_by_staff_id uuid REFERENCES staff_user(id),
  withdrawal_note text,
  CHECK (valid_to >= valid_from),
  CHECK (method = 'digital' OR recorded_by IS NOT NULL),
  CHECK ((document IS NULL) = (document_type IS NULL)),
  CHECK (withdrawn_at IS NULL OR withdrawn_by_person_id IS NOT NULL OR withdrawn_by_staff_id IS NOT NULL)
);
-- Serves the access check: the consents of one person.
CREATE INDEX consent_subject ON consent (subject_id);

-- Who gave the consent: each guardian with parental responsibility, and/or the youth.
CREATE TABLE consent_giver (
  consent_id uuid NOT NULL REFERENCES consent(id),
  person_id uuid NOT NULL REFERENCES person(id),
  capacity text NOT NULL CHECK (capacity IN ('guardian', 'youth', 'self')),
  PRIMARY KEY (consent_id, person_id)
);

-- Which services may receive and share: a named unit, or every unit of a type.
CREATE TABLE consent_recipient (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consent_id uuid NOT NULL REFERENCES consent(id),
  service_unit_id uuid REFERENCES service_unit(id),
  unit_type_code text REFERENCES service_unit_type(code),
  CHECK ((service_unit_id IS NULL) <> (unit_type_code IS NULL))
);
-- Serves the access check: recipients of a person's consents.
CREATE INDEX consent_recipient_consent ON consent_recipient (consent_id);

-- Opplysningsplikt (report to child welfare) and avvergeplikt (avert serious harm) need no consent.
-- Recording them documents the legal basis and who invoked it; they never open a log to anyone.
CREATE TABLE legal_basis_invocation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  basis text NOT NULL CHECK (basis IN ('duty_to_report_child_welfare', 'duty_to_avert')),
  invoked_by uuid NOT NULL REFERENCES staff_user(id),
  invoked_at timestamptz NOT NULL DEFAULT now(),
  note text NOT NULL CHECK (length(trim(note)) > 0)
);
CREATE INDEX legal_basis_invocation_person ON legal_basis_invocation (person_id);
