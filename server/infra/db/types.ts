// Generated from the migrated schema by `npm run db:types` (server/infra/db/codegen.ts); do not
// edit. Closed sets of values come from the CHECK constraints; jsonb shapes and driver types from
// column-types.ts.
import type { GuideLink } from "./column-types.ts";
import type { ColumnType } from "kysely";

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AbsenceImport {
  file_name: string | null;
  id: Generated<string>;
  imported_at: Generated<Timestamp>;
  imported_by: string;
  row_count: number;
  service_unit_id: string;
}

export interface AbsenceRecord {
  absence_percent: number;
  contact_teacher_id: string;
  id: Generated<string>;
  import_id: string;
  line: number;
  period_from: string;
  period_to: string;
  person_id: string;
  progress: "good" | "weak";
  service_unit_id: string;
}

export interface AccessRequest {
  answered_at: Timestamp | null;
  answered_by_person_id: string | null;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  person_id: string;
  reason: string;
  requested_by: string;
  status: Generated<"pending" | "granted" | "refused">;
}

export interface ActionGuideStep {
  body_en: Generated<string>;
  body_nb: Generated<string>;
  body_nn: Generated<string>;
  guide_version_id: string;
  id: Generated<string>;
  level: number;
  links: Generated<ColumnType<GuideLink[], string, string>>;
  position: number;
  step_key: string;
  subject: Generated<"child" | "pregnancy">;
  title_en: string;
  title_nb: string;
  title_nn: string;
}

export interface ActionGuideVersion {
  id: Generated<string>;
  municipality_id: string;
  note: string | null;
  published_at: Generated<Timestamp>;
  published_by: string | null;
  version: number;
}

export interface ActionItem {
  case_id: string | null;
  done_on: string | null;
  due_on: string;
  entry_key: string | null;
  id: Generated<string>;
  meeting_id: string;
  owner_person_id: string | null;
  owner_staff_id: string | null;
  owner_unit_id: string | null;
  position: number;
  review_note: string | null;
  reviewed_at: Timestamp | null;
  reviewed_in_meeting_id: string | null;
  status: Generated<"open" | "done" | "not_done">;
  what: string;
}

export interface AfterCare {
  ends_on: string;
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  recorded_at: Timestamp;
  recorded_by: string;
  starts_on: string;
  version: Generated<number>;
}

export interface AuditChain {
  event_id: number;
  hash: Uint8Array;
}

export interface AuditEvent {
  action: string;
  actor_id: string | null;
  actor_kind: "staff" | "citizen" | "system" | "anonymous";
  actor_name: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  client_ip: string | null;
  entity_id: string | null;
  entity_type: string | null;
  id: Generated<number>;
  municipality_id: string | null;
  occurred_at: Generated<Timestamp>;
  outcome: "allowed" | "denied";
  purpose: string;
  reason: string | null;
  request_id: string | null;
  subject_id: string | null;
  subject_kind: "person" | "staff" | null;
}

export interface AuditSealState {
  head_hash: Uint8Array | null;
  head_id: number | null;
  horizon_id: number | null;
  horizon_xid: string | null;
  sealed_through: Generated<number>;
  sealed_without_municipality_through: Generated<number>;
  singleton: Generated<boolean>;
}

export interface CaseLevelChange {
  case_id: string;
  changed_at: Generated<Timestamp>;
  changed_by: string;
  from_level: number | null;
  id: Generated<string>;
  reason: string;
  to_level: number;
}

export interface CaseStepDone {
  case_id: string;
  done_at: Generated<Timestamp>;
  done_by: string;
  level: number;
  note: string | null;
  step_key: string;
}

export interface CatalogueGuide {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  definition: ColumnType<unknown, string, string>;
  id: Generated<string>;
  municipality_id: string;
  version: number;
}

export interface CatalogueService {
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  latest_version: Generated<number>;
  municipality_id: string;
  published_version: number | null;
  slug: string;
  updated_at: Generated<Timestamp>;
}

