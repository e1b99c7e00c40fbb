// What the schema cannot tell the type generator (codegen.ts): the closed sets of values a text
// column holds (each is a CHECK in its migration), the shape of a jsonb column as the code writes
// it, and how the database driver hands values over. types.ts is generated from the migrated
// schema plus this file; nullability and defaults always come from the schema.

/** A link in the action guide (action_guide_step.links). */
export interface GuideLink {
  label: { nb: string; nn: string; en: string };
  url: string;
}

export type CloseReason = 'goals_reached' | 'family_withdrew' | 'moved' | 'other';

export type RelayLogEntryKind =
  | 'development_area' | 'goal' | 'measure' | 'evaluation' | 'agreement' | 'decision' | 'strength' | 'family_note' | 'holder_comment';

/**
 * Column types by PostgreSQL type name, as database.ts parses them: int8 as a number (counts and
 * bigserial ids stay far below 2^53); bytea as the bytes both drivers return. A `date` stays the
 * text 'YYYY-MM-DD' (codegen.ts asks for that).
 */
export const TYPE_MAPPING: Record<string, string> = {
  int8: 'number',
  bytea: 'Uint8Array',
};

/**
 * The type of one column, 'table.column' → a TypeScript type. codegen.ts adds `| null` for a
 * nullable column and Generated<> for one with a default, so write only the value's type. A jsonb
 * column is read as its shape and written as JSON text (the code stringifies it).
 */
export const COLUMN_TYPES: Record<string, string> = {
  'municipality.guardian_consent_rule': "'all' | 'one'",
  'person.kind': "'child' | 'pregnant' | 'adult'",
  'guardianship.relation': "'mother' | 'father' | 'other'",
  'relation_claim.relation': "'mother' | 'father' | 'other'",
  'relation_claim.status': "'unconfirmed' | 'confirmed' | 'refused' | 'not_in_register'",
  'access_request.status': "'pending' | 'granted' | 'refused'",
  'idempotency_key.response': 'ColumnType<unknown, string, string>',
  'audit_event.actor_kind': "'staff' | 'citizen' | 'system' | 'anonymous'",
  'audit_event.outcome': "'allowed' | 'denied'",
  'audit_event.subject_kind': "'person' | 'staff'",
  'team.kind': "'early_intervention' | 'system_level'",
  'job.status': "'pending' | 'running' | 'done' | 'failed'",
  'job.payload': 'ColumnType<unknown, string, string>',
  'consent.method': "'digital' | 'paper' | 'oral'",
  'consent_giver.capacity': "'guardian' | 'youth' | 'self'",
  'legal_basis_invocation.basis': "'duty_to_report_child_welfare' | 'duty_to_avert'",
  'catalogue_service_text.lang': "'nb' | 'nn' | 'en'",
  'catalogue_service_version.rules': 'ColumnType<unknown, string, string>',
  'catalogue_guide.definition': 'ColumnType<unknown, string, string>',
  'action_guide_step.links': 'ColumnType<GuideLink[], string, string>',
  'action_item.status': "'open' | 'done' | 'not_done'",
  'help_case.close_reason': 'CloseReason',
  'relay_log_entry.kind': 'RelayLogEntryKind',
  'relay_log_entry.outcome': "'achieved' | 'partly' | 'not_achieved'",
  'relay_handover.status': "'pending' | 'accepted' | 'declined' | 'cancelled'",
  'transition.status': "'planned' | 'completed' | 'cancelled'",
  'referral.source': "'professional' | 'family'",
  'referral.basis': "'consent' | 'family_present' | 'anonymous'",
  'referral.status': "'waiting' | 'accepted' | 'more_info' | 'redirected' | 'closed'",
  'team_meeting.kind': "'case' | 'system'",
  'team_meeting.status': "'scheduled' | 'closed' | 'cancelled'",
  'meeting_participant.role': "'chair' | 'professional' | 'guardian' | 'youth'",
  'notification.params': 'ColumnType<Record<string, string | number>, string, string>',
  'outbound_email.status': "'queued' | 'sent' | 'dev_mailbox' | 'failed'",
  'absence_record.progress': "'good' | 'weak'",
  'worry.subject_kind': "'child' | 'pregnant'",
  // See modules/child-welfare-reports/schema.ts for `content`.
  'child_welfare_report.content': 'ColumnType<unknown, string, string>',
  'child_welfare_report.decision': "'investigation' | 'dismissed' | 'referred'",
  'child_welfare_report_delivery.state': "'queued' | 'accepted' | 'sent' | 'delivered' | 'refused' | 'failed'",
  'child_welfare_report_delivery.payload': 'ColumnType<unknown, string, string>',
  'child_welfare_consultation.outcome': "'advice' | 'send_report' | 'not_child_welfare'",
};

/** Columns the code never writes (computed by the database): their type as it stands. */
export const READ_ONLY_COLUMNS: Record<string, string> = {
  'catalogue_service_text.search': 'ColumnType<string, never, never>',
};

/** The named types above that the generated file imports. */
export const NAMED_TYPES = ['GuideLink', 'CloseReason', 'RelayLogEntryKind'] as const;
