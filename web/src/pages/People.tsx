// "Mine barn og unge": the children, youth and pregnant women the professional is involved with.
import { Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { TaskList } from '../components/case/Tasks.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useApi, useMorePages } from '../hooks.ts';
import { ShowMore } from '../components/ShowMore.tsx';
import { useI18n } from '../i18n.tsx';
import type { Person } from '../types.ts';

export function PeoplePage() {
  const { t, tx } = useI18n();
  const people = useApi<{ people: Person[]; hasMore: boolean; nextCursor: string | null }>('/api/people');
  const more = useMorePages('/api/people', people.data, (page) => page.people);
  const list = more.items;
  return (
    <Page title={t('ui.people.title')}>
      <Paragraph>{t('ui.people.intro')}</Paragraph>
      <div className="button-row">
        <Button asChild>
          <RouterLink to="/barn/ny">{t('ui.people.register')}</RouterLink>
        </Button>
      </div>
      <TaskList />
      {people.loading && !people.data ? <Loading /> : null}
      {people.error ? <LoadError error={people.error} /> : null}
      {people.data && list.length === 0 ? <Paragraph>{t('ui.people.empty')}</Paragraph> : null}
      {list.length > 0 ? (
        <TableScroll label={t('ui.people.tableCaption')}>
          <Table zebra className="data-table">
            <caption className="sr-only">{t('ui.people.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('ui.person.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.person.birthDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.person.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ui.person.area')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/barn/${p.id}`}>{p.givenName} {p.familyName}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{formatDate(p.birthDate)}</Table.Cell>
                  <Table.Cell>{tx(`domain.personKind.${p.kind}`, p.kind)}</Table.Cell>
                  <Table.Cell>{p.area ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      <ShowMore more={more} />
    </Page>
  );
}
