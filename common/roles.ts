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
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
