// Where each page lives and what it is called. Which pages the signed-in user may open and which the
// menu shows is the server's answer in the session (`pages`, `menu`); the web holds no role table.
import type { MessageKey } from '../../common/i18n/index.ts';
import type { PageKey } from '../../common/pages.ts';
import type { Me } from '../../common/contracts/identity.ts';

export type { PageKey };

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
  cwQueue: '/barnevern',
  cwMine: '/mine-meldinger',
  cwConsult: '/barnevern/drofting',
  familyEfforts: '/niva2',
  enrolled: '/innskrevne',
  handbook: '/handbok',
  adminHandbook: '/admin/handbok',
  indicators: '/indikatorer',
  annualReport: '/arsrapport',
  survey: '/samhandling',
  adminQuestionnaires: '/admin/skjema',
  planQueue: '/koordinerende-enhet',
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
  cwQueue: 'reports.nav.queue',
  cwMine: 'reports.nav.mine',
  cwConsult: 'reports.nav.consultations',
  familyEfforts: 'paths.nav.efforts',
  enrolled: 'enrolments.nav',
  handbook: 'handbook.nav.handbook',
  adminHandbook: 'handbook.nav.admin',
  indicators: 'indicators.nav.register',
  annualReport: 'indicators.nav.report',
  survey: 'questionnaires.survey.nav',
  adminQuestionnaires: 'questionnaires.admin.nav',
  planQueue: 'plans.nav.queue',
};

/** Where the signed-in user lands: the first of the pages the session answer gives them. */
export function startPath(me: Pick<Me, 'pages'>): string {
  return PAGE_PATHS[me.pages[0] ?? 'myPage'];
}
