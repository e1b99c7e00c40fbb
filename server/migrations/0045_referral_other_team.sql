-- A referral may go to another early-intervention team than the one proposed for the child's age
-- and area (issue 17): the proposed team and the reason are recorded with it, so the receiving
-- leader reads why, and the choice can be followed up later.
ALTER TABLE referral ADD COLUMN proposed_team_id uuid REFERENCES team(id);
ALTER TABLE referral ADD COLUMN other_team_reason text CHECK (other_team_reason IS NULL OR length(trim(other_team_reason)) > 0);
ALTER TABLE referral ADD CONSTRAINT referral_other_team_reason_with_proposal CHECK (other_team_reason IS NULL OR proposed_team_id IS NOT NULL);
CREATE INDEX referral_proposed_team_id_fk ON referral (proposed_team_id) WHERE proposed_team_id IS NOT NULL;
