// The development mailbox: the mail Sammen has put in its outbox (to, subject, text, attachments),
// for developers and testers when no SMTP server is configured. Only with the development sign-in.
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Navigate } from 'react-router';
import { formatDateTime } from '../../../common/i18n/index.ts';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { NotFoundPage } from './NotFound.tsx';
import type { Mail } from '../../../common/contracts/notifications.ts';


const STATUS_COLOR: Record<Mail['status'], 'neutral' | 'success' | 'info' | 'danger'> = {
  queued: 'neutral', sent: 'success', dev_mailbox: 'info', failed: 'danger',
};

function MailCard({ mail }: { mail: Mail }) {
  const { t, tx } = useI18n();
  const headingId = `mail-${mail.id}`;
  return (
    <Card className="mail-card">
      <Heading level={2} data-size="xs" id={headingId}>{mail.subject}</Heading>
      <dl className="mail-card__facts">
        <dt>{t('notifications.devMailbox.to')}</dt>
        <dd>{mail.to}</dd>
        <dt>{t('notifications.devMailbox.created')}</dt>
        <dd>{formatDateTime(mail.createdAt)}</dd>
        <dt>{t('notifications.devMailbox.status')}</dt>
        <dd>
          <Tag data-color={STATUS_COLOR[mail.status]} data-size="sm">{tx(`notifications.devMailbox.status.${mail.status}`, mail.status)}</Tag>
        </dd>
        {mail.lastError ? (
          <>
            <dt>{t('notifications.devMailbox.lastError')}</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      <Heading level={3} data-size="2xs">{t('notifications.devMailbox.body')}</Heading>
      <pre className="mail-card__body" lang={mail.language}>{mail.body}</pre>
      {mail.attachments.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">{t('notifications.devMailbox.attachments')}</Heading>
          <ul>
            {mail.attachments.map((a) => (
              <li key={a.position}>
                <Link href={`/api/dev/mailbox/${encodeURIComponent(mail.id)}/attachments/${a.position}`} download={a.filename}>
                  {t('notifications.devMailbox.attachment', { filename: a.filename, contentType: a.contentType, size: a.size })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export function DevMailboxPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const enabled = me?.abilities.readDevMailbox === true;
  const mailbox = useApiQuery<{ mails: Mail[] }>(enabled ? '/api/dev/mailbox' : null);
  if (!me?.principal) return <Navigate to="/" replace />;
  if (!enabled) return <NotFoundPage />;
  const mails = mailbox.data?.mails ?? [];
  return (
    <Page title={t('notifications.devMailbox.title')}>
      <Paragraph>{t('notifications.devMailbox.intro')}</Paragraph>
      <QueryFallback query={mailbox} />
      {mailbox.data && mails.length === 0 ? <Paragraph>{t('notifications.devMailbox.empty')}</Paragraph> : null}
      <div className="mail-list">
        {mails.map((m) => <MailCard key={m.id} mail={m} />)}
      </div>
    </Page>
  );
}
