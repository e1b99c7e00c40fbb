-- The kind of information a case meeting's minutes are (the consent's categories), so that the
-- minutes and the action plan, once in the relay log, reach exactly the readers the consent covers.
ALTER TABLE team_meeting ADD COLUMN category text NOT NULL DEFAULT 'development' CHECK (category IN (
  'development', 'health', 'behaviour', 'social', 'family_situation', 'school_attendance', 'language', 'other'));
