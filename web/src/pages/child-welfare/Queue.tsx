// The child-welfare intake's queue: urgent reports first, then the oldest, with the days since
// receipt and the law's deadlines as dates; the overdue ones on a list of their own.
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { ReportCountsResponse, ReportQueueResponse } from '../../../../common/contracts/child-welfare.ts';
import { SelectField } from '../../components/Fields.tsx';
import { Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

const VIEWS = ['open', 'overdue', 'all'] as const;

/** A deadline's date, marked when it passed undone. */
export function DeadlineDate({ date, overdue }: { date: string; overdue: boolean }) {
  const { t } = useI18n();
  return <>{formatDate(date)}{overdue ? <> <Tag data-color="danger" data-size="sm">{t('reports.queue.overdue')}</Tag></> : null}</>;
}

function CountTable({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) {
  const { t } = useI18n();
  return (
    <Table className="data-table" data-size="sm">
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row><Table.HeaderCell>{caption}</Table.HeaderCell><Table.HeaderCell>{t('reports.counts.count')}</Table.HeaderCell></Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((r) => <Table.Row key={r.label}><Table.Cell>{r.label}</Table.Cell><Table.Cell>{r.count}</Table.Cell></Table.Row>)}
      </Table.Body>
    </Table>
  );
}

/** The counts for the outcome track: numbers only. */
function Counts() {
  const { t, tx } = useI18n();
  const counts = useApiQuery<ReportCountsResponse>('/api/child-welfare/counts');
  if (!counts.data) return <QueryFallback query={counts} />;
  const c = counts.data;
  const source = (r: { source: string; name: string | null }) => r.name ?? (r.source === 'other' ? t('reports.counts.noUnit') : r.source);
  return (
    <section aria-labelledby="report-counts" className="page-section">
      <Heading level={2} data-size="sm" id="report-counts">{t('reports.counts.title')}</Heading>
      <Paragraph>{t('reports.counts.intro')}</Paragraph>
      <div className="card-grid">
        <CountTable caption={t('reports.counts.byMonth')} rows={c.byMonth.map((r) => ({ label: r.month, count: r.count }))} />
        <CountTable caption={t('reports.counts.bySource')} rows={c.bySource.map((r) => ({ label: source(r), count: r.count }))} />
        <CountTable caption={t('reports.counts.byDecision')} rows={c.byDecision.map((r) => ({ label: tx(`reports.decision.${r.decision}`, r.decision), count: r.count }))} />
        <CountTable caption={t('reports.counts.consultations')} rows={c.consultationsBySource.map((r) => ({ label: source(r), count: r.count }))} />
      </div>
    </section>
  );
}

export function QueuePage() {
  const { t } = useI18n();
  const [view, setView] = useState<(typeof VIEWS)[number]>('open');
  const queue = useApiQuery<ReportQueueResponse>(`/api/child-welfare/queue?view=${view}`);
  const items = queue.data?.items ?? [];
  const daysAgo = (days: number) =>
    days === 0 ? t('reports.queue.receivedToday') : days === 1 ? t('reports.queue.oneDayAgo') : t('reports.queue.daysAgo', { days });
  return (
    <Page title={t('reports.queue.title')}>
      <SelectField id="queue-view" label={t('reports.queue.view')} value={view} onChange={(v) => setView(v as (typeof VIEWS)[number])} options={VIEWS.map((v) => ({ value: v, label: t(`reports.queue.view.${v}`) }))} />
      <QueryFallback query={queue} />
      {queue.data && items.length === 0 ? <Paragraph>{t('reports.queue.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <TableScroll label={t('reports.queue.title')}>
          <Table zebra className="data-table">
            <caption className="sr-only">{t('reports.queue.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('reports.queue.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.queue.child')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.queue.from')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.queue.received')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.queue.reviewBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.queue.feedbackBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.queue.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <Link asChild><RouterLink to={`/barnevern/meldinger/${r.id}`}>{r.reference}</RouterLink></Link>
                    {r.urgent ? <> <Tag data-color="danger" data-size="sm">{t('reports.queue.urgent')}</Tag></> : null}
                  </Table.Cell>
                  <Table.Cell>{r.child.name}</Table.Cell>
                  <Table.Cell>{[r.reporter.name, r.reporter.unitName].filter(Boolean).join(', ')}</Table.Cell>
                  <Table.Cell>{daysAgo(r.daysSinceReceipt)}</Table.Cell>
                  <Table.Cell><DeadlineDate date={r.reviewBy} overdue={r.reviewOverdue} /></Table.Cell>
                  <Table.Cell><DeadlineDate date={r.feedbackBy} overdue={r.feedbackOverdue} /></Table.Cell>
                  <Table.Cell>{t(`reports.status.${r.status}`)}{r.decision ? `: ${t(`reports.decision.${r.decision}`)}` : ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      <Counts />
    </Page>
  );
}
