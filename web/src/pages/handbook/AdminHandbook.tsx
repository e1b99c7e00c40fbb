// The handbook's pages for the administrator and the editor: each with the state of its newest
// version and which version is published; a new page starts here.
import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useApiPages } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { AdminPageList } from '../../../../common/contracts/handbook.ts';
import './handbook.css';

export function AdminHandbookPage() {
  const { t } = useI18n();
  const list = useApiPages('/api/admin/handbook/pages', (page: AdminPageList) => page.pages);
  return (
    <Page title={t('handbook.admin.title')} lead={<Paragraph>{t('handbook.admin.intro')}</Paragraph>}>
      <div className="button-row"><Button asChild><RouterLink to="/admin/handbok/ny">{t('handbook.admin.newPage')}</RouterLink></Button></div>
      <QueryFallback query={list} />
      {list.first && list.items.length === 0 ? <Paragraph>{t('handbook.admin.none')}</Paragraph> : null}
      {list.items.length ? (
        <TableScroll label={t('handbook.admin.pages')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('handbook.admin.titleHeading')}</Table.HeaderCell>
                <Table.HeaderCell>{t('handbook.admin.visibility')}</Table.HeaderCell>
                <Table.HeaderCell>{t('handbook.admin.stateHeading')}</Table.HeaderCell>
                <Table.HeaderCell>{t('handbook.admin.history')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell><Link asChild><RouterLink to={`/admin/handbok/${p.id}`}>{p.title}</RouterLink></Link></Table.Cell>
                  <Table.Cell>{t(`handbook.admin.visibility.${p.visibility}`)}</Table.Cell>
                  <Table.Cell><Tag data-color={p.state === 'published' ? 'success' : p.state === 'review' ? 'warning' : 'neutral'}>{t(`handbook.admin.state.${p.state}`)}</Tag></Table.Cell>
                  <Table.Cell>{p.publishedVersion ? t('handbook.admin.publishedVersion', { version: p.publishedVersion }) : t('handbook.admin.notPublished')} · {formatDate(p.updatedAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      <ShowMore more={list.more} />
    </Page>
  );
}
