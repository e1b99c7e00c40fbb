-- The digital handbook (digital håndbok): pages the administrator or the editor (redaktør) writes —
-- guidelines for preventive work, how collaboration is organised, how a worry is handled. Like the
-- service catalogue, a page is versioned: every save adds a draft version, a draft is put up for
-- review and then published, and every version stays as history with who wrote, reviewed and
-- published it. A page is public or for staff only; the public never reads a staff-only page.
CREATE TABLE handbook_page (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  -- The page's address (/handbok/<slug>), which the action guide's links name.
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
  published_version integer CHECK (published_version >= 1 AND published_version <= latest_version),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, slug)
);

CREATE TABLE handbook_page_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  page_id uuid NOT NULL REFERENCES handbook_page(id),
  version integer NOT NULL CHECK (version >= 1),
  visibility text NOT NULL CHECK (visibility IN ('public', 'staff')),
  -- The team kind the page describes: the public model links each team of that kind to it.
  about_team_kind text CHECK (about_team_kind IN ('early_intervention', 'system_level')),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'review', 'published')),
  change_note text,
  created_by uuid REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES staff_user(id),
  submitted_at timestamptz,
  published_by uuid REFERENCES staff_user(id),
  published_at timestamptz,
  UNIQUE (page_id, version)
);
CREATE INDEX handbook_page_version_created_by_fk ON handbook_page_version (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX handbook_page_version_submitted_by_fk ON handbook_page_version (submitted_by) WHERE submitted_by IS NOT NULL;
CREATE INDEX handbook_page_version_published_by_fk ON handbook_page_version (published_by) WHERE published_by IS NOT NULL;

-- A version's text in one language: bokmål always, nynorsk and English when written. body_html is
-- the sanitised rich text (no script can be stored); body_text its words, for the search.
CREATE TABLE handbook_page_text (
  version_id uuid NOT NULL REFERENCES handbook_page_version(id),
  lang text NOT NULL CHECK (lang IN ('nb', 'nn', 'en')),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  body_html text NOT NULL,
  body_text text NOT NULL,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'norwegian'::regconfig END, title), 'A') ||
    setweight(to_tsvector(CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'norwegian'::regconfig END, body_text), 'B')
  ) STORED,
  PRIMARY KEY (version_id, lang)
);

-- Images in handbook pages, kept in the database so every server process serves the same files.
CREATE TABLE handbook_image (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  bytes bytea NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size > 0),
  created_by uuid NOT NULL REFERENCES staff_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handbook_image_municipality_fk ON handbook_image (municipality_id);
CREATE INDEX handbook_image_created_by_fk ON handbook_image (created_by);
