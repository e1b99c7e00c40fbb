// The sign-in page: what Sammen is, ID-porten and the municipality's identity provider when they are
// set up, and (in development and demo) one-click sign-in as each demo user.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { QueryFallback, errorText } from '../components/Status.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { DevUser } from '../../../common/contracts/identity.ts';

function DevSignIn() {
  const { t, tx } = useI18n();
  const { signInAs } = useSession();
  const users = useApiQuery<{ users: DevUser[] }>('/api/auth/dev-users');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const signIn = async (username: string) => {
    setBusy(username);
    setError(null);
    try {
      await signInAs(username);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
      setBusy(null);
    }
  };

  const group = (kind: DevUser['kind']) => (users.data?.users ?? []).filter((u) => u.kind === kind);
  const roleNames = (u: DevUser) => u.roles.map((r) => tx(`domain.role.${r}`, r)).join(', ');

  return (
    <section className="sign-in-section" aria-labelledby="dev-sign-in">
      <Heading level={2} data-size="md" id="dev-sign-in">{t('ui.signIn.devHeading')}</Heading>
      <Paragraph>{t('ui.signIn.devIntro')}</Paragraph>
      {error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorText(error, t)}</Paragraph>
        </Alert>
      ) : null}
      <QueryFallback query={users} />
      {users.data ? (
        <div className="dev-users">
          {(['staff', 'citizen'] as const).map((kind) => (
            <div key={kind} className="dev-users__group">
              <Heading level={3} data-size="sm">{t(kind === 'staff' ? 'ui.signIn.staffGroup' : 'ui.signIn.citizenGroup')}</Heading>
              <ul className="dev-users__list">
                {group(kind).map((u) => (
                  <li key={u.username}>
                    <button
                      type="button"
                      className="dev-user"
                      disabled={busy !== null}
                      aria-busy={busy === u.username || undefined}
                      onClick={() => void signIn(u.username)}
                    >
                      <span className="dev-user__name">{u.displayName}</span>
                      <span className="dev-user__meta">{roleNames(u)}</span>
                      {u.unitName ? <span className="dev-user__meta">{u.unitName}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  const { me, notice } = useSession();
  const [params] = useSearchParams();
  const failure = params.get('signin');
  const signInOptions = me?.signIn;

  return (
    <Page title={t('ui.signIn.title')}>
      <Paragraph data-size="lg" className="lead">{t('ui.signIn.lead')}</Paragraph>
      <Paragraph>{t('ui.signIn.intro')}</Paragraph>
      <div role="status" className="live-message">
        {notice === 'expired' ? (
          <Alert data-color="warning">
            <Paragraph>{t('errors.sessionExpired')}</Paragraph>
          </Alert>
        ) : null}
        {notice === 'signedOut' ? (
          <Alert data-color="info">
            <Paragraph>{t('ui.signIn.signedOut')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {failure ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t(failure === 'unknown' ? 'errors.oidcNoMatch' : 'errors.oidcFailed')}</Paragraph>
        </Alert>
      ) : null}
      {signInOptions && (signInOptions.citizenOidc || signInOptions.staffOidc) ? (
        <section className="sign-in-section" aria-labelledby="oidc-sign-in">
          <Heading level={2} data-size="md" id="oidc-sign-in">{t('ui.signIn.oidcHeading')}</Heading>
          <div className="button-row">
            {signInOptions.citizenOidc ? (
              <Button asChild>
                <a href="/api/auth/oidc/citizen/start">{t('ui.signIn.idporten')}</a>
              </Button>
            ) : null}
            {signInOptions.staffOidc ? (
              <Button asChild variant="secondary">
                <a href="/api/auth/oidc/staff/start">{t('ui.signIn.staffOidc')}</a>
              </Button>
            ) : null}
          </div>
        </section>
      ) : null}
      {signInOptions?.dev ? <DevSignIn /> : null}
      {signInOptions && !signInOptions.dev && !signInOptions.citizenOidc && !signInOptions.staffOidc ? (
        <Alert data-color="warning">
          <Paragraph>{t('ui.signIn.noMethods')}</Paragraph>
        </Alert>
      ) : null}
    </Page>
  );
}
