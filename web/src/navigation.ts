// Which pages each role works in, and where it lands after signing in. The server decides what a
// user may see; this only keeps the menu to the pages that make sense in the active role.
import type { MessageKey } from '../../common/i18n/index.ts';
import type { StaffRole } from '../../common/roles.ts';
import type { Principal } from '../../common/contracts/identity.ts';

export type PageKey = 'people' | 'register' | 'teams' | 'adminUnits' | 'adminStaff' | 'adminGuide' | 'worries' | 'audit' | 'myPage' | 'absence' | 'adminCatalogue' | 'findHelp' | 'intake' | 'systemMeetings';

export const PAGE_PATHS: Record<PageKey, string> = {
  people: '/barn',
  register: '/barn/ny',
  teams: '/team',
  adminUnits: '/admin/enheter',
  adminStaff: '/admin/ansatte',
  adminGuide: '/admin/handlingsveileder',
  worries: '/undringer',
  intake: '/inntak',
  systemMeetings: '/systemteam',
  audit: '/revisjon',
  myPage: '/min-side',
  absence: '/fravaer',
  adminCatalogue: '/admin/tjenester',
  findHelp: '/tjenester',
};

export const PAGE_TITLES: Record<PageKey, MessageKey> = {
  people: 'ui.nav.people',
  register: 'ui.nav.register',
  teams: 'ui.nav.teams',
  adminUnits: 'ui.nav.adminUnits',
  adminStaff: 'ui.nav.adminStaff',
  adminGuide: 'cases.ui.guide.title',
  worries: 'cases.ui.worries.title',
  intake: 'meetings.ui.intakeTitle',
  systemMeetings: 'teams.sys.nav',
  audit: 'ui.nav.audit',
  myPage: 'ui.nav.myPage',
  absence: 'notifications.absence.nav',
  adminCatalogue: 'catalogue.nav.admin',
  findHelp: 'catalogue.nav.findHelp',
};

/** Roles whose work is with children's cases (the server's CASE_WORK_ROLES). */
export const CASE_WORK_ROLES: readonly StaffRole[] = [
  'professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake', 'coordinating_unit',
];

const STAFF_PAGES: Record<StaffRole, PageKey[]> = {
  professional: ['people', 'register', 'worries', 'absence'], // absence: in the menu only at a kindergarten or school (menuFor)
  team_member: ['people', 'register', 'worries', 'systemMeetings'], // systemMeetings: the system-level teams they are in
  coordinator: ['people', 'register', 'worries'],
  child_welfare_intake: ['people', 'register', 'worries'],
  coordinating_unit: ['people', 'register', 'worries'],
  team_leader: ['people', 'register', 'worries', 'intake', 'teams', 'systemMeetings', 'absence'],
  sbu_coordinator: ['teams', 'systemMeetings'],
  analyst: ['teams'],
  administrator: ['adminUnits', 'adminStaff', 'adminGuide', 'adminCatalogue', 'teams'],
  auditor: ['audit'],
};

/** The pages of the active role, in menu order; the first is the start page. */
export function pagesFor(principal: Principal): PageKey[] {
  return principal.kind === 'citizen' ? ['myPage', 'findHelp'] : STAFF_PAGES[principal.activeRole];
}

/** Kindergartens and schools import and follow up absence (the server's ABSENCE_UNIT_TYPES in access.ts). */
const ABSENCE_UNIT_TYPES = ['kindergarten', 'school_primary', 'school_lower_secondary', 'school_upper_secondary'];

/** The menu: the role's pages, less those the user's kind of unit does not work with. */
export function menuFor(principal: Principal, unitType: string | null | undefined): PageKey[] {
  return pagesFor(principal).filter((page) => page !== 'absence' || (unitType != null && ABSENCE_UNIT_TYPES.includes(unitType)));
}

export function startPath(principal: Principal): string {
  return PAGE_PATHS[pagesFor(principal)[0] ?? 'myPage'];
}
