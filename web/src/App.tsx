// Routes. Signed out, every page but the sign-in page and the public service catalogue sends the
// user to the sign-in page; signed in, "/" goes to the start page of the active role and pages of
// other roles say so.
import type { ReactElement } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { useI18n } from './i18n.tsx';
import { pagesFor, startPath, type PageKey } from './navigation.ts';
import { AbsencePage } from './pages/Absence.tsx';
import { AdminGuidePage } from './pages/AdminGuide.tsx';
import { AdminStaffPage } from './pages/AdminStaff.tsx';
import { AdminUnitsPage } from './pages/AdminUnits.tsx';
import { AuditPage } from './pages/Audit.tsx';
import { DevMailboxPage } from './pages/DevMailbox.tsx';
import { MyPage } from './pages/MyPage.tsx';
import { NoAccessPage, NotFoundPage } from './pages/NotFound.tsx';
import { NotificationsPage } from './pages/Notifications.tsx';
import { PeoplePage } from './pages/People.tsx';
import { PersonPage } from './pages/PersonPage.tsx';
import { RegisterPersonPage } from './pages/RegisterPerson.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { TeamsPage } from './pages/Teams.tsx';
import { WorriesPage } from './pages/Worries.tsx';
import { IntakePage } from './pages/Intake.tsx';
import { MeetingPage } from './pages/Meeting.tsx';
import { MeetingRatingsPage } from './pages/MeetingRatings.tsx';
import { RatingLinkPage } from './pages/RatingLink.tsx';
import { SystemMeetingPage } from './pages/SystemMeeting.tsx';
import { SystemMeetingsPage } from './pages/SystemMeetings.tsx';
import { AdminCataloguePage } from './pages/catalogue/AdminCataloguePage.tsx';
import { AdminServiceEditorPage } from './pages/catalogue/AdminServiceEditor.tsx';
import { CataloguePage } from './pages/catalogue/CataloguePage.tsx';
import { GuidePage } from './pages/catalogue/GuidePage.tsx';
import { ServicePage } from './pages/catalogue/ServicePage.tsx';
import { YouthPage } from './pages/catalogue/YouthPage.tsx';
import { useSession } from './session.tsx';

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

export function App() {
  const { t } = useI18n();
  const { me, loadFailed } = useSession();
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
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/barn" element={<Guard page="people"><PeoplePage /></Guard>} />
        <Route path="/barn/ny" element={<Guard page="register"><RegisterPersonPage /></Guard>} />
        <Route path="/barn/:id" element={<Guard page="people"><PersonPage /></Guard>} />
        <Route path="/inntak" element={<Guard page="intake"><IntakePage /></Guard>} />
        {/* A meeting is opened by its participants, from the child's page or the task list. */}
        <Route path="/moter/:id" element={<Guard page="people"><MeetingPage /></Guard>} />
        <Route path="/undringer" element={<Guard page="worries"><WorriesPage /></Guard>} />
        <Route path="/team" element={<Guard page="teams"><TeamsPage /></Guard>} />
        <Route path="/systemteam" element={<Guard page="systemMeetings"><SystemMeetingsPage /></Guard>} />
        <Route path="/systemteam/:id" element={<Guard page="systemMeetings"><SystemMeetingPage /></Guard>} />
        <Route path="/admin/enheter" element={<Guard page="adminUnits"><AdminUnitsPage /></Guard>} />
        <Route path="/admin/ansatte" element={<Guard page="adminStaff"><AdminStaffPage /></Guard>} />
        <Route path="/admin/handlingsveileder" element={<Guard page="adminGuide"><AdminGuidePage /></Guard>} />
        <Route path="/revisjon" element={<Guard page="audit"><AuditPage /></Guard>} />
        <Route path="/min-side" element={<Guard page="myPage"><MyPage /></Guard>} />
        <Route path="/min-side/vurderinger" element={<Guard page="myPage"><MeetingRatingsPage /></Guard>} />
        <Route path="/min-side/:id" element={<Guard page="myPage"><PersonPage citizen /></Guard>} />
        {/* The family's rating from the e-mailed link: no sign-in, the link is the key. */}
        <Route path="/vurdering/:token" element={<RatingLinkPage />} />
        <Route path="/fravaer" element={<Guard page="absence"><AbsencePage /></Guard>} />
        <Route path="/varsler" element={<NotificationsPage />} />
        <Route path="/utvikling/epost" element={<DevMailboxPage />} />
        {/* The public service catalogue: open to everyone, signed in or not. */}
        <Route path="/tjenester" element={<CataloguePage />} />
        <Route path="/tjenester/veileder" element={<GuidePage />} />
        <Route path="/tjenester/:slug" element={<ServicePage />} />
        <Route path="/ung" element={<YouthPage />} />
        <Route path="/admin/tjenester" element={<Guard page="adminCatalogue"><AdminCataloguePage /></Guard>} />
        <Route path="/admin/tjenester/ny" element={<Guard page="adminCatalogue"><AdminServiceEditorPage /></Guard>} />
        <Route path="/admin/tjenester/:id" element={<Guard page="adminCatalogue"><AdminServiceEditorPage /></Guard>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
