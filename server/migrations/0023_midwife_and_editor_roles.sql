-- Two more staff roles: the midwife (jordmor) at the health station, who follows pregnant women and
-- hands over to the health nurse at birth, and the handbook editor (redaktør), who writes the digital
-- handbook without the administrator's other powers.
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN (
  'professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake',
  'coordinating_unit', 'sbu_coordinator', 'analyst', 'administrator', 'auditor', 'midwife', 'editor'));
