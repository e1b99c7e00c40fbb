// The header's link to the notifications with the unread count, and the footer's link to the
// development mailbox. The count is fetched when the user moves between pages (never on a timer, so
// an unattended screen still reaches the session's idle timeout) and when a page says it changed.
import { Badge, Link } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';

/** Sent by pages that mark notifications read, so the header count follows at once. */
export const NOTIFICATIONS_CHANGED = 'sammen:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export function NotificationLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [counter, setCounter] = useState(0);

  useEffect(() => {
    const changed = () => setCounter((c) => c + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, changed);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, changed);
  }, []);

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ unread: number }>('/api/notifications/unread-count')
      .then((r) => {
        if (!cancelled) setUnread(r.unread);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [pathname, counter]);

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
