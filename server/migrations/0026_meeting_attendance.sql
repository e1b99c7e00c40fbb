-- Who actually came to a team meeting, recorded with the minutes: present, absent, or sent
-- apologies (meldt forfall). Invitations alone said nothing about whether the family took part, and
-- the indicator "a guardian or the youth was present" must count attendance. NULL: not recorded yet.
ALTER TABLE meeting_participant ADD COLUMN attendance text CHECK (attendance IN ('present', 'absent', 'apologies'));
