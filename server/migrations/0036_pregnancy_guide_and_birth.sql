-- The pregnancy path (issue 17): the action guide has steps written for a pregnancy beside those
-- for a child, and a pregnancy case that is not continued after the birth closes with its own reason.
-- A guide published before this migration has only child steps; a pregnancy case shows those until
-- the municipality publishes pregnancy steps (decision 0028).
ALTER TABLE action_guide_step
  ADD COLUMN subject text NOT NULL DEFAULT 'child' CHECK (subject IN ('child', 'pregnancy'));

ALTER TABLE help_case DROP CONSTRAINT help_case_close_reason_check;
ALTER TABLE help_case ADD CONSTRAINT help_case_close_reason_check
  CHECK (close_reason IS NULL OR close_reason IN ('goals_reached', 'family_withdrew', 'moved', 'other', 'birth'));
