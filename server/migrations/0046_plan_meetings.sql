-- Meetings about an individual plan (ansvarsgruppemøte, issue 14) are team meetings of the plan rather
-- than of an early-intervention team: the coordinator calls them with the family and the services,
-- and they keep the machinery's invitations, minutes with the mandatory action plan and the family's
-- rating. A meeting belongs to a team or to a plan, never both; a plan's meeting is about one child.
ALTER TABLE team_meeting ALTER COLUMN team_id DROP NOT NULL;
ALTER TABLE team_meeting ADD COLUMN plan_id uuid REFERENCES individual_plan(id);
ALTER TABLE team_meeting ADD CONSTRAINT team_meeting_team_or_plan CHECK ((team_id IS NULL) <> (plan_id IS NULL));
ALTER TABLE team_meeting ADD CONSTRAINT team_meeting_plan_about_person CHECK (plan_id IS NULL OR kind = 'case');
CREATE INDEX team_meeting_plan_id_fk ON team_meeting (plan_id, starts_at) WHERE plan_id IS NOT NULL;
