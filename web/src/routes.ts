// The pages and the chunk each is loaded from, in the order React Router matches them for the
// preload (a fixed segment before a parameter: /barn/ny before /barn/:id). App.tsx makes the routes
// of this table; boot.ts preloads the first page's chunk.
import type { ComponentType } from 'react';
import { needEveryText } from './messages.ts';
import type { PageKey } from './navigation.ts';

export type Load = () => Promise<ComponentType>;

export interface AppRoute {
  path: string;
  load: Load;
  /** The menu page whose audience may open it; without one the page is open to everyone who reaches it. */
  guard?: PageKey;
  /** A public page: it needs only the texts every page loads first (messages.ts), not the signed-in pages'. */
  public?: true;
}

export const signIn: Load = () => import('./pages/SignIn.tsx').then((m) => m.SignInPage);
export const notFound: Load = () => import('./pages/NotFound.tsx').then((m) => m.NotFoundPage);
const adminServiceEditor: Load = () => import('./pages/catalogue/AdminServiceEditor.tsx').then((m) => m.AdminServiceEditorPage);
const pageEditor: Load = () => import('./pages/handbook/PageEditor.tsx').then((m) => m.PageEditorPage);

const TABLE: AppRoute[] = [
  { path: '/barn', guard: 'people', load: () => import('./pages/People.tsx').then((m) => m.PeoplePage) },
  { path: '/barn/ny', guard: 'register', load: () => import('./pages/RegisterPerson.tsx').then((m) => m.RegisterPersonPage) },
  { path: '/barn/:id', guard: 'people', load: () => import('./pages/PersonPage.tsx').then((m) => m.PersonPage) },
  { path: '/barn/:id/plan', guard: 'people', load: () => import('./pages/plans/PlanPage.tsx').then((m) => m.PlanPage) },
  { path: '/barn/:id/kartlegging/:screeningId', guard: 'people', load: () => import('./pages/questionnaires/Screening.tsx').then((m) => m.StaffScreeningPage) },
  { path: '/barn/:id/bekymringsmelding', guard: 'people', load: () => import('./pages/child-welfare/SendReport.tsx').then((m) => m.SendReportPage) },
  { path: '/barnevern', guard: 'cwQueue', load: () => import('./pages/child-welfare/Queue.tsx').then((m) => m.QueuePage) },
  { path: '/barnevern/drofting', guard: 'cwConsult', load: () => import('./pages/child-welfare/Consultations.tsx').then((m) => m.ConsultationsPage) },
  { path: '/barnevern/meldinger/:id', guard: 'cwQueue', load: () => import('./pages/child-welfare/Report.tsx').then((m) => m.ReportPage) },
  { path: '/mine-meldinger', guard: 'cwMine', load: () => import('./pages/child-welfare/MyReports.tsx').then((m) => m.MyReportsPage) },
  { path: '/inntak', guard: 'intake', load: () => import('./pages/Intake.tsx').then((m) => m.IntakePage) },
  // A meeting is opened by its participants, from the child's page or the task list.
  { path: '/moter/:id', guard: 'people', load: () => import('./pages/Meeting.tsx').then((m) => m.MeetingPage) },
  { path: '/undringer', guard: 'worries', load: () => import('./pages/Worries.tsx').then((m) => m.WorriesPage) },
  { path: '/team', guard: 'teams', load: () => import('./pages/Teams.tsx').then((m) => m.TeamsPage) },
  { path: '/systemteam', guard: 'systemMeetings', load: () => import('./pages/SystemMeetings.tsx').then((m) => m.SystemMeetingsPage) },
  { path: '/systemteam/:id', guard: 'systemMeetings', load: () => import('./pages/SystemMeeting.tsx').then((m) => m.SystemMeetingPage) },
  { path: '/admin/enheter', guard: 'adminUnits', load: () => import('./pages/AdminUnits.tsx').then((m) => m.AdminUnitsPage) },
  { path: '/admin/ansatte', guard: 'adminStaff', load: () => import('./pages/AdminStaff.tsx').then((m) => m.AdminStaffPage) },
  { path: '/admin/handlingsveileder', guard: 'adminGuide', load: () => import('./pages/AdminGuide.tsx').then((m) => m.AdminGuidePage) },
  { path: '/revisjon', guard: 'audit', load: () => import('./pages/Audit.tsx').then((m) => m.AuditPage) },
  { path: '/min-side', guard: 'myPage', load: () => import('./pages/MyPage.tsx').then((m) => m.MyPage) },
  { path: '/min-side/vurderinger', guard: 'myPage', load: () => import('./pages/MeetingRatings.tsx').then((m) => m.MeetingRatingsPage) },
  { path: '/min-side/kartlegging/:screeningId', guard: 'myPage', load: () => import('./pages/questionnaires/Screening.tsx').then((m) => m.MyScreeningPage) },
  { path: '/min-side/:id', guard: 'myPage', load: () => import('./pages/MyPage.tsx').then((m) => m.MyPersonPage) },
  // The family's rating from the e-mailed link: no sign-in, the link is the key.
  { path: '/vurdering/:token', load: () => import('./pages/RatingLink.tsx').then((m) => m.RatingLinkPage) },
  { path: '/niva2', guard: 'familyEfforts', load: () => import('./pages/family-efforts/Efforts.tsx').then((m) => m.EffortsPage) },
  { path: '/niva2/:id', guard: 'familyEfforts', load: () => import('./pages/family-efforts/Effort.tsx').then((m) => m.EffortPage) },
  { path: '/koordinerende-enhet', guard: 'planQueue', load: () => import('./pages/plans/Queue.tsx').then((m) => m.QueuePage) },
  { path: '/koordinerende-enhet/:requestId', guard: 'planQueue', load: () => import('./pages/plans/Request.tsx').then((m) => m.RequestPage) },
  { path: '/fravaer', guard: 'absence', load: () => import('./pages/Absence.tsx').then((m) => m.AbsencePage) },
  { path: '/varsler', load: () => import('./pages/Notifications.tsx').then((m) => m.NotificationsPage) },
  { path: '/utvikling/epost', load: () => import('./pages/DevMailbox.tsx').then((m) => m.DevMailboxPage) },
  // The public service catalogue: open to everyone, signed in or not.
  { path: '/tjenester', public: true, load: () => import('./pages/catalogue/CataloguePage.tsx').then((m) => m.CataloguePage) },
  { path: '/tjenester/veileder', public: true, load: () => import('./pages/catalogue/GuidePage.tsx').then((m) => m.GuidePage) },
  { path: '/tjenester/:slug', public: true, load: () => import('./pages/catalogue/ServicePage.tsx').then((m) => m.ServicePage) },
  { path: '/ung', public: true, load: () => import('./pages/catalogue/YouthPage.tsx').then((m) => m.YouthPage) },
  { path: '/admin/tjenester', guard: 'adminCatalogue', load: () => import('./pages/catalogue/AdminCataloguePage.tsx').then((m) => m.AdminCataloguePage) },
  { path: '/admin/tjenester/ny', guard: 'adminCatalogue', load: adminServiceEditor },
  { path: '/admin/tjenester/:id', guard: 'adminCatalogue', load: adminServiceEditor },
  { path: '/innskrevne', guard: 'enrolled', load: () => import('./pages/Enrolled.tsx').then((m) => m.EnrolledPage) },
  // The digital handbook and the public model: reading is open to everyone (staff also get the
  // staff-only pages); writing is the administrator's and the editor's.
  { path: '/handbok', public: true, load: () => import('./pages/handbook/HandbookPage.tsx').then((m) => m.HandbookPage) },
  { path: '/handbok/:slug', public: true, load: () => import('./pages/handbook/HandbookArticle.tsx').then((m) => m.HandbookArticle) },
  { path: '/modell', public: true, load: () => import('./pages/handbook/ModelPage.tsx').then((m) => m.ModelPage) },
  { path: '/admin/handbok', guard: 'adminHandbook', load: () => import('./pages/handbook/AdminHandbook.tsx').then((m) => m.AdminHandbookPage) },
  { path: '/admin/handbok/ny', guard: 'adminHandbook', load: pageEditor },
  { path: '/admin/handbok/:id', guard: 'adminHandbook', load: pageEditor },
  { path: '/admin/skjema', guard: 'adminQuestionnaires', load: () => import('./pages/questionnaires/AdminQuestionnaires.tsx').then((m) => m.AdminQuestionnairesPage) },
  { path: '/samhandling', guard: 'survey', load: () => import('./pages/questionnaires/Survey.tsx').then((m) => m.SurveyPage) },
  // Every staff member of a service answers a round from its link or the task list; the server decides.
  { path: '/samhandling/:roundId', load: () => import('./pages/questionnaires/Survey.tsx').then((m) => m.SurveyRoundPage) },
  { path: '/indikatorer', guard: 'indicators', load: () => import('./pages/indicators/Register.tsx').then((m) => m.IndicatorRegisterPage) },
  { path: '/arsrapport', guard: 'annualReport', load: () => import('./pages/indicators/AnnualReport.tsx').then((m) => m.AnnualReportPage) },
];

