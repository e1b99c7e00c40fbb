// The team overview (for the team's leader and the SBU coordinator): aggregated figures, no names.
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { QueryFallback } from '../Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { useFigures } from '../Figure.tsx';
import type { TeamOverviewResponse } from '../../../../common/contracts/teams.ts';

export type Overview = TeamOverviewResponse;

function OverviewCard({ o }: { o: Overview }) {
  const { t } = useI18n();
  const f = useFigures();
  const headingId = `overview-${o.team.id}`;
  return (
    <Card className="overview-card" aria-labelledby={headingId} data-testid="team-overview">
      <Heading level={3} data-size="2xs" id={headingId}>{o.team.name}</Heading>
      <dl className="stats">
        <div className="stat">
          <dt>{t('teams.overview.cases')}</dt>
          <dd><span className="stat__value">{f.count(o.cases)}</span></dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.familyPresent')}</dt>
          <dd><span className="stat__value">{f.percent(o.familyPresentShare)}</span><span className="cell-meta">{t('teams.overview.ofMeetings', { part: f.count(o.meetingsWithFamily), whole: f.count(o.meetingsHeld) })}</span></dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.daysToFirst')}</dt>
          <dd>
            <span className="stat__value">{o.averageDaysToFirstMeeting !== null && 'value' in o.averageDaysToFirstMeeting ? t('teams.overview.days', { days: f.decimal(o.averageDaysToFirstMeeting) }) : f.decimal(o.averageDaysToFirstMeeting)}</span>
            <span className="cell-meta">{t('teams.overview.ofReferrals', { n: f.count(o.referralsWithMeeting) })}</span>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.onTime')}</dt>
          <dd><span className="stat__value">{f.percent(o.actionItemsOnTimeShare)}</span><span className="cell-meta">{t('teams.overview.ofItems', { part: f.count(o.actionItemsOnTime), whole: f.count(o.actionItemsMeasured) })}</span></dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.rating')}</dt>
          <dd>
            <span className="stat__value">{o.ratings.feltHeard === null ? '–' : 'value' in o.ratings.feltHeard ? t('teams.overview.ratingValue', { heard: f.decimal(o.ratings.feltHeard), useful: f.decimal(o.ratings.useful) }) : f.decimal(o.ratings.feltHeard)}</span>
            <span className="cell-meta">{o.ratings.feltHeard === null ? t('teams.overview.noRatings') : t('teams.overview.ratingCount', { n: f.count(o.ratings.count) })}</span>
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** The overviews the user may see: the teams they lead, or every team for the SBU coordinator. */
export function TeamOverviews() {
  const { t } = useI18n();
  const overviews = useApiQuery<{ overviews: Overview[] }>('/api/teams/overviews');
  return (
    <section aria-labelledby="team-overviews" className="page-section">
      <Heading level={2} data-size="sm" id="team-overviews">{t('teams.overview.heading')}</Heading>
      <Paragraph data-size="sm">{t('teams.overview.intro')}</Paragraph>
      <QueryFallback query={overviews} />
      {overviews.data && overviews.data.overviews.length === 0 ? <Paragraph>{t('teams.overview.none')}</Paragraph> : null}
      <div className="overview-grid">{overviews.data?.overviews.map((o) => <OverviewCard key={o.team.id} o={o} />)}</div>
    </section>
  );
}
