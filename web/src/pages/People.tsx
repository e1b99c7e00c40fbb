// "Mine barn og unge": the children, youth and pregnant women the professional is involved with.
import { Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { TaskList } from '../components/case/Tasks.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { useApiPages } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { People as PeopleList } from '../../../common/contracts/people.ts';

export function PeoplePage() {
  const { t, tx } = useI18n();
  const people = useApiPages('/api/people', (page: PeopleList) => page.people);
  const list = people.items;
  return (
    <Page title={t('ui.people.title')}>
      <Paragraph>{t('ui.people.intro')}</Paragraph>
      <div className="button-row">
        <Button asChild>
          <RouterLink to="/barn/ny">{t('ui.people.register')}</RouterLink>
        </Button>
      </div>
      <TaskList />
      <QueryFallback query={people} />
      {people.first && list.length === 0 ? <Paragraph>{t('ui.people.empty')}</Paragraph> : null}
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
      <ShowMore more={people.more} />
    </Page>
  );
}
