-- The public service catalogue (tjenestekatalog, "det digitale sporet" in seed 002): services
-- described for citizens in bokmål, nynorsk and English, the rules that suggest them, and the short
-- situation guide ("Hva trenger du hjelp til?") whose answers the rules read.
-- Written for PostgreSQL 15 (server) and 18 (PGlite): no syntax newer than 15.

-- A service in the catalogue. Its content lives in versions: every save adds one, none is edited.
-- The public sees only published_version; a later version is the draft.
CREATE TABLE catalogue_service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80), -- the address: /tjenester/<slug>
  latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1), -- an edit names the version it read
  published_version integer CHECK (published_version IS NULL OR (published_version >= 1 AND published_version <= latest_version)),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, slug) -- serves the public page lookup by slug
);

CREATE TABLE catalogue_service_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES catalogue_service(id),
  version integer NOT NULL CHECK (version >= 1),
  age_from integer CHECK (age_from IS NULL OR age_from BETWEEN 0 AND 120), -- years, inclusive
  age_to integer CHECK (age_to IS NULL OR age_to BETWEEN 0 AND 120),
  -- who it is for: 'self' (for me), 'child' (for my child), 'next_of_kin' (as next of kin)
  audiences text[] NOT NULL DEFAULT '{}',
  situations text[] NOT NULL DEFAULT '{}', -- life situations (common/catalogue codes in server/modules/catalogue/rules.ts)
  low_threshold boolean NOT NULL DEFAULT false, -- contact directly, no referral needed
  phone text,
  email text,
  url text,
  address text,
  rules jsonb NOT NULL DEFAULT '{"suggestWhen": []}', -- validated by rules.ts before it is stored
  change_note text,
  created_by uuid REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz, -- set when this version became the public one
  published_by uuid REFERENCES staff_user(id),
  UNIQUE (service_id, version), -- serves loading a service's current, published and historical versions
  CHECK (age_from IS NULL OR age_to IS NULL OR age_from <= age_to)
);

-- The texts of a version, one row per language. The search vector is computed when the row is
-- written: names and synonyms weigh most, then what the service helps with, then the rest.
-- English text is stemmed as English, bokmål and nynorsk with the Norwegian stemmer.
CREATE TABLE catalogue_service_text (
  version_id uuid NOT NULL REFERENCES catalogue_service_version(id),
  lang text NOT NULL CHECK (lang IN ('nb', 'nn', 'en')),
  name text NOT NULL,
  summary text NOT NULL, -- what it helps with
  audience_text text NOT NULL DEFAULT '', -- who can use it
  how_to text NOT NULL DEFAULT '', -- how to apply or make contact
  cost text NOT NULL DEFAULT '',
  opening_hours text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  keywords text NOT NULL DEFAULT '', -- synonyms and old names (helsesøster → helsesykepleier), never shown
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'norwegian'::regconfig END, name), 'A') ||
    setweight(to_tsvector(CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'norwegian'::regconfig END, keywords), 'A') ||
    setweight(to_tsvector(CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'norwegian'::regconfig END, summary), 'B') ||
    setweight(to_tsvector(CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'norwegian'::regconfig END, audience_text || ' ' || how_to), 'C')
  ) STORED,
  PRIMARY KEY (version_id, lang)
);
-- No GIN index on `search`: the query picks the text-search configuration per row (English or
-- Norwegian), and a municipality's catalogue is a few hundred rows, so the scan is cheap.

-- The situation guide's questions, per municipality. Every change adds a row; the newest is in force.
CREATE TABLE catalogue_guide (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL, -- validated by rules.ts before it is stored
  created_by uuid REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, version) -- serves "the newest guide of the municipality"
);
