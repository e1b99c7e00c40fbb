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

export interface CitizenAccountTable {
  id: Generated<string>;
  person_id: string;
  username: string | null;
  oidc_subject: string | null;
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
  citizen_account: CitizenAccountTable;
  session: SessionTable;
  involvement: InvolvementTable;
  audit_event: AuditEventTable;
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
