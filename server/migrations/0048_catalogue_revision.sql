-- The public catalogue search keeps its spelling vocabulary and its answers in memory until the
-- municipality's catalogue changes (catalogue/vocabulary.ts). It used to learn that by hashing every
-- published version on each search; a revision in the municipality's row, renewed by any change to
-- its services, says it in the row the search reads anyway. Random, so two databases served by one
-- process (the test workers) never share a revision.
ALTER TABLE municipality ADD COLUMN catalogue_revision uuid NOT NULL DEFAULT gen_random_uuid();

CREATE FUNCTION renew_catalogue_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE municipality SET catalogue_revision = gen_random_uuid()
  WHERE id IN (SELECT municipality_id FROM changed_services);
  RETURN NULL;
END $$;

-- A service's versions and texts are written before it points at them (published_version), so a
-- change to the service row is what makes a new text public. One trigger per event: PostgreSQL
-- takes a transition table only on a trigger with a single event.
CREATE TRIGGER catalogue_service_inserted AFTER INSERT ON catalogue_service
  REFERENCING NEW TABLE AS changed_services FOR EACH STATEMENT EXECUTE FUNCTION renew_catalogue_revision();
CREATE TRIGGER catalogue_service_updated AFTER UPDATE ON catalogue_service
  REFERENCING NEW TABLE AS changed_services FOR EACH STATEMENT EXECUTE FUNCTION renew_catalogue_revision();

-- Public pages without a signed-in user show the deployment's first municipality: found by this
-- index instead of sorting every municipality in the country on each request.
CREATE INDEX municipality_first ON municipality (created_at, id);
