// Min side: the meetings the citizen took part in as a guardian or youth, each with the rating form
// or the answer given (the notice after a meeting links here).
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatDateTime } from '../../../common/i18n/index.ts';
import { MeetingRating } from '../components/citizen/MeetingRating.tsx';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { useAllApiPages, useApiPages } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { MyMeetingsToRateResponse } from '../../../common/contracts/teams.ts';
import { PageSection } from '../components/PageSection.tsx';

export type MeetingToRate = MyMeetingsToRateResponse['meetings'][number];

export function MeetingRatingsPage() {
  const { t } = useI18n();
  const list = useApiPages('/api/meeting-ratings', (page: MyMeetingsToRateResponse) => page.meetings);
  const meetings = list.items;
  return (
    <Page title={t('teams.rating.listTitle')}>
      <Paragraph><Link asChild><RouterLink to="/min-side">{t('teams.rating.backToMyPage')}</RouterLink></Link></Paragraph>
      <Paragraph>{t('teams.rating.listIntro')}</Paragraph>
      <QueryFallback query={list} />
      {list.first && meetings.length === 0 ? <Paragraph>{t('teams.rating.noMeetings')}</Paragraph> : null}
      <ul className="team-cards">
        {meetings.map((m) => (
          <li key={m.id}>
            <Card className="team-card" aria-labelledby={`rate-${m.id}`}>
              <Heading level={2} data-size="xs" id={`rate-${m.id}`}>{t('teams.rating.heading', { team: m.teamName, date: formatDate(m.startsAt) })}</Heading>
              <Paragraph data-size="sm">{formatDateTime(m.startsAt)}, {m.place}</Paragraph>
              {m.rating ? (
                <Paragraph>{t('teams.rating.given', { heard: m.rating.feltHeard, useful: m.rating.useful, date: formatDate(m.rating.ratedAt) })}</Paragraph>
              ) : <MeetingRating meetingId={m.id} showHeading={false} />}
            </Card>
          </li>
        ))}
      </ul>
      <ShowMore more={list.more} />
    </Page>
  );
}

/** On Min side: how many meetings wait for the family's answer (counted over every page: the family's own meetings), with a link to them. */
export function MeetingRatingsLink() {
  const { t } = useI18n();
  const list = useAllApiPages('/api/meeting-ratings', (page: MyMeetingsToRateResponse) => page.meetings);
  const open = (list.items ?? []).filter((m) => !m.rating).length;
  if (!list.items || list.items.length === 0) return null;
  return (
    <PageSection id="my-meeting-ratings" title={t('teams.rating.listTitle')}>
      <Paragraph>
        <Link asChild><RouterLink to="/min-side/vurderinger">{open ? t('teams.rating.openCount', { n: open }) : t('teams.rating.allRated')}</RouterLink></Link>
      </Paragraph>
    </PageSection>
  );
}
