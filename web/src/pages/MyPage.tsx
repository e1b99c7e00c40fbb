// "Min side" for a signed-in citizen: themself and the children they have parental responsibility
// for, and what waits for their answer (relations to confirm, requests for access).
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { Page } from '../components/Page.tsx';
import { MeetingRatingsLink } from './MeetingRatings.tsx';
import { FamilyRequests } from '../components/citizen/FamilyRequests.tsx';
import { FamilyEffort } from '../components/citizen/FamilyEffort.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { Person } from '../../../common/contracts/people.ts';

function PersonCard({ person }: { person: Person }) {
  const { t } = useI18n();
  return (
    <Card className="person-card">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/min-side/${person.id}`}>{person.givenName} {person.familyName}</RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm">{t('ui.myPage.born', { date: formatDate(person.birthDate) })}</Paragraph>
      {person.expectedBirthDate ? <Paragraph data-size="sm">{t('ui.myPage.expected', { date: formatDate(person.expectedBirthDate) })}</Paragraph> : null}
    </Card>
  );
}

export function MyPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const people = useApiQuery<{ people: Person[] }>('/api/people');
  const list = people.data?.people ?? [];
  const name = me?.principal?.displayName ?? '';
  const isSelf = (p: Person) => `${p.givenName} ${p.familyName}` === name;
  const self = list.filter(isSelf);
  const children = list.filter((p) => !isSelf(p));

  return (
    <Page title={t('ui.myPage.title')}>
      <Paragraph data-size="lg" className="lead">{t('ui.myPage.greeting', { name: name.split(' ')[0] ?? name })}</Paragraph>
      <Paragraph>{t('ui.myPage.intro')}</Paragraph>
      <QueryFallback query={people} />
      <FamilyRequests />
      <FamilyEffort />
      {self.length > 0 ? (
        <section aria-labelledby="my-self" className="page-section">
          <Heading level={2} data-size="sm" id="my-self">{t('ui.myPage.you')}</Heading>
          <div className="card-grid">{self.map((p) => <PersonCard key={p.id} person={p} />)}</div>
        </section>
      ) : null}
      {people.data ? (
        <section aria-labelledby="my-children" className="page-section">
          <Heading level={2} data-size="sm" id="my-children">{t('ui.myPage.children')}</Heading>
          {children.length === 0 ? <Paragraph>{t('ui.myPage.noChildren')}</Paragraph> : null}
          <div className="card-grid">{children.map((p) => <PersonCard key={p.id} person={p} />)}</div>
        </section>
      ) : null}
      <MeetingRatingsLink />
    </Page>
  );
}
