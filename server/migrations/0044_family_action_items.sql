-- Action-plan items owned by the family (issue 17): a guardian or the youth who took part in the
-- meeting may own an item ("mor søker om fritidskort"), shown on Min side where the owner marks it
-- done. An item has exactly one owner: a professional or a family member.
ALTER TABLE action_item ALTER COLUMN owner_staff_id DROP NOT NULL;
ALTER TABLE action_item ADD COLUMN owner_person_id uuid REFERENCES person(id);
ALTER TABLE action_item ADD CONSTRAINT action_item_one_owner CHECK ((owner_staff_id IS NULL) <> (owner_person_id IS NULL));
CREATE INDEX action_item_owner_person_id_fk ON action_item (owner_person_id) WHERE owner_person_id IS NOT NULL;
