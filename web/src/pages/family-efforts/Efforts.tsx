// Level 2: the whole-family efforts the user works with — the level-2 intake's queue, the efforts one
// leads or was offered, and those one asked for or was called into.
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { EffortList } from '../../../../common/contracts/family-efforts.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

export const STATUS_COLOR = { requested: 'warning', offered: 'info', active: 'success', closed: 'neutral' } as const;

export function EffortsPage() {
  const { t } = useI18n();
  const list = useApiQuery<EffortList>('/api/family-efforts');
  const efforts = list.data?.efforts ?? [];
  return (
    <Page title={t('paths.efforts.title')}>
      <Paragraph>{t('paths.efforts.intro')}</Paragraph>
      <QueryFallback query={list} />
      {list.data && efforts.length === 0 ? <Paragraph>{t('paths.efforts.empty')}</Paragraph> : null}
      <div className="card-grid">
        {efforts.map((e) => (
          <Card key={e.id} data-testid="effort-card">
            <Heading level={2} data-size="xs">
              <Link asChild><RouterLink to={`/niva2/${e.id}`}>{e.members.filter((m) => m.role === 'parent').map((m) => m.name).join(', ') || e.members[0]?.name}</RouterLink></Link>
            </Heading>
            <p><Tag data-color={STATUS_COLOR[e.status]}>{t(`paths.efforts.status.${e.status}`)}</Tag></p>
            <Paragraph data-size="sm">{t('paths.efforts.requested', { date: formatDate(e.requestedAt) })}</Paragraph>
            <Paragraph data-size="sm">{t('paths.efforts.family')}: {e.members.map((m) => m.name).join(', ')}</Paragraph>
            {e.leader ? <Paragraph data-size="sm">{t('paths.efforts.leader')}: {e.leader}</Paragraph> : null}
          </Card>
        ))}
      </div>
    </Page>
  );
}
