// "Varsler": the signed-in user's notifications, newest first, with unread ones marked; each text
// links to where the work is. Citizens also choose here whether notifications come by e-mail.
import { Alert, Button, Card, Checkbox, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../../common/i18n/index.ts';
import { api, ApiError } from '../api.ts';
import { announceNotificationsChanged } from '../components/NotificationLink.tsx';
import { Page } from '../components/Page.tsx';
import { errorText, LiveMessage, LoadError, Loading } from '../components/Status.tsx';
import { useApi, useMorePages } from '../hooks.ts';
import { ShowMore } from '../components/ShowMore.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';

interface Notification {
  id: string;
  kind: string;
  text: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

interface NotificationList {
  notifications: Notification[];
  unread: number;
  hasMore: boolean;
  nextCursor: string | null;
}

interface Settings {
  emailNotifications: boolean;
  email: string | null;
}

function EmailSettings() {
  const { t } = useI18n();
  const settings = useApi<Settings>('/api/notification-settings');
  const [choice, setChoice] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const checked = choice ?? settings.data?.emailNotifications ?? false;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    setError(null);
    try {
      const saved = await api.put<Settings>('/api/notification-settings', { emailNotifications: checked });
      setChoice(saved.emailNotifications);
      setMessage(t('notifications.settings.saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notification-settings" className="page-section">
      <Heading level={2} data-size="sm" id="notification-settings">{t('notifications.settings.heading')}</Heading>
      {settings.loading && !settings.data ? <Loading /> : null}
      {settings.error ? <LoadError error={settings.error} /> : null}
      {settings.data && !settings.data.email ? <Paragraph>{t('notifications.settings.noEmail')}</Paragraph> : null}
      {settings.data?.email ? (
        <form onSubmit={(e) => void save(e)} className="notification-settings">
          <Checkbox
            id="email-notifications"
            label={t('notifications.settings.label')}
            description={t('notifications.settings.hint', { email: settings.data.email })}
            checked={checked}
            onChange={(e) => setChoice(e.target.checked)}
          />
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={busy} aria-busy={busy || undefined}>{t('notifications.settings.save')}</Button>
          </div>
          {error ? <LoadError error={error} /> : null}
        </form>
      ) : null}
      <LiveMessage>{message}</LiveMessage>
    </section>
  );
}

export function NotificationsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const list = useApi<NotificationList>(me?.principal ? '/api/notifications' : null);
  const more = useMorePages('/api/notifications', list.data, (page) => page.notifications);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  if (!me?.principal) return <Navigate to="/" replace />;

  const markRead = async (id: string) => {
    setBusy(true);
    setFailure('');
    try {
      await api.post(`/api/notifications/${encodeURIComponent(id)}/read`);
      setMessage(t('notifications.page.markedRead'));
      list.reload();
      announceNotificationsChanged();
    } catch (e) {
      setFailure(errorText(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''), t));
    } finally {
      setBusy(false);
    }
  };

  const markAllRead = async () => {
    setBusy(true);
    setFailure('');
    try {
      await api.post('/api/notifications/read-all');
      setMessage(t('notifications.page.markedAllRead'));
      list.reload();
      announceNotificationsChanged();
    } catch (e) {
      setFailure(errorText(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''), t));
    } finally {
      setBusy(false);
    }
  };

  // Following the link marks the notification read; the request does not hold up the navigation.
  const follow = (n: Notification) => {
    if (n.readAt) return;
    void api.post(`/api/notifications/${encodeURIComponent(n.id)}/read`).then(announceNotificationsChanged).catch(() => undefined);
  };

  const data = list.data;
  return (
    <Page title={t('notifications.page.title')}>
      <Paragraph>{t('notifications.page.intro')}</Paragraph>
      {list.loading && !data ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {failure ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      {data ? (
        <div className="button-row notification-summary">
          <Paragraph>{data.unread > 0 ? t('notifications.page.unreadCount', { count: data.unread }) : t('notifications.page.allRead')}</Paragraph>
          {data.unread > 0 ? (
            <Button type="button" variant="secondary" data-size="sm" disabled={busy} onClick={() => void markAllRead()}>{t('notifications.page.markAllRead')}</Button>
          ) : null}
        </div>
      ) : null}
      <LiveMessage>{message}</LiveMessage>
      {data && data.notifications.length === 0 ? <Paragraph>{t('notifications.page.empty')}</Paragraph> : null}
      {data && data.notifications.length > 0 ? (
        <ul className="notification-list" aria-label={t('notifications.page.listLabel')}>
          {more.items.map((n) => (
            <li key={n.id}>
              <Card className={n.readAt ? 'notification-card' : 'notification-card notification-card--unread'} data-color={n.readAt ? 'neutral' : 'accent'}>
                {n.readAt ? null : <Tag data-color="info" data-size="sm">{t('notifications.page.unreadBadge')}</Tag>}
                <Paragraph id={`notification-${n.id}`}>
                  <Link asChild>
                    <RouterLink to={n.link} onClick={() => follow(n)}>{n.text}</RouterLink>
                  </Link>
                </Paragraph>
                <Paragraph data-size="sm" className="notification-card__time">{formatDateTime(n.createdAt)}</Paragraph>
                {n.readAt ? null : (
                  <div className="button-row">
                    <Button type="button" variant="tertiary" data-size="sm" disabled={busy} aria-describedby={`notification-${n.id}`} onClick={() => void markRead(n.id)}>
                      {t('notifications.page.markRead')}
                    </Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      <ShowMore more={more} />
      {me.principal.kind === 'citizen' ? <EmailSettings /> : null}
    </Page>
  );
}
