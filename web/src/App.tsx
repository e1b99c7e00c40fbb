// Routes. Signed out, every page but the sign-in page and the public service catalogue sends the
// user to the sign-in page; signed in, "/" goes to the start page of the active role and pages of
// other roles say so. Each page is its own chunk, loaded when it is first shown (the public
// catalogue does not download the staff pages); main.tsx starts loading the first page's chunk at
// once, alongside the language and the session.
import { Component, lazy, Suspense, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { useI18n } from './i18n.tsx';
import { pagesFor, startPath, type PageKey } from './navigation.ts';
import { useSession } from './session.tsx';

type Load = () => Promise<ComponentType>;

interface AppRoute {
  path: string;
  load: Load;
  /** The menu page whose audience may open it; without one the page is open to everyone who reaches it. */
  guard?: PageKey;
}

const signIn: Load = () => import('./pages/SignIn.tsx').then((m) => m.SignInPage);
const notFound: Load = () => import('./pages/NotFound.tsx').then((m) => m.NotFoundPage);
const adminServiceEditor: Load = () => import('./pages/catalogue/AdminServiceEditor.tsx').then((m) => m.AdminServiceEditorPage);

const ROUTES: AppRoute[] = [
  { path: '/barn', guard: 'people', load: () => import('./pages/People.tsx').then((m) => m.PeoplePage) },
  { path: '/barn/ny', guard: 'register', load: () => import('./pages/RegisterPerson.tsx').then((m) => m.RegisterPersonPage) },
  { path: '/barn/:id', guard: 'people', load: () => import('./pages/PersonPage.tsx').then((m) => m.PersonPage) },
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
  {
    path: '/min-side/:id',
    guard: 'myPage',
    load: () => import('./pages/PersonPage.tsx').then((m) => function CitizenPersonPage() { return <m.PersonPage citizen />; }),
  },
  // The family's rating from the e-mailed link: no sign-in, the link is the key.
  { path: '/vurdering/:token', load: () => import('./pages/RatingLink.tsx').then((m) => m.RatingLinkPage) },
  { path: '/fravaer', guard: 'absence', load: () => import('./pages/Absence.tsx').then((m) => m.AbsencePage) },
  { path: '/varsler', load: () => import('./pages/Notifications.tsx').then((m) => m.NotificationsPage) },
  { path: '/utvikling/epost', load: () => import('./pages/DevMailbox.tsx').then((m) => m.DevMailboxPage) },
  // The public service catalogue: open to everyone, signed in or not.
  { path: '/tjenester', load: () => import('./pages/catalogue/CataloguePage.tsx').then((m) => m.CataloguePage) },
  { path: '/tjenester/veileder', load: () => import('./pages/catalogue/GuidePage.tsx').then((m) => m.GuidePage) },
  { path: '/tjenester/:slug', load: () => import('./pages/catalogue/ServicePage.tsx').then((m) => m.ServicePage) },
  { path: '/ung', load: () => import('./pages/catalogue/YouthPage.tsx').then((m) => m.YouthPage) },
  { path: '/admin/tjenester', guard: 'adminCatalogue', load: () => import('./pages/catalogue/AdminCataloguePage.tsx').then((m) => m.AdminCataloguePage) },
  { path: '/admin/tjenester/ny', guard: 'adminCatalogue', load: adminServiceEditor },
  { path: '/admin/tjenester/:id', guard: 'adminCatalogue', load: adminServiceEditor },
];

/** Starts loading the chunk of the page at this path (the sign-in page for "/"), without waiting for it. */
export function preloadPage(pathname: string): void {
  const route = ROUTES.find((r) => matchPath(r.path, pathname));
  const load = route ? route.load : pathname === '/' ? signIn : notFound;
  load().catch(() => undefined);
}

const lazyPage = (load: Load) => lazy(async () => ({ default: await load() }));
const SignInPage = lazyPage(signIn);
const NotFoundPage = lazyPage(notFound);
const NoAccessPage = lazyPage(() => import('./pages/NotFound.tsx').then((m) => m.NoAccessPage));
/** One lazy component per loader (the two service-editor routes share theirs). */
const pages = new Map<Load, ComponentType>();
for (const { load } of ROUTES) if (!pages.has(load)) pages.set(load, lazyPage(load));

function Guard({ page, children }: { page: PageKey; children: ReactElement }) {
  const { me } = useSession();
  const principal = me?.principal;
  if (!principal) return <Navigate to="/" replace />;
  return pagesFor(principal).includes(page) ? children : <NoAccessPage />;
}

function Home() {
  const { me } = useSession();
  if (me?.principal) return <Navigate to={startPath(me.principal)} replace />;
  return <SignInPage />;
}

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{t('ui.common.pageLoadFailed')}</Paragraph>
      <Button type="button" onClick={() => window.location.reload()}>{t('ui.common.reload')}</Button>
    </Alert>
  );
}

/**
 * A page's chunk that cannot be fetched (the connection dropped, or a new release replaced it)
 * shows an error with a reload button instead of an empty page; the other pages still open.
 */
class PageErrorBoundary extends Component<{ children: ReactNode; location: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { location: string }): void {
    if (previous.location !== this.props.location && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

export function App() {
  const { t } = useI18n();
  const { me, loadFailed } = useSession();
  const location = useLocation();
  if (!me) {
    return (
      <Layout>
        {loadFailed ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>{t('ui.common.networkError')}</Paragraph>
          </Alert>
        ) : (
          <Loading />
        )}
      </Layout>
    );
  }
  return (
    <Layout>
      <PageErrorBoundary location={location.pathname}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            {ROUTES.map(({ path, load, guard }) => {
              const Page = pages.get(load)!;
              return <Route key={path} path={path} element={guard ? <Guard page={guard}><Page /></Guard> : <Page />} />;
            })}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}
