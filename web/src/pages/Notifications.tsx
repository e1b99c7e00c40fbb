// "Varsler": the signed-in user's notifications, newest first, with unread ones marked; each text
// links to where the work is. Citizens also choose here whether notifications come by e-mail.
import { Alert, Button, Card, Checkbox, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../../common/i18n/index.ts';
import { Page } from '../components/Page.tsx';
import { LiveMessage, LoadError, QueryFallback, errorText } from '../components/Status.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { useApiPages, useApiQuery, useSubmit } from '../query.tsx';
import type { NotificationItem, NotificationList, NotificationSettings as Settings } from '../../../common/contracts/notifications.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';


function EmailSettings() {
  const { t } = useI18n();
  const settings = useApiQuery<Settings>('/api/notification-settings');
  const [choice, setChoice] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  const { busy, error, run } = useSubmit<Settings>('notification-settings');
  const checked = choice ?? settings.data?.emailNotifications ?? false;

  const save = (event: FormEvent) => {
    setMessage('');
    return run(event, '/api/notification-settings', { emailNotifications: checked }, (saved) => {
      setChoice(saved.emailNotifications);
      setMessage(t('notifications.settings.saved'));
    }, 'PUT');
  };

  return (
    <section aria-labelledby="notification-settings" className="page-section">
      <Heading level={2} data-size="sm" id="notification-settings">{t('notifications.settings.heading')}</Heading>
      <QueryFallback query={settings} />
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
  const list = useApiPages(me?.principal ? '/api/notifications' : null, (page: NotificationList) => page.notifications);
  const [message, setMessage] = useState('');
  const action = useSubmit('notifications');
  // Following a link marks the notification read on the way; a failure there is not the user's concern.
  const following = useSubmit('notification-follow');
  if (!me?.principal) return <Navigate to="/" replace />;

  const markRead = (id: string) => action.send({ url: `/api/notifications/${encodeURIComponent(id)}/read`, body: {}, onDone: () => setMessage(t('notifications.page.markedRead')) });
  const markAllRead = () => action.send({ url: '/api/notifications/read-all', body: {}, onDone: () => setMessage(t('notifications.page.markedAllRead')) });

  // Following the link marks the notification read; the request does not hold up the navigation.
  const follow = (n: NotificationItem) => {
    if (n.readAt) return;
    void following.send({ url: `/api/notifications/${encodeURIComponent(n.id)}/read`, body: {} });
  };

  const data = list.first;
  return (
    <Page title={t('notifications.page.title')}>
      <Paragraph>{t('notifications.page.intro')}</Paragraph>
      <QueryFallback query={list} />
      {action.error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorText(action.error, t)}</Paragraph>
        </Alert>
      ) : null}
      {data ? (
        <div className="button-row notification-summary">
          <Paragraph>{data.unread > 0 ? t('notifications.page.unreadCount', { count: data.unread }) : t('notifications.page.allRead')}</Paragraph>
          {data.unread > 0 ? (
            <Button type="button" variant="secondary" data-size="sm" disabled={action.busy} onClick={() => void markAllRead()}>{t('notifications.page.markAllRead')}</Button>
          ) : null}
        </div>
      ) : null}
      <LiveMessage>{message}</LiveMessage>
      {data && data.notifications.length === 0 ? <Paragraph>{t('notifications.page.empty')}</Paragraph> : null}
      {data && data.notifications.length > 0 ? (
        <ul className="notification-list" aria-label={t('notifications.page.listLabel')}>
          {list.items.map((n) => (
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
                    <Button type="button" variant="tertiary" data-size="sm" disabled={action.busy} aria-describedby={`notification-${n.id}`} onClick={() => void markRead(n.id)}>
                      {t('notifications.page.markRead')}
                    </Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      <ShowMore more={list.more} />
      {me.principal.kind === 'citizen' ? <EmailSettings /> : null}
    </Page>
  );
}
