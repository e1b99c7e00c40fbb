// Loading, failure and success messages. Success messages live in a polite live region that is
// always in the page, so a screen reader announces them when they appear.
import type { ReactNode } from 'react';
import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ApiError } from '../api.ts';
import { useT } from '../i18n.tsx';

export function Loading() {
  const t = useT();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden="true" data-size="sm" />
      <span>{t('ui.common.loading')}</span>
    </div>
  );
}

export function errorText(error: ApiError, t: ReturnType<typeof useT>): string {
  if (error.code === 'NETWORK' || !error.message) return t('ui.common.networkError');
  return error.message;
}

export function LoadError({ error }: { error: ApiError }) {
  const t = useT();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorText(error, t)}</Paragraph>
    </Alert>
  );
}

/** The one fallback for data being fetched: loading the first time, or why it failed. */
export function QueryFallback({ query }: { query: { isLoading: boolean; error: ApiError | null } }) {
  if (query.error) return <LoadError error={query.error} />;
  return query.isLoading ? <Loading /> : null;
}

export function LiveMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="live-message">
      {children ? (
        <Alert data-color="success">
          <Paragraph>{children}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
