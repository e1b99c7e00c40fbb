// Staff roles. A role says what kind of work a user does; it never opens case data by itself
// (that takes involvement and consent, decided in server/modules/access).
export const STAFF_ROLES = [
  'professional', // fagperson
  'team_leader', // leder av tidlig innsatsteam
  'team_member',
  'coordinator', // koordinator / stafettholder-koordinator
  'child_welfare_intake', // barnevernet mottak
  'coordinating_unit', // Koordinerende enhet
  'sbu_coordinator', // SBU-koordinator
  'analyst',
  'administrator', // kommunal administrator
  'auditor', // revisor / personvernombud
  'midwife', // jordmor: follows pregnant women at the health station
  'editor', // redaktør: writes the digital handbook
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The header the web's API calls name the language on screen in (server/modules/identity/language.ts). */
export const LANGUAGE_HEADER = 'x-sammen-language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// The role lists the access rules are written with. Server SQL, the access policies and the web read
// these; a rule that needs "who does case work" names CASE_WORK_ROLES rather than listing roles.

/** Roles whose work is with children's cases: only these register people, are involved, hold the baton. */
export const CASE_WORK_ROLES = [
  'professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake', 'coordinating_unit', 'midwife',
] as const satisfies readonly StaffRole[];

/** Roles that work in teams (early-intervention and system-level). */
export const TEAM_WORK_ROLES = ['team_member', 'team_leader'] as const satisfies readonly StaffRole[];

export function isCaseWorkRole(role: StaffRole): boolean {
  return (CASE_WORK_ROLES as readonly StaffRole[]).includes(role);
}

export function isTeamWorkRole(role: StaffRole): boolean {
  return (TEAM_WORK_ROLES as readonly StaffRole[]).includes(role);
}

/** Kindergartens and schools import absence figures and follow them up (Tiltaksplan: høyt fravær). */
export const ABSENCE_UNIT_TYPES = ['kindergarten', 'school_primary', 'school_lower_secondary', 'school_upper_secondary'] as const;

export function isAbsenceUnitType(typeCode: string | null | undefined): boolean {
  return typeCode != null && (ABSENCE_UNIT_TYPES as readonly string[]).includes(typeCode);
}

/** Keep the indicator register and enter its figures (the outcome track). */
export const INDICATOR_KEEPER_ROLES = ['sbu_coordinator', 'administrator'] as const satisfies readonly StaffRole[];

/** Read the municipality's indicator figures, never personal data: the analyst, the SBU coordinator and the administration. */
export const FIGURE_READER_ROLES = ['analyst', 'sbu_coordinator', 'administrator'] as const satisfies readonly StaffRole[];

/** Roles that write and publish the digital handbook: the administrator, and the editor who has none of its other powers. */
export const HANDBOOK_ROLES = ['administrator', 'editor'] as const satisfies readonly StaffRole[];
