-- The audit log gets its municipality (decision 0019): an auditor searches only their own
-- municipality's events. Written by the audit writer from the principal (staff: their municipality;
-- a citizen: their person's; Sammen itself or an anonymous visitor: the subject's). Like the log's
-- other references it has no foreign key: the log outlives what it names.
ALTER TABLE audit_event ADD COLUMN municipality_id uuid;

-- Events written before this migration get it from the same sources, in one pass. The log is
-- append-only by trigger; its owner lifts that for this one derived column and nothing else.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
UPDATE audit_event e SET municipality_id = coalesce(
    CASE WHEN e.actor_kind = 'staff' THEN (SELECT s.municipality_id FROM staff_user s WHERE s.id = e.actor_id) END,
    CASE WHEN e.actor_kind = 'citizen' THEN (SELECT p.municipality_id FROM citizen_account a JOIN person p ON p.id = a.person_id WHERE a.id = e.actor_id) END,
    CASE WHEN e.subject_kind = 'person' THEN (SELECT p.municipality_id FROM person p WHERE p.id = e.subject_id) END,
    CASE WHEN e.subject_kind = 'staff' THEN (SELECT s.municipality_id FROM staff_user s WHERE s.id = e.subject_id) END)
  WHERE e.actor_kind IN ('staff', 'citizen') OR e.subject_id IS NOT NULL;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;

-- The auditor's search: one municipality's events, newest first.
CREATE INDEX audit_event_municipality ON audit_event (municipality_id, occurred_at DESC, id DESC);

-- The hash chain (decision 0011) sealed the events up to here without the column, so their
-- municipality, filled in just now, is not part of what was hashed; `npm run audit:verify`
-- leaves it out for them. Every event sealed from now on is hashed with it.
ALTER TABLE audit_seal_state ADD COLUMN sealed_without_municipality_through bigint NOT NULL DEFAULT 0;
UPDATE audit_seal_state SET sealed_without_municipality_through = sealed_through;
