// Routes. Signed out, every page but the sign-in page and the public service catalogue sends the
// user to the sign-in page; signed in, "/" goes to the start page of the active role and pages of
// other roles say so. Each page is its own chunk, loaded when it is first shown (the public
// catalogue does not download the staff pages); the table of pages is in routes.ts, and boot.ts
// loads the first page's chunk alongside the language before the first render.
import { Component, lazy, Suspense, useState, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { useI18n } from './i18n.tsx';
import { startPath, type PageKey } from './navigation.ts';
import { arrivedPage, loadPage, notFound, ROUTES, signIn, type Load } from './routes.ts';
import { useSession } from './session.tsx';

/**
 * A page whose chunk has already arrived (boot.ts fetches the first one beside the texts) renders at
 * once. React.lazy would suspend it all the same, and React keeps a fallback it has shown on screen
 * for 300 ms before it reveals the page: every page load came a third of a second late.
 */
function lazyPage(load: Load): ComponentType {
  const Lazy = lazy(async () => ({ default: await loadPage(load) }));
  return function Page() {
    // Decided once per mount: switching from Lazy to the page itself would mount the page anew.
    const [Arrived] = useState(() => arrivedPage(load));
    return Arrived ? <Arrived /> : <Lazy />;
  };
}
const SignInPage = lazyPage(signIn);
const NotFoundPage = lazyPage(notFound);
const NoAccessPage = lazyPage(() => import('./pages/NotFound.tsx').then((m) => m.NoAccessPage));
/** One lazy component per loader (routes that show the same page share it). */
const pages = new Map<Load, ComponentType>();
for (const { load } of ROUTES) if (!pages.has(load)) pages.set(load, lazyPage(load));

function Guard({ page, children }: { page: PageKey; children: ReactElement }) {
  const { me } = useSession();
  const principal = me?.principal;
  if (!principal) return <Navigate to="/" replace />;
  return me.pages.includes(page) ? children : <NoAccessPage />;
}

function Home() {
  const { me } = useSession();
  if (me?.principal) return <Navigate to={startPath(me)} replace />;
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
        {/* A boundary per address: a page whose file is still on the way shows the loading status
            (React would otherwise keep the previous page on screen during the navigation). */}
        <Suspense key={location.pathname} fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            {ROUTES.map(({ path, load, guard }) => {
              const Page = pages.get(load)!;
              const page = <Page />;
              return <Route key={path} path={path} element={guard ? <Guard page={guard}>{page}</Guard> : page} />;
            })}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}