export interface CatalogueServiceText {
  audience_text: Generated<string>;
  cost: Generated<string>;
  how_to: Generated<string>;
  keywords: Generated<string>;
  lang: "nb" | "nn" | "en";
  location: Generated<string>;
  name: string;
  opening_hours: Generated<string>;
  search: ColumnType<string, never, never>;
  summary: string;
  version_id: string;
}

export interface CatalogueServiceVersion {
  address: string | null;
  age_from: number | null;
  age_to: number | null;
  audiences: Generated<string[]>;
  change_note: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  email: string | null;
  id: Generated<string>;
  low_threshold: Generated<boolean>;
  phone: string | null;
  published_at: Timestamp | null;
  published_by: string | null;
  rules: Generated<ColumnType<unknown, string, string>>;
  service_id: string;
  situations: Generated<string[]>;
  url: string | null;
  version: number;
}

export interface ChildWelfareConsultation {
  age_years: number;
  asked_by: string;
  asker_unit_id: string | null;
  created_at: Timestamp;
  id: Generated<string>;
  municipality_id: string;
  outcome: "advice" | "send_report" | "not_child_welfare" | null;
  situation: string;
}

export interface ChildWelfareConsultationMessage {
  author_staff_id: string;
  body: string;
  consultation_id: string;
  id: Generated<string>;
  written_at: Timestamp;
}

export interface ChildWelfareReport {
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  content: ColumnType<unknown, string, string>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decided_on: string | null;
  decision: "investigation" | "dismissed" | "referred" | null;
  family_may_see: boolean;
  family_told: boolean;
  feedback_at: Timestamp | null;
  feedback_by: string;
  feedback_text: string | null;
  final_feedback_at: Timestamp | null;
  final_feedback_by: string | null;
  final_feedback_text: string | null;
  id: Generated<string>;
  investigation_end_by: string | null;
  investigation_ended_on: string | null;
  investigation_extended: Generated<boolean>;
  legal_basis_invocation_id: string;
  municipality_id: string;
  not_told_reason: string | null;
  observed_on: string;
  person_id: string;
  received_at: Timestamp;
  received_on: string;
  reference: string;
  reporter_phone: string;
  reporter_role: string;
  reporter_staff_id: string;
  reporter_unit_id: string | null;
  review_by: string;
  urgent: boolean;
  version: Generated<number>;
}

export interface ChildWelfareReportDelivery {
  attempts: Generated<number>;
  channel: string;
  last_error: string | null;
  payload: ColumnType<unknown, string, string> | null;
  report_id: string;
  state: Generated<"queued" | "accepted" | "sent" | "delivered" | "refused" | "failed">;
  updated_at: Generated<Timestamp>;
}

export interface CitizenAccount {
  created_at: Generated<Timestamp>;
  email_notifications: Generated<boolean>;
  id: Generated<string>;
  oidc_subject: string | null;
  person_id: string;
  username: string | null;
}

export interface Consent {
  awaiting_person_ids: Generated<string[]>;
  categories: string[];
  child_view: string | null;
  child_welfare_matter: Generated<boolean>;
  consent_text_id: string;
  document: Uint8Array | null;
  document_name: string | null;
  document_type: "application/pdf" | "image/png" | "image/jpeg" | null;
  id: Generated<string>;
  method: "digital" | "paper" | "oral";
  purposes: string[];
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  subject_id: string;
  valid_from: string;
  valid_to: string;
  withdrawal_note: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by_person_id: string | null;
  withdrawn_by_staff_id: string | null;
}

export interface ConsentGiver {
  capacity: "guardian" | "youth" | "self";
  consent_id: string;
  person_id: string;
}

