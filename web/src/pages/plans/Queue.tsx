// Koordinerende enhet's start page: the requests for an individual plan or a coordinator, the longest
// waiting first with the days waited, and the decided ones below. A request opens at
// /koordinerende-enhet/:requestId, where the unit decides and appoints.
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { PlanQueueResponse } from '../../../../common/contracts/plans.ts';
import { Page } from '../../components/Page.tsx';
import { Collapsible } from '../../components/PageSection.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

type Item = PlanQueueResponse['items'][number];

function RequestCard({ item }: { item: Item }) {
  const { t } = useI18n();
  return (
    <Card data-testid="plan-request-card">
      <Heading level={3} data-size="xs">
        <Link asChild><RouterLink to={`/koordinerende-enhet/${item.id}`}>{item.person.name}</RouterLink></Link>
      </Heading>
      <Paragraph data-size="sm">{t('plans.ui.born', { date: formatDate(item.person.birthDate) })}</Paragraph>
      <Paragraph data-size="sm">{t(`plans.ui.kind.${item.kind}`)}</Paragraph>
      <p>
        {item.decision
          ? <Tag data-color={item.decision === 'granted' ? 'success' : 'danger'}>{t(`plans.ui.decision.${item.decision}`)}</Tag>
          : <Tag data-color={item.waitingDays > 14 ? 'danger' : 'warning'} data-testid="plan-waiting">{t('plans.ui.waitingDays', { days: item.waitingDays })}</Tag>}
      </p>
      <Paragraph data-size="sm">
        {t(item.requestedBy === 'family' ? 'plans.ui.askedByFamily' : 'plans.ui.askedByStaff', { name: item.requesterName })} · {formatDate(item.requestedAt)}
      </Paragraph>
      {item.decision && item.decidedAt ? <Paragraph data-size="sm">{t('plans.ui.decidedAfter', { date: formatDate(item.decidedAt), days: item.waitingDays })}</Paragraph> : null}
    </Card>
  );
}

export function QueuePage() {
  const { t } = useI18n();
  const open = useApiQuery<PlanQueueResponse>('/api/plan-requests');
  const decided = useApiQuery<PlanQueueResponse>('/api/plan-requests?view=decided');
  const items = open.data?.items ?? [];
  return (
    <Page title={t('plans.nav.queue')}>
      <Paragraph>{t('plans.ui.queueIntro')}</Paragraph>
      <section aria-labelledby="queue-open" className="page-section">
        <Heading level={2} data-size="sm" id="queue-open">{t('plans.ui.queueOpen', { count: items.length })}</Heading>
        <QueryFallback query={open} />
        {open.data && items.length === 0 ? <Paragraph>{t('plans.ui.queueEmpty')}</Paragraph> : null}
        <div className="card-grid">{items.map((i) => <RequestCard key={i.id} item={i} />)}</div>
      </section>
      {decided.data?.items.length ? (
        <section aria-labelledby="queue-decided" className="page-section">
          <Heading level={2} data-size="sm" id="queue-decided">{t('plans.ui.queueDecided')}</Heading>
          <Collapsible summary={t('plans.ui.showDecided', { count: decided.data.items.length })}>
            <div className="card-grid">{decided.data.items.map((i) => <RequestCard key={i.id} item={i} />)}</div>
          </Collapsible>
        </section>
      ) : null}
    </Page>
  );
}
