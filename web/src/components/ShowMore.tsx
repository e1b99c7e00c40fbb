// "Vis flere" under a paged list: loads the next page (useMorePages) while there is one.
import { Button } from '@digdir/designsystemet-react';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { LoadError } from './Status.tsx';

export function ShowMore({ more }: { more: { hasMore: boolean; busy: boolean; error: ApiError | null; loadMore: () => Promise<void> } }) {
  const { t } = useI18n();
  return (
    <>
      {more.error ? <LoadError error={more.error} /> : null}
      {more.hasMore ? (
        <div className="button-row">
          <Button type="button" variant="secondary" onClick={() => void more.loadMore()} disabled={more.busy} aria-busy={more.busy}>
            {more.busy ? t('ui.common.loadingMore') : t('ui.common.showMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
