-- Issue 12: every foreign-key column (the leading column of a multi-column key) and every column a
-- hot `where` looks up has an index whose leading column is that column. Before this, reading a
-- case scanned `worry` for its case_id and the transition check scanned all of `transition`.
-- Nullable columns get partial indexes (WHERE col IS NOT NULL): an equality lookup implies it, and
-- the rows without a value cost nothing. tests/server/indexes.test.ts keeps this true.

-- The access check "is this user involved with this child", whether or not the involvement ended
-- (the partial involvement_person_staff serves only the open ones); also covers the person FK.
CREATE INDEX IF NOT EXISTS involvement_person_id_staff_user_id ON involvement (person_id, staff_user_id);

CREATE INDEX IF NOT EXISTS absence_import_imported_by_fk ON absence_import (imported_by);
CREATE INDEX IF NOT EXISTS absence_record_import_id_fk ON absence_record (import_id);
CREATE INDEX IF NOT EXISTS absence_record_person_id_fk ON absence_record (person_id);
CREATE INDEX IF NOT EXISTS access_request_answered_by_person_id_fk ON access_request (answered_by_person_id) WHERE answered_by_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS access_request_person_id_fk ON access_request (person_id);
CREATE INDEX IF NOT EXISTS action_guide_version_published_by_fk ON action_guide_version (published_by) WHERE published_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS action_item_owner_staff_id_fk ON action_item (owner_staff_id);
CREATE INDEX IF NOT EXISTS action_item_owner_unit_id_fk ON action_item (owner_unit_id) WHERE owner_unit_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS action_item_reviewed_in_meeting_id_fk ON action_item (reviewed_in_meeting_id) WHERE reviewed_in_meeting_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS case_level_change_changed_by_fk ON case_level_change (changed_by);
CREATE INDEX IF NOT EXISTS case_step_done_done_by_fk ON case_step_done (done_by);
CREATE INDEX IF NOT EXISTS catalogue_guide_created_by_fk ON catalogue_guide (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS catalogue_service_version_created_by_fk ON catalogue_service_version (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS catalogue_service_version_published_by_fk ON catalogue_service_version (published_by) WHERE published_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS consent_consent_text_id_fk ON consent (consent_text_id);
CREATE INDEX IF NOT EXISTS consent_giver_person_id_fk ON consent_giver (person_id);
CREATE INDEX IF NOT EXISTS consent_recipient_service_unit_id_fk ON consent_recipient (service_unit_id) WHERE service_unit_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS consent_recipient_unit_type_code_fk ON consent_recipient (unit_type_code) WHERE unit_type_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS consent_recorded_by_fk ON consent (recorded_by) WHERE recorded_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS consent_withdrawn_by_person_id_fk ON consent (withdrawn_by_person_id) WHERE withdrawn_by_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS consent_withdrawn_by_staff_id_fk ON consent (withdrawn_by_staff_id) WHERE withdrawn_by_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS help_case_closed_by_person_id_fk ON help_case (closed_by_person_id) WHERE closed_by_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS help_case_closed_by_staff_id_fk ON help_case (closed_by_staff_id) WHERE closed_by_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS help_case_municipality_id_fk ON help_case (municipality_id);
CREATE INDEX IF NOT EXISTS help_case_opened_by_fk ON help_case (opened_by);
CREATE INDEX IF NOT EXISTS help_case_relay_holder_id_fk ON help_case (relay_holder_id);
CREATE INDEX IF NOT EXISTS involvement_staff_user_id_fk ON involvement (staff_user_id);
CREATE INDEX IF NOT EXISTS legal_basis_invocation_invoked_by_fk ON legal_basis_invocation (invoked_by);
CREATE INDEX IF NOT EXISTS meeting_participant_meeting_id_fk ON meeting_participant (meeting_id);
CREATE INDEX IF NOT EXISTS meeting_participant_person_id_fk ON meeting_participant (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS meeting_participant_staff_user_id_fk ON meeting_participant (staff_user_id) WHERE staff_user_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS meeting_rating_link_meeting_id_fk ON meeting_rating_link (meeting_id);
CREATE INDEX IF NOT EXISTS meeting_rating_link_person_id_fk ON meeting_rating_link (person_id);
CREATE INDEX IF NOT EXISTS meeting_rating_person_id_fk ON meeting_rating (person_id);
CREATE INDEX IF NOT EXISTS notification_subject_person_id_fk ON notification (subject_person_id) WHERE subject_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS outbound_email_notification_id_fk ON outbound_email (notification_id) WHERE notification_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS person_created_by_fk ON person (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS person_municipality_id_fk ON person (municipality_id);
CREATE INDEX IF NOT EXISTS referral_answered_by_fk ON referral (answered_by) WHERE answered_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS referral_case_id_fk ON referral (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS referral_redirected_to_team_id_fk ON referral (redirected_to_team_id) WHERE redirected_to_team_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS referral_referred_by_staff_id_fk ON referral (referred_by_staff_id) WHERE referred_by_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS referral_requested_by_person_id_fk ON referral (requested_by_person_id) WHERE requested_by_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relation_claim_claimed_by_fk ON relation_claim (claimed_by) WHERE claimed_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS relation_claim_decided_by_person_id_fk ON relation_claim (decided_by_person_id) WHERE decided_by_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relation_claim_decided_by_staff_id_fk ON relation_claim (decided_by_staff_id) WHERE decided_by_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relation_claim_guardian_id_fk ON relation_claim (guardian_id) WHERE guardian_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relay_handover_case_id_fk ON relay_handover (case_id);
CREATE INDEX IF NOT EXISTS relay_handover_from_staff_id_fk ON relay_handover (from_staff_id);
CREATE INDEX IF NOT EXISTS relay_handover_requested_by_fk ON relay_handover (requested_by);
CREATE INDEX IF NOT EXISTS relay_handover_to_staff_id_fk ON relay_handover (to_staff_id);
CREATE INDEX IF NOT EXISTS relay_handover_transition_id_fk ON relay_handover (transition_id) WHERE transition_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relay_log_entry_author_person_id_fk ON relay_log_entry (author_person_id) WHERE author_person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relay_log_entry_author_staff_id_fk ON relay_log_entry (author_staff_id) WHERE author_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS relay_log_entry_responsible_staff_id_fk ON relay_log_entry (responsible_staff_id) WHERE responsible_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS service_unit_leader_staff_user_id_fk ON service_unit (leader_staff_user_id) WHERE leader_staff_user_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS service_unit_type_code_fk ON service_unit (type_code);
CREATE INDEX IF NOT EXISTS session_citizen_account_id_fk ON session (citizen_account_id) WHERE citizen_account_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS session_staff_user_id_fk ON session (staff_user_id) WHERE staff_user_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS staff_user_municipality_id_fk ON staff_user (municipality_id);
CREATE INDEX IF NOT EXISTS system_report_delivery_meeting_id_fk ON system_report_delivery (meeting_id);
CREATE INDEX IF NOT EXISTS system_report_delivery_staff_user_id_fk ON system_report_delivery (staff_user_id) WHERE staff_user_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS team_leader_staff_user_id_fk ON team (leader_staff_user_id) WHERE leader_staff_user_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS team_meeting_case_id_fk ON team_meeting (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS team_meeting_chair_staff_id_fk ON team_meeting (chair_staff_id);
CREATE INDEX IF NOT EXISTS team_meeting_closed_by_fk ON team_meeting (closed_by) WHERE closed_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS team_meeting_created_by_fk ON team_meeting (created_by);
CREATE INDEX IF NOT EXISTS team_meeting_referral_id_fk ON team_meeting (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS team_service_unit_service_unit_id_fk ON team_service_unit (service_unit_id);
CREATE INDEX IF NOT EXISTS transition_case_id_fk ON transition (case_id);
CREATE INDEX IF NOT EXISTS transition_planned_by_fk ON transition (planned_by);
CREATE INDEX IF NOT EXISTS transition_to_unit_id_fk ON transition (to_unit_id);
CREATE INDEX IF NOT EXISTS worry_case_id_fk ON worry (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS worry_discussion_with_staff_id_fk ON worry_discussion (with_staff_id) WHERE with_staff_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS worry_discussion_with_team_id_fk ON worry_discussion (with_team_id) WHERE with_team_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS worry_discussion_written_by_fk ON worry_discussion (written_by);
CREATE INDEX IF NOT EXISTS worry_municipality_id_fk ON worry (municipality_id);
