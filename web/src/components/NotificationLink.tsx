// The header's link to the notifications with the unread count, and the footer's link to the
// development mailbox. The count is fetched when the user moves between pages (never on a timer, so
// an unattended screen still reaches the session's idle timeout) and after every write.
import { Badge, Link } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import type { UnreadCount } from '../../../common/contracts/notifications.ts';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';

export function NotificationLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const count = useApiQuery<UnreadCount>('/api/notifications/unread-count');
  const { refetch } = count;
  // Again on every move between pages; a write anywhere (marking read) fetches it again too (useSubmit).
  useEffect(() => {
    void refetch({ cancelRefetch: false });
  }, [pathname, refetch]);
  const unread = count.data?.unread ?? 0;

  return (
    <RouterLink to="/varsler" className="notification-link">
      <span>{t('notifications.header.link')}</span>
      {unread > 0 ? (
        <>
          <Badge count={unread} maxCount={99} data-color="danger" aria-hidden="true" />
          <span className="sr-only">{` (${t('notifications.header.unread', { count: unread })})`}</span>
        </>
      ) : null}
    </RouterLink>
  );
}

export function DevMailboxLink() {
  const { t } = useI18n();
  const { me } = useSession();
  // The development mailbox holds everyone's mail: the server says who reads it.
  if (!me?.abilities.readDevMailbox) return null;
  return (
    <p>
      <Link asChild>
        <RouterLink to="/utvikling/epost">{t('notifications.devMailbox.link')}</RouterLink>
      </Link>
    </p>
  );
}