export interface ConsentPartialWithdrawal {
  categories: Generated<string[]>;
  consent_id: string;
  id: Generated<string>;
  note: string | null;
  recipient_unit_ids: Generated<string[]>;
  recipient_unit_types: Generated<string[]>;
  withdrawn_at: Timestamp;
  withdrawn_by_person_id: string | null;
  withdrawn_by_staff_id: string | null;
}

export interface ConsentRecipient {
  consent_id: string;
  id: Generated<string>;
  service_unit_id: string | null;
  unit_type_code: string | null;
}

export interface ConsentText {
  body_en: string;
  body_nb: string;
  body_nn: string;
  id: Generated<string>;
  published_at: Generated<Timestamp>;
  title_en: string;
  title_nb: string;
  title_nn: string;
  version: number;
}

export interface CoordinatorAssignment {
  answered_at: Timestamp | null;
  appointed_at: Timestamp;
  appointed_by: string;
  child_coordinator: Generated<boolean>;
  ended_at: Timestamp | null;
  id: Generated<string>;
  person_id: string;
  reason: string | null;
  request_id: string | null;
  staff_user_id: string;
  status: Generated<"pending" | "accepted" | "declined" | "cancelled" | "ended">;
}

export interface Enrolment {
  ends_on: string | null;
  id: Generated<string>;
  import_id: string | null;
  person_id: string;
  service_unit_id: string;
  starts_on: string;
}

export interface EnrolmentImport {
  file_name: string | null;
  id: Generated<string>;
  imported_at: Generated<Timestamp>;
  imported_by: string;
  row_count: number;
  service_unit_id: string;
}

export interface FamilyEffort {
  closed_at: Timestamp | null;
  evaluation: string | null;
  id: Generated<string>;
  leader_staff_id: string | null;
  municipality_id: string;
  offered_at: Timestamp | null;
  offered_by_staff_id: string | null;
  offered_to_staff_id: string | null;
  outcome: "goals_reached" | "partly_reached" | "not_reached" | null;
  reason: string;
  requested_at: Generated<Timestamp>;
  requested_by_person_id: string | null;
  requested_by_staff_id: string | null;
  started_at: Timestamp | null;
  status: Generated<"requested" | "offered" | "active" | "closed">;
  version: Generated<number>;
}

export interface FamilyEffortMember {
  effort_id: string;
  person_id: string;
  role: "parent" | "child";
}

export interface FamilyEffortService {
  called_in_at: Generated<Timestamp>;
  effort_id: string;
  id: Generated<string>;
  staff_user_id: string;
}

export interface GoalRating {
  goal_key: string;
  goal_source: "relay_log" | "plan";
  id: Generated<string>;
  occasion: "start" | "evaluation" | "end";
  person_id: string;
  rated_at: Timestamp;
  rated_on: string;
  rater: "family" | "child";
  rater_person_id: string | null;
  recorded_by_staff_id: string | null;
  score: number;
}

export interface Guardianship {
  child_id: string;
  created_at: Generated<Timestamp>;
  guardian_id: string;
  lives_with_child: Generated<boolean>;
  parental_responsibility: boolean;
  relation: "mother" | "father" | "other";
}

export interface HandbookImage {
  byte_size: number;
  bytes: Uint8Array;
  content_type: "image/png" | "image/jpeg" | "image/gif" | "image/webp";
  created_at: Generated<Timestamp>;
  created_by: string;
  id: Generated<string>;
  municipality_id: string;
}

export interface HandbookPage {
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  latest_version: Generated<number>;
  municipality_id: string;
  published_version: number | null;
  slug: string;
  updated_at: Generated<Timestamp>;
}

export interface HandbookPageText {
  body_html: string;
  body_text: string;
  lang: "nb" | "nn" | "en";
  search: Generated<string | null>;
  title: string;
  version_id: string;
}

export interface HandbookPageVersion {
  about_team_kind: "early_intervention" | "system_level" | null;
  change_note: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  id: Generated<string>;
  page_id: string;
  published_at: Timestamp | null;
  published_by: string | null;
  state: Generated<"draft" | "review" | "published">;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  version: number;
  visibility: "public" | "staff";
}