const withTexts = new Map<Load, Load>();
/** Any other page's chunk arrives together with the rest of the texts (one wrapper per loader, so pages that share one still do). */
function withEveryText(load: Load): Load {
  let wrapped = withTexts.get(load);
  if (!wrapped) {
    wrapped = async () => (await Promise.all([load(), needEveryText()]))[0];
    withTexts.set(load, wrapped);
  }
  return wrapped;
}

export const ROUTES: AppRoute[] = TABLE.map((route) => (route.public ? route : { ...route, load: withEveryText(route.load) }));

function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const have = pathname.replace(/\/+$/, '').split('/');
  return want.length === have.length && want.every((segment, i) => segment.startsWith(':') ? have[i] !== '' : segment === have[i]);
}

const arrived = new Map<Load, ComponentType>();

/** Loads a page's chunk and keeps the page, so that a page whose chunk is here renders at once (App.tsx). */
export async function loadPage(load: Load): Promise<ComponentType> {
  const page = await load();
  arrived.set(load, page);
  return page;
}

/** The page of this loader if its chunk has arrived. */
export function arrivedPage(load: Load): ComponentType | undefined {
  return arrived.get(load);
}

/** The chunk loader of the page at this path: the sign-in page for "/", the not-found page for an unknown one. */
export function loaderFor(pathname: string): Load {
  if (pathname === '/' || pathname === '') return signIn;
  return ROUTES.find((r) => matches(r.path, pathname))?.load ?? notFound;
}
