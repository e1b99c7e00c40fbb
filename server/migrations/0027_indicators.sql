-- The outcome track (seeds 000, 001, 003 "Måling av effekt"): an indicator register kept by the SBU
-- coordinator or the administrator, entered figures, and the computed figures pre-aggregated by a job
-- so the annual report never scans every case per request.

CREATE TABLE indicator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  -- computed: from the work in Sammen, by the definition in server/modules/indicators/definitions.ts
  -- named by computed_key; entered: survey results or national statistics, typed in or imported
  source text NOT NULL CHECK (source IN ('computed', 'entered')),
  computed_key text,
  -- The code a CSV import names the indicator by.
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,59}$'),
  name_nb text NOT NULL CHECK (length(trim(name_nb)) > 0),
  name_nn text NOT NULL CHECK (length(trim(name_nn)) > 0),
  name_en text NOT NULL CHECK (length(trim(name_en)) > 0),
  -- What it measures, in words a politician understands.
  definition_nb text NOT NULL CHECK (length(trim(definition_nb)) > 0),
  definition_nn text NOT NULL CHECK (length(trim(definition_nn)) > 0),
  definition_en text NOT NULL CHECK (length(trim(definition_en)) > 0),
  unit text NOT NULL CHECK (unit IN ('count', 'share', 'days', 'years')),
  direction text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  baseline_year integer NOT NULL CHECK (baseline_year BETWEEN 2000 AND 2100), -- 0-punkt
  baseline_value double precision NOT NULL,
  -- Retiring keeps the indicator and its figures for the years it was reported.
  retired_at timestamptz,
  retired_by uuid REFERENCES staff_user(id),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES staff_user(id),
  CHECK ((source = 'computed') = (computed_key IS NOT NULL))
);
CREATE UNIQUE INDEX indicator_code ON indicator (municipality_id, code);
CREATE INDEX indicator_retired_by_fk ON indicator (retired_by) WHERE retired_by IS NOT NULL;
CREATE INDEX indicator_updated_by_fk ON indicator (updated_by);

-- Each saved version as it was (names, definition, baseline, targets), for the history.
CREATE TABLE indicator_version (
  indicator_id uuid NOT NULL REFERENCES indicator(id),
  version integer NOT NULL,
  snapshot jsonb NOT NULL,
  saved_at timestamptz NOT NULL,
  saved_by uuid NOT NULL REFERENCES staff_user(id),
  PRIMARY KEY (indicator_id, version)
);
CREATE INDEX indicator_version_saved_by_fk ON indicator_version (saved_by);

-- Targets (mål) for years ahead.
CREATE TABLE indicator_target (
  indicator_id uuid NOT NULL REFERENCES indicator(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value double precision NOT NULL,
  PRIMARY KEY (indicator_id, year)
);

-- An entered figure for a year (the municipality as a whole).
CREATE TABLE indicator_entry (
  indicator_id uuid NOT NULL REFERENCES indicator(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value double precision NOT NULL,
  entered_by uuid NOT NULL REFERENCES staff_user(id),
  entered_at timestamptz NOT NULL,
  PRIMARY KEY (indicator_id, year)
);
CREATE INDEX indicator_entry_entered_by_fk ON indicator_entry (entered_by);

-- The computed figures, per definition, year and scope (the municipality, a team, a unit or a
-- service type), written by the refresh job. Counts are kept, not only the value, so suppression
-- can be decided on them: value = numerator for a count, numerator / denominator for a share, the
-- mean over `denominator` cases for days and years.
CREATE TABLE indicator_figure (
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  computed_key text NOT NULL,
  year integer NOT NULL,
  scope_kind text NOT NULL CHECK (scope_kind IN ('municipality', 'team', 'unit', 'service_type')),
  scope_key text NOT NULL, -- '' for the municipality; a team's or unit's id; a service type's code
  numerator double precision NOT NULL,
  denominator integer NOT NULL,
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, computed_key, year, scope_kind, scope_key)
);