export interface HelpCase {
  close_note: string | null;
  close_reason: "goals_reached" | "family_withdrew" | "moved" | "other" | "birth" | null;
  closed_at: Timestamp | null;
  closed_by_person_id: string | null;
  closed_by_staff_id: string | null;
  id: Generated<string>;
  level: number;
  municipality_id: string;
  opened_at: Generated<Timestamp>;
  opened_by: string;
  person_id: string;
  purged_at: Timestamp | null;
  relay_holder_id: string;
  retain_until: string | null;
  version: Generated<number>;
}

export interface IdempotencyKey {
  created_at: Generated<Timestamp>;
  key: string;
  owner: string;
  request_hash: string;
  response: ColumnType<unknown, string, string> | null;
  status: number | null;
}

export interface Indicator {
  baseline_value: number;
  baseline_year: number;
  code: string;
  computed_key: string | null;
  definition_en: string;
  definition_nb: string;
  definition_nn: string;
  direction: "higher_is_better" | "lower_is_better";
  id: Generated<string>;
  municipality_id: string;
  name_en: string;
  name_nb: string;
  name_nn: string;
  retired_at: Timestamp | null;
  retired_by: string | null;
  source: "computed" | "entered";
  unit: "count" | "share" | "days" | "years";
  updated_at: Generated<Timestamp>;
  updated_by: string;
  version: Generated<number>;
}

export interface IndicatorEntry {
  entered_at: Timestamp;
  entered_by: string;
  indicator_id: string;
  value: number;
  year: number;
}

export interface IndicatorFigure {
  computed_key: string;
  denominator: number;
  municipality_id: string;
  numerator: number;
  refreshed_at: Timestamp;
  scope_key: string;
  scope_kind: "municipality" | "team" | "unit" | "service_type";
  year: number;
}

export interface IndicatorTarget {
  indicator_id: string;
  value: number;
  year: number;
}

export interface IndicatorVersion {
  indicator_id: string;
  saved_at: Timestamp;
  saved_by: string;
  snapshot: Json;
  version: number;
}

export interface IndividualPlan {
  adult_consent_at: Timestamp | null;
  case_id: string;
  confirmed_at: Timestamp | null;
  confirmed_by_person_id: string | null;
  confirmed_version: number | null;
  created_at: Timestamp;
  created_by: string;
  ended_at: Timestamp | null;
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  request_id: string | null;
  status: Generated<"active" | "ended">;
  version: Generated<number>;
}

export interface Involvement {
  ended_at: Timestamp | null;
  id: Generated<string>;
  kind: "registrant" | "relay_holder" | "measure_responsible" | "meeting_participant" | "team_member" | "coordinator" | "collaborator" | "granted_by_family";
  person_id: string;
  staff_user_id: string;
  started_at: Generated<Timestamp>;
}

export interface Job {
  attempts: Generated<number>;
  created_at: Generated<Timestamp>;
  dedupe_key: string | null;
  finished_at: Timestamp | null;
  id: Generated<number>;
  kind: string;
  last_error: string | null;
  locked_at: Timestamp | null;
  locked_by: string | null;
  max_attempts: Generated<number>;
  payload: Generated<ColumnType<unknown, string, string>>;
  run_at: Generated<Timestamp>;
  status: Generated<"pending" | "running" | "done" | "failed">;
}

export interface LegalBasisInvocation {
  basis: "duty_to_report_child_welfare" | "duty_to_avert";
  id: Generated<string>;
  invoked_at: Generated<Timestamp>;
  invoked_by: string;
  note: string;
  person_id: string;
}

export interface MeetingParticipant {
  attendance: "present" | "absent" | "apologies" | null;
  copy_sent_at: Timestamp | null;
  id: Generated<string>;
  invited_at: Generated<Timestamp>;
  meeting_id: string;
  person_id: string | null;
  role: "chair" | "professional" | "guardian" | "youth";
  staff_user_id: string | null;
}

