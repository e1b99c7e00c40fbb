// The reporter's own reports to child welfare: where each stands (sent, received, feedback given),
// the receipt, the feedback, the delivery to the national channel, and a deadline passed without feedback.
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import type { MyReportsResponse } from '../../../../common/contracts/child-welfare.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

export function MyReportsPage() {
  const { t } = useI18n();
  const mine = useApiQuery<MyReportsResponse>('/api/child-welfare/reports/mine');
  const items = mine.data?.items ?? [];
  return (
    <Page title={t('reports.mine.title')}>
      <QueryFallback query={mine} />
      {mine.data && items.length === 0 ? <Paragraph>{t('reports.mine.empty')}</Paragraph> : null}
      {items.map((r) => (
        <Card key={r.id} className="entry-card" data-testid="my-report">
          <Heading level={2} data-size="xs">{r.reference}: {r.child.name}</Heading>
          <p>
            <Tag data-color={r.status === 'sent' ? 'neutral' : 'success'}>{t(`reports.status.${r.status}`)}</Tag>
            {r.urgent ? <> <Tag data-color="danger">{t('reports.queue.urgent')}</Tag></> : null}
          </p>
          <Paragraph data-size="sm">{formatDateTime(r.receivedAt)}{r.delivery ? ` · ${t(`reports.delivery.${r.delivery}`)}` : ''}</Paragraph>
          <Paragraph>{r.acknowledgedAt ? t('reports.mine.receipt', { date: formatDate(r.acknowledgedAt) }) : t('reports.mine.waiting')}</Paragraph>
          {r.feedback ? (
            <>
              <Heading level={3} data-size="2xs">{t('reports.mine.feedback')}{r.decision ? `: ${t(`reports.decision.${r.decision}`)}` : ''}</Heading>
              <Paragraph>{r.feedback}</Paragraph>
            </>
          ) : r.feedbackOverdue ? <Paragraph>{t('reports.mine.feedbackOverdue', { date: formatDate(r.feedbackBy) })}</Paragraph> : <Paragraph>{t('reports.mine.feedbackDue', { date: formatDate(r.feedbackBy) })}</Paragraph>}
          {r.finalFeedback ? (
            <>
              <Heading level={3} data-size="2xs">{t('reports.mine.finalFeedback')}</Heading>
              <Paragraph>{r.finalFeedback}</Paragraph>
            </>
          ) : null}
        </Card>
      ))}
    </Page>
  );
}
