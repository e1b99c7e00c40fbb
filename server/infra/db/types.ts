// Kysely table types. One interface per table, named after it; keep in step with server/migrations.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read and written as 'YYYY-MM-DD' (see the type parsers in database.ts). */
type DateOnly = ColumnType<string, string, string>;

export interface MunicipalityTable {
  id: Generated<string>;
  code: string;
  name: string;
  consent_age: Generated<number>;
  consent_age_child_welfare: Generated<number>;
  guardian_consent_rule: Generated<'all' | 'one'>;
  handover_escalation_days: Generated<number>;
  case_retention_years: Generated<number>;
  slt_email: string | null;
  created_at: Timestamp;
}

export interface ServiceUnitTypeTable {
  code: string;
  name_nb: string;
  name_nn: string;
  name_en: string;
  sort_order: Generated<number>;
  built_in: Generated<boolean>;
  created_at: Timestamp;
}

export interface ServiceUnitTable {
  id: Generated<string>;
  municipality_id: string;
  type_code: string;
  name: string;
  area: string | null;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  leader_staff_user_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffUserTable {
  id: Generated<string>;
  municipality_id: string;
  username: string;
  display_name: string;
  email: string;
  phone: string | null;
  national_id: string | null;
  oidc_subject: string | null;
  service_unit_id: string | null;
  title: string | null;
  language: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffRoleTable {
  staff_user_id: string;
  role: string;
}

export interface PersonTable {
  id: Generated<string>;
  municipality_id: string;
  national_id: string | null;
  given_name: string;
  family_name: string;
  birth_date: DateOnly;
  kind: 'child' | 'pregnant' | 'adult';
  expected_birth_date: DateOnly | null;
  area: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  language: Generated<string>;
  guardians_see_case: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GuardianshipTable {
  child_id: string;
  guardian_id: string;
  relation: 'mother' | 'father' | 'other';
  parental_responsibility: boolean;
  lives_with_child: Generated<boolean>;
  created_at: Timestamp;
}

/** A family relation entered by hand: opens nothing until confirmed (then a guardianship row exists). */
export interface RelationClaimTable {
  id: Generated<string>;
  child_id: string;
  national_id: string | null;
  given_name: string;
  family_name: string;
  birth_date: DateOnly;
  email: string | null;
  phone: string | null;
  relation: 'mother' | 'father' | 'other';
  parental_responsibility: boolean;
  lives_with_child: Generated<boolean>;
  status: Generated<'unconfirmed' | 'confirmed' | 'refused' | 'not_in_register'>;
  claimed_by: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by_person_id: string | null;
  decided_by_staff_id: string | null;
  guardian_id: string | null;
}

/** A professional's request for access to a person registered by someone else; the family answers. */
export interface AccessRequestTable {
  id: Generated<string>;
  person_id: string;
  requested_by: string;
  reason: string;
  status: Generated<'pending' | 'granted' | 'refused'>;
  created_at: Timestamp;
  answered_at: Timestamp | null;
  answered_by_person_id: string | null;
}

export interface CitizenAccountTable {
  id: Generated<string>;
  person_id: string;
  username: string | null;
  oidc_subject: string | null;
  email_notifications: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  staff_user_id: string | null;
  citizen_account_id: string | null;
  active_role: string | null;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface IdempotencyKeyTable {
  owner: string;
  key: string;
  request_hash: string;
  status: number | null;
  response: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface InvolvementTable {
  id: Generated<string>;
  person_id: string;
  staff_user_id: string;
  kind: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_kind: 'staff' | 'citizen' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  subject_kind: 'person' | 'staff' | null;
  subject_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  purpose: string;
  outcome: 'allowed' | 'denied';
  reason: string | null;
  request_id: string | null;
  /** The client's address under the configured trusted proxies; null for background jobs. */
  client_ip: Generated<string | null>;
  /** Whose event it is (migration 0021): the auditor of that municipality sees it. */
  municipality_id: string | null;
}

/** The audit log's hash chain: sha256(previous hash || the event's canonical content). */
export interface AuditChainTable {
  event_id: number;
  hash: Uint8Array;
}

/** One row, written only by audit_seal(): how far the chain reaches and the next horizon. */
export interface AuditSealStateTable {
  singleton: boolean;
  sealed_through: number;
  head_id: number | null;
  head_hash: Uint8Array | null;
  horizon_id: number | null;
  horizon_xid: string | null;
  /** Events up to here were sealed before they had a municipality (migration 0021). */
  sealed_without_municipality_through: number;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface DB {
  municipality: MunicipalityTable;
  service_unit_type: ServiceUnitTypeTable;
  service_unit: ServiceUnitTable;
  staff_user: StaffUserTable;
  staff_role: StaffRoleTable;
  person: PersonTable;
  guardianship: GuardianshipTable;
  relation_claim: RelationClaimTable;
  access_request: AccessRequestTable;
  citizen_account: CitizenAccountTable;
  session: SessionTable;
  idempotency_key: IdempotencyKeyTable;
  involvement: InvolvementTable;
  audit_event: AuditEventTable;
  audit_chain: AuditChainTable;
  audit_seal_state: AuditSealStateTable;
  schema_migration: SchemaMigrationTable;
  team: TeamTable;
  team_service_unit: TeamServiceUnitTable;
  team_member: TeamMemberTable;
  job: JobTable;
  consent_text: ConsentTextTable;
  consent: ConsentTable;
  consent_giver: ConsentGiverTable;
  consent_recipient: ConsentRecipientTable;
  legal_basis_invocation: LegalBasisInvocationTable;
  catalogue_service: CatalogueServiceTable;
  catalogue_service_version: CatalogueServiceVersionTable;
  catalogue_service_text: CatalogueServiceTextTable;
  catalogue_guide: CatalogueGuideTable;
  enrolment: EnrolmentTable;
  action_guide_version: ActionGuideVersionTable;
  action_guide_step: ActionGuideStepTable;
  worry: WorryTable;
  worry_discussion: WorryDiscussionTable;
  help_case: HelpCaseTable;
  case_level_change: CaseLevelChangeTable;
  case_step_done: CaseStepDoneTable;
  relay_log_entry: RelayLogEntryTable;
  relay_handover: RelayHandoverTable;
  transition: TransitionTable;
  referral: ReferralTable;
  team_meeting: TeamMeetingTable;
  meeting_participant: MeetingParticipantTable;
  action_item: ActionItemTable;
  meeting_rating: MeetingRatingTable;
  meeting_rating_link: MeetingRatingLinkTable;
  system_report_delivery: SystemReportDeliveryTable;
  notification: NotificationTable;
  outbound_email: OutboundEmailTable;
  outbound_email_attachment: OutboundEmailAttachmentTable;
  absence_import: AbsenceImportTable;
  absence_record: AbsenceRecordTable;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type StaffUser = Selectable<StaffUserTable>;
export type ServiceUnit = Selectable<ServiceUnitTable>;
export type ServiceUnitUpdate = Updateable<ServiceUnitTable>;

export interface TeamTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: 'early_intervention' | 'system_level';
  age_from_months: number;
  age_to_months: number;
  area: string | null;
  leader_staff_user_id: string | null;
  meeting_place: string | null;
  description: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface TeamServiceUnitTable {
  team_id: string;
  service_unit_id: string;
}

export interface TeamMemberTable {
  team_id: string;
  staff_user_id: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  run_at: Timestamp;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  locked_by: string | null;
  locked_at: Timestamp | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ConsentTextTable {
  id: Generated<string>;
  version: number;
  title_nb: string; title_nn: string; title_en: string;
  body_nb: string; body_nn: string; body_en: string;
  published_at: Timestamp;
}

export interface ConsentTable {
  id: Generated<string>;
  subject_id: string;
  consent_text_id: string;
  method: 'digital' | 'paper' | 'oral';
  purposes: string[];
  categories: string[];
  child_welfare_matter: Generated<boolean>;
  valid_from: DateOnly;
  valid_to: DateOnly;
  child_view: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
  document: Buffer | null;
  document_type: string | null;
  document_name: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by_person_id: string | null;
  withdrawn_by_staff_id: string | null;
  withdrawal_note: string | null;
  awaiting_person_ids: Generated<string[]>;
}

export interface ConsentGiverTable {
  consent_id: string;
  person_id: string;
  capacity: 'guardian' | 'youth' | 'self';
}

export interface ConsentRecipientTable {
  id: Generated<string>;
  consent_id: string;
  service_unit_id: string | null;
  unit_type_code: string | null;
}

export interface LegalBasisInvocationTable {
  id: Generated<string>;
  person_id: string;
  basis: 'duty_to_report_child_welfare' | 'duty_to_avert';
  invoked_by: string;
  invoked_at: Timestamp;
  note: string;
}

// The public service catalogue (server/migrations/0009_catalogue.sql).
export interface CatalogueServiceTable {
  id: Generated<string>;
  municipality_id: string;
  slug: string;
  latest_version: Generated<number>;
  published_version: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CatalogueServiceVersionTable {
  id: Generated<string>;
  service_id: string;
  version: number;
  age_from: number | null;
  age_to: number | null;
  audiences: string[];
  situations: string[];
  low_threshold: Generated<boolean>;
  phone: string | null;
  email: string | null;
  url: string | null;
  address: string | null;
  rules: ColumnType<unknown, string, string>;
  change_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Timestamp | null;
  published_by: string | null;
}

export interface CatalogueServiceTextTable {
  version_id: string;
  lang: 'nb' | 'nn' | 'en';
  name: string;
  summary: string;
  audience_text: string;
  how_to: string;
  cost: string;
  opening_hours: string;
  location: string;
  keywords: string;
  search: ColumnType<string, never, never>;
}

export interface CatalogueGuideTable {
  id: Generated<string>;
  municipality_id: string;
  version: number;
  definition: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface EnrolmentTable {
  id: Generated<string>;
  person_id: string;
  service_unit_id: string;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
}

export interface ActionGuideVersionTable {
  id: Generated<string>;
  municipality_id: string;
  version: number;
  published_at: Timestamp;
  published_by: string | null;
  note: string | null;
}

export interface GuideLink {
  label: { nb: string; nn: string; en: string };
  url: string;
}

export interface ActionGuideStepTable {
  id: Generated<string>;
  guide_version_id: string;
  level: number;
  position: number;
  step_key: string;
  title_nb: string;
  title_nn: string;
  title_en: string;
  body_nb: Generated<string>;
  body_nn: Generated<string>;
  body_en: Generated<string>;
  links: ColumnType<GuideLink[], string | undefined, string>;
}

export interface WorryTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string | null;
  subject_kind: 'child' | 'pregnant';
  age_years: number | null;
  categories: string[];
  description: string;
  noticed_by: string;
  noticed_on: DateOnly;
  created_at: Timestamp;
  linked_at: Timestamp | null;
  case_id: string | null;
}

export interface WorryDiscussionTable {
  id: Generated<string>;
  worry_id: string;
  with_staff_id: string | null;
  with_team_id: string | null;
  note: string;
  written_by: string;
  discussed_at: Timestamp;
}

export type CloseReason = 'goals_reached' | 'family_withdrew' | 'moved' | 'other';

export interface HelpCaseTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  level: number;
  relay_holder_id: string;
  opened_by: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by_staff_id: string | null;
  closed_by_person_id: string | null;
  close_reason: CloseReason | null;
  close_note: string | null;
  retain_until: DateOnly | null;
  purged_at: Timestamp | null;
  version: Generated<number>;
}

export interface CaseLevelChangeTable {
  id: Generated<string>;
  case_id: string;
  from_level: number | null;
  to_level: number;
  reason: string;
  changed_by: string;
  changed_at: Timestamp;
}

export interface CaseStepDoneTable {
  case_id: string;
  level: number;
  step_key: string;
  done_by: string;
  done_at: Timestamp;
  note: string | null;
}

export type RelayLogEntryKind =
  | 'development_area' | 'goal' | 'measure' | 'evaluation' | 'agreement' | 'decision' | 'strength' | 'family_note' | 'holder_comment';

export interface RelayLogEntryTable {
  id: Generated<string>;
  case_id: string;
  entry_key: string;
  version: number;
  kind: RelayLogEntryKind;
  category: string;
  title: string;
  body: Generated<string>;
  responsible_staff_id: string | null;
  starts_on: DateOnly | null;
  evaluate_on: DateOnly | null;
  measure_key: string | null;
  outcome: 'achieved' | 'partly' | 'not_achieved' | null;
  family_view: string | null;
  child_view: string | null;
  author_staff_id: string | null;
  author_person_id: string | null;
  written_at: Timestamp;
}

export interface RelayHandoverTable {
  id: Generated<string>;
  case_id: string;
  from_staff_id: string;
  to_staff_id: string;
  message: string | null;
  requested_by: string;
  requested_at: Timestamp;
  status: Generated<'pending' | 'accepted' | 'declined' | 'cancelled'>;
  answered_at: Timestamp | null;
  answer_note: string | null;
  escalated_at: Timestamp | null;
  transition_id: string | null;
}

export interface TransitionTable {
  id: Generated<string>;
  case_id: string;
  from_stage: string;
  to_stage: string;
  to_unit_id: string;
  due_on: DateOnly;
  meeting_at: Timestamp | null;
  meeting_place: string | null;
  status: Generated<'planned' | 'completed' | 'cancelled'>;
  planned_by: string;
  planned_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface NotificationTable {
  id: Generated<string>;
  staff_user_id: string | null;
  person_id: string | null;
  kind: string;
  subject_person_id: string | null;
  params: ColumnType<Record<string, string | number>, string | undefined, string>;
  link: string;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface OutboundEmailTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  language: string;
  notification_id: string | null;
  status: Generated<'queued' | 'sent' | 'dev_mailbox' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  message_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface OutboundEmailAttachmentTable {
  email_id: string;
  position: number;
  filename: string;
  content_type: string;
  content: Buffer;
}

export interface AbsenceImportTable {
  id: Generated<string>;
  service_unit_id: string;
  imported_by: string;
  imported_at: Timestamp;
  file_name: string | null;
  row_count: number;
}

export interface AbsenceRecordTable {
  id: Generated<string>;
  import_id: string;
  service_unit_id: string;
  person_id: string;
  period_from: DateOnly;
  period_to: DateOnly;
  absence_percent: number;
  progress: 'good' | 'weak';
  contact_teacher_id: string;
  line: number;
}

export interface ReferralTable {
  id: Generated<string>;
  team_id: string;
  person_id: string | null;
  age_years: number | null;
  source: 'professional' | 'family';
  referred_by_staff_id: string | null;
  requested_by_person_id: string | null;
  reason: string;
  basis: 'consent' | 'family_present' | 'anonymous';
  status: Generated<'waiting' | 'accepted' | 'more_info' | 'redirected' | 'closed'>;
  case_id: string | null;
  anonymous_summary: string | null;
  received_at: Timestamp;
  answered_at: Timestamp | null;
  answered_by: string | null;
  answer_note: string | null;
  redirected_to_team_id: string | null;
}

export interface TeamMeetingTable {
  id: Generated<string>;
  team_id: string;
  kind: 'case' | 'system';
  referral_id: string | null;
  case_id: string | null;
  person_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  chair_staff_id: string;
  topic: string | null;
  category: Generated<string>;
  status: Generated<'scheduled' | 'closed' | 'cancelled'>;
  background: string | null;
  child_view: string | null;
  family_view: string | null;
  assessments: string | null;
  decisions: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface MeetingParticipantTable {
  id: Generated<string>;
  meeting_id: string;
  staff_user_id: string | null;
  person_id: string | null;
  role: 'chair' | 'professional' | 'guardian' | 'youth';
  invited_at: Timestamp;
  copy_sent_at: Timestamp | null;
}

export interface ActionItemTable {
  id: Generated<string>;
  meeting_id: string;
  case_id: string | null;
  position: number;
  what: string;
  owner_staff_id: string;
  owner_unit_id: string | null;
  due_on: DateOnly;
  status: Generated<'open' | 'done' | 'not_done'>;
  done_on: DateOnly | null;
  review_note: string | null;
  reviewed_in_meeting_id: string | null;
  reviewed_at: Timestamp | null;
  entry_key: string | null;
}

export interface MeetingRatingTable {
  id: Generated<string>;
  meeting_id: string;
  person_id: string;
  felt_heard: number;
  useful: number;
  comment: string | null;
  rated_at: Timestamp;
}

export interface MeetingRatingLinkTable {
  token_hash: string;
  meeting_id: string;
  person_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SystemReportDeliveryTable {
  id: Generated<string>;
  meeting_id: string;
  staff_user_id: string | null;
  email: string | null;
  sent_at: Timestamp;
}