export interface MeetingRating {
  comment: string | null;
  felt_heard: number;
  id: Generated<string>;
  meeting_id: string;
  person_id: string;
  rated_at: Generated<Timestamp>;
  useful: number;
}

export interface MeetingRatingLink {
  expires_at: Timestamp;
  meeting_id: string;
  person_id: string;
  token_hash: string;
  used_at: Timestamp | null;
}

export interface Municipality {
  case_retention_years: Generated<number>;
  catalogue_revision: Generated<string>;
  code: string;
  consent_age: Generated<number>;
  consent_age_child_welfare: Generated<number>;
  created_at: Generated<Timestamp>;
  duty_service_email: string | null;
  duty_service_phone: string | null;
  goal_rating_age: Generated<number>;
  guardian_consent_rule: Generated<"all" | "one">;
  handover_escalation_days: Generated<number>;
  id: Generated<string>;
  name: string;
  slt_email: string | null;
}

export interface Notification {
  created_at: Generated<Timestamp>;
  dedupe_key: string | null;
  id: Generated<string>;
  kind: string;
  link: string;
  params: Generated<ColumnType<Record<string, number | string>, string, string>>;
  person_id: string | null;
  read_at: Timestamp | null;
  staff_user_id: string | null;
  subject_person_id: string | null;
}

export interface OutboundEmail {
  attempts: Generated<number>;
  body_text: string;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  language: "nb" | "nn" | "en";
  last_error: string | null;
  message_id: string | null;
  notification_id: string | null;
  sent_at: Timestamp | null;
  status: Generated<"queued" | "sent" | "dev_mailbox" | "failed">;
  subject: string;
  to_address: string;
}

export interface OutboundEmailAttachment {
  content: Uint8Array;
  content_type: string;
  email_id: string;
  filename: string;
  position: number;
}

export interface Person {
  address: string | null;
  area: string | null;
  birth_date: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  email: string | null;
  expected_birth_date: string | null;
  family_name: string;
  given_name: string;
  guardians_see_case: Generated<boolean>;
  id: Generated<string>;
  kind: "child" | "pregnant" | "adult";
  language: Generated<"nb" | "nn" | "en">;
  municipality_id: string;
  national_id: string | null;
  phone: string | null;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface PlanChange {
  by_person_id: string | null;
  by_staff_id: string | null;
  changed_at: Timestamp;
  id: Generated<string>;
  plan_id: string;
  version: number;
  what: "created" | "goal_added" | "contribution_added" | "evaluation_planned" | "evaluated" | "confirmed" | "comment_added" | "coordinator_changed" | "adult_consent" | "ended";
}

export interface PlanComment {
  author_person_id: string | null;
  author_staff_id: string | null;
  body: string;
  id: Generated<string>;
  plan_id: string;
  written_at: Timestamp;
}

export interface PlanContribution {
  description: string;
  ends_on: string | null;
  id: Generated<string>;
  plan_id: string;
  responsible_staff_id: string;
  starts_on: string;
  written_at: Timestamp;
  written_by: string;
}

export interface PlanEvaluation {
  done_at: Timestamp | null;
  done_on: string | null;
  due_on: string;
  id: Generated<string>;
  plan_id: string;
  reminded_at: Timestamp | null;
}

export interface PlanGoal {
  author_person_id: string | null;
  author_staff_id: string | null;
  family_view: string | null;
  id: Generated<string>;
  plan_id: string;
  status: Generated<"open" | "achieved" | "partly" | "not_achieved">;
  text: string;
  whose: "family" | "child";
  written_at: Timestamp;
}

export interface PlanLogLink {
  entry_key: string;
  plan_id: string;
}

export interface PlanRequest {
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision: "granted" | "refused" | null;
  decision_reason: string | null;
  id: Generated<string>;
  kind: "plan_and_coordinator" | "coordinator" | "child_coordinator";
  municipality_id: string;
  person_id: string;
  reason: string;
  requested_at: Timestamp;
  requested_by_person_id: string | null;
  requested_by_staff_id: string | null;
  version: Generated<number>;
}

export interface QuestionnaireVersion {
  created_at: Timestamp;
  created_by: string;
  definition: ColumnType<unknown, string, string>;
  id: Generated<string>;
  instrument_key: string;
  municipality_id: string;
  retired_at: Timestamp | null;
  version: number;
}

export interface Referral {
  age_years: number | null;
  anonymous_summary: string | null;
  answer_note: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  basis: "consent" | "family_present" | "anonymous";
  case_id: string | null;
  id: Generated<string>;
  other_team_reason: string | null;
  person_id: string | null;
  proposed_team_id: string | null;
  reason: string;
  received_at: Generated<Timestamp>;
  redirected_to_team_id: string | null;
  referred_by_staff_id: string | null;
  requested_by_person_id: string | null;
  source: "professional" | "family";
  status: Generated<"waiting" | "accepted" | "more_info" | "redirected" | "closed">;
  team_id: string;
}

export interface RelationClaim {
  birth_date: string;
  child_id: string;
  claimed_by: string | null;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by_person_id: string | null;
  decided_by_staff_id: string | null;
  email: string | null;
  family_name: string;
  given_name: string;
  guardian_id: string | null;
  id: Generated<string>;
  lives_with_child: Generated<boolean>;
  national_id: string | null;
  parental_responsibility: boolean;
  phone: string | null;
  relation: "mother" | "father" | "other";
  status: Generated<"unconfirmed" | "confirmed" | "refused" | "not_in_register">;
}

export interface RelayHandover {
  answer_note: string | null;
  answered_at: Timestamp | null;
  case_id: string;
  escalated_at: Timestamp | null;
  from_staff_id: string;
  id: Generated<string>;
  message: string | null;
  requested_at: Generated<Timestamp>;
  requested_by: string;
  status: Generated<"pending" | "accepted" | "declined" | "cancelled">;
  to_staff_id: string;
  transition_id: string | null;
}

export interface RelayLogEntry {
  author_person_id: string | null;
  author_staff_id: string | null;
  body: Generated<string>;
  case_id: string;
  category: string;
  child_view: string | null;
  entry_key: string;
  evaluate_on: string | null;
  family_view: string | null;
  id: Generated<string>;
  kind: "development_area" | "goal" | "measure" | "evaluation" | "agreement" | "decision" | "strength" | "family_note" | "holder_comment";
  measure_key: string | null;
  outcome: "achieved" | "partly" | "not_achieved" | null;
  responsible_staff_id: string | null;
  starts_on: string | null;
  title: string;
  version: number;
  written_at: Generated<Timestamp>;
}

export interface SchemaMigration {
  applied_at: Generated<Timestamp>;
  name: string;
  version: number;
}

export interface Screening {
  alert: Generated<boolean>;
  answered_at: Timestamp | null;
  id: Generated<string>;
  instrument_key: string;
  instrument_version: number;
  language: "nb" | "nn" | "en" | null;
  measure_entry_key: string | null;
  mode: "conversation" | "min_side";
  municipality_id: string;
  person_id: string;
  requested_at: Timestamp;
  requested_by: string;
  response: ColumnType<unknown, string, string> | null;
  score: number | null;
  status: Generated<"sent" | "answered">;
  subscores: ColumnType<Record<string, number>, string, string> | null;
  threshold_key: string | null;
  version: Generated<number>;
}

export interface ServiceUnit {
  active: Generated<boolean>;
  area: string | null;
  created_at: Generated<Timestamp>;
  email: string | null;
  id: Generated<string>;
  leader_staff_user_id: string | null;
  municipality_id: string;
  name: string;
  phone: string | null;
  type_code: string;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface ServiceUnitType {
  built_in: Generated<boolean>;
  code: string;
  created_at: Generated<Timestamp>;
  name_en: string;
  name_nb: string;
  name_nn: string;
  sort_order: Generated<number>;
}

export interface Session {
  active_role: string | null;
  citizen_account_id: string | null;
  created_at: Generated<Timestamp>;
  csrf_token: string;
  last_seen_at: Generated<Timestamp>;
  staff_user_id: string | null;
  token_hash: string;
}

export interface StaffRole {
  role: "professional" | "team_leader" | "team_member" | "coordinator" | "child_welfare_intake" | "coordinating_unit" | "sbu_coordinator" | "analyst" | "administrator" | "auditor" | "midwife" | "editor";
  staff_user_id: string;
}

export interface StaffUser {
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  display_name: string;
  email: string;
  id: Generated<string>;
  language: Generated<"nb" | "nn" | "en">;
  municipality_id: string;
  national_id: string | null;
  oidc_subject: string | null;
  phone: string | null;
  service_unit_id: string | null;
  title: string | null;
  updated_at: Generated<Timestamp>;
  username: string;
  version: Generated<number>;
}

export interface SurveyParticipation {
  round_id: string;
  staff_user_id: string;
}

export interface SurveyRespondents {
  respondents: number;
  round_id: string;
  service_type: string;
}

export interface SurveyRound {
  closes_on: string;
  created_at: Timestamp;
  created_by: string;
  id: Generated<string>;
  instrument_key: string;
  instrument_version: number;
  municipality_id: string;
  opens_on: string;
  title: string;
}

export interface SurveyTally {
  answer: number;
  answers: number;
  link_id: string;
  round_id: string;
  service_type: string;
}

export interface SystemReportDelivery {
  email: string | null;
  id: Generated<string>;
  meeting_id: string;
  sent_at: Generated<Timestamp>;
  staff_user_id: string | null;
}

export interface Team {
  active: Generated<boolean>;
  age_from_months: number;
  age_to_months: number;
  area: string | null;
  created_at: Generated<Timestamp>;
  description: string | null;
  id: Generated<string>;
  kind: "early_intervention" | "system_level";
  leader_staff_user_id: string | null;
  meeting_place: string | null;
  municipality_id: string;
  name: string;
  version: Generated<number>;
}

export interface TeamMeeting {
  assessments: string | null;
  background: string | null;
  case_id: string | null;
  category: Generated<"development" | "health" | "behaviour" | "social" | "family_situation" | "school_attendance" | "language" | "other">;
  chair_staff_id: string;
  child_view: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  decisions: string | null;
  ends_at: Timestamp;
  family_view: string | null;
  id: Generated<string>;
  kind: "case" | "system";
  person_id: string | null;
  place: string;
  plan_id: string | null;
  referral_id: string | null;
  starts_at: Timestamp;
  status: Generated<"scheduled" | "closed" | "cancelled">;
  team_id: string | null;
  topic: string | null;
  version: Generated<number>;
}

export interface TeamMember {
  staff_user_id: string;
  team_id: string;
}

export interface TeamServiceUnit {
  service_unit_id: string;
  team_id: string;
}

export interface Transition {
  case_id: string;
  completed_at: Timestamp | null;
  due_on: string;
  from_stage: string;
  id: Generated<string>;
  meeting_at: Timestamp | null;
  meeting_place: string | null;
  planned_at: Generated<Timestamp>;
  planned_by: string;
  status: Generated<"planned" | "completed" | "cancelled">;
  to_stage: string;
  to_unit_id: string;
}

export interface Worry {
  age_years: number | null;
  case_id: string | null;
  categories: string[];
  created_at: Generated<Timestamp>;
  description: string;
  id: Generated<string>;
  linked_at: Timestamp | null;
  municipality_id: string;
  noticed_by: string;
  noticed_on: string;
  person_id: string | null;
  subject_kind: "child" | "pregnant";
}

export interface WorryDiscussion {
  discussed_at: Generated<Timestamp>;
  id: Generated<string>;
  note: string;
  with_staff_id: string | null;
  with_team_id: string | null;
  worry_id: string;
  written_by: string;
}

export interface DB {
  absence_import: AbsenceImport;
  absence_record: AbsenceRecord;
  access_request: AccessRequest;
  action_guide_step: ActionGuideStep;
  action_guide_version: ActionGuideVersion;
  action_item: ActionItem;
  after_care: AfterCare;
  audit_chain: AuditChain;
  audit_event: AuditEvent;
  audit_seal_state: AuditSealState;
  case_level_change: CaseLevelChange;
  case_step_done: CaseStepDone;
  catalogue_guide: CatalogueGuide;
  catalogue_service: CatalogueService;
  catalogue_service_text: CatalogueServiceText;
  catalogue_service_version: CatalogueServiceVersion;
  child_welfare_consultation: ChildWelfareConsultation;
  child_welfare_consultation_message: ChildWelfareConsultationMessage;
  child_welfare_report: ChildWelfareReport;
  child_welfare_report_delivery: ChildWelfareReportDelivery;
  citizen_account: CitizenAccount;
  consent: Consent;
  consent_giver: ConsentGiver;
  consent_partial_withdrawal: ConsentPartialWithdrawal;
  consent_recipient: ConsentRecipient;
  consent_text: ConsentText;
  coordinator_assignment: CoordinatorAssignment;
  enrolment: Enrolment;
  enrolment_import: EnrolmentImport;
  family_effort: FamilyEffort;
  family_effort_member: FamilyEffortMember;
  family_effort_service: FamilyEffortService;
  goal_rating: GoalRating;
  guardianship: Guardianship;
  handbook_image: HandbookImage;
  handbook_page: HandbookPage;
  handbook_page_text: HandbookPageText;
  handbook_page_version: HandbookPageVersion;
  help_case: HelpCase;
  idempotency_key: IdempotencyKey;
  indicator: Indicator;
  indicator_entry: IndicatorEntry;
  indicator_figure: IndicatorFigure;
  indicator_target: IndicatorTarget;
  indicator_version: IndicatorVersion;
  individual_plan: IndividualPlan;
  involvement: Involvement;
  job: Job;
  legal_basis_invocation: LegalBasisInvocation;
  meeting_participant: MeetingParticipant;
  meeting_rating: MeetingRating;
  meeting_rating_link: MeetingRatingLink;
  municipality: Municipality;
  notification: Notification;
  outbound_email: OutboundEmail;
  outbound_email_attachment: OutboundEmailAttachment;
  person: Person;
  plan_change: PlanChange;
  plan_comment: PlanComment;
  plan_contribution: PlanContribution;
  plan_evaluation: PlanEvaluation;
  plan_goal: PlanGoal;
  plan_log_link: PlanLogLink;
  plan_request: PlanRequest;
  questionnaire_version: QuestionnaireVersion;
  referral: Referral;
  relation_claim: RelationClaim;
  relay_handover: RelayHandover;
  relay_log_entry: RelayLogEntry;
  schema_migration: SchemaMigration;
  screening: Screening;
  service_unit: ServiceUnit;
  service_unit_type: ServiceUnitType;
  session: Session;
  staff_role: StaffRole;
  staff_user: StaffUser;
  survey_participation: SurveyParticipation;
  survey_respondents: SurveyRespondents;
  survey_round: SurveyRound;
  survey_tally: SurveyTally;
  system_report_delivery: SystemReportDelivery;
  team: Team;
  team_meeting: TeamMeeting;
  team_member: TeamMember;
  team_service_unit: TeamServiceUnit;
  transition: Transition;
  worry: Worry;
  worry_discussion: WorryDiscussion;
}
