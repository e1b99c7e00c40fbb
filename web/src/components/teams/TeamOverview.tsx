// The team overview (for the team's leader and the SBU coordinator): aggregated figures, no names.
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { QueryFallback } from '../Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import type { TeamOverviewResponse } from '../../../../common/contracts/teams.ts';

export type Overview = TeamOverviewResponse;

function percent(value: number | null, lang: string): string {
  return value === null ? '–' : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

function decimal(value: number | null, lang: string): string {
  return value === null ? '–' : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 }).format(value);
}

function OverviewCard({ o }: { o: Overview }) {
  const { t, lang } = useI18n();
  const headingId = `overview-${o.team.id}`;
  return (
    <Card className="overview-card" aria-labelledby={headingId} data-testid="team-overview">
      <Heading level={3} data-size="2xs" id={headingId}>{o.team.name}</Heading>
      <dl className="stats">
        <div className="stat">
          <dt>{t('teams.overview.cases')}</dt>
          <dd><span className="stat__value">{o.cases}</span></dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.familyPresent')}</dt>
          <dd><span className="stat__value">{percent(o.familyPresentShare, lang)}</span><span className="cell-meta">{t('teams.overview.ofMeetings', { part: o.meetingsWithFamily, whole: o.meetingsHeld })}</span></dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.daysToFirst')}</dt>
          <dd>
            <span className="stat__value">{o.averageDaysToFirstMeeting === null ? '–' : t('teams.overview.days', { days: decimal(o.averageDaysToFirstMeeting, lang) })}</span>
            <span className="cell-meta">{t('teams.overview.ofReferrals', { n: o.referralsWithMeeting })}</span>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.onTime')}</dt>
          <dd><span className="stat__value">{percent(o.actionItemsOnTimeShare, lang)}</span><span className="cell-meta">{t('teams.overview.ofItems', { part: o.actionItemsOnTime, whole: o.actionItemsMeasured })}</span></dd>
        </div>
        <div className="stat">
          <dt>{t('teams.overview.rating')}</dt>
          <dd>
            <span className="stat__value">{o.ratings.count === 0 ? '–' : t('teams.overview.ratingValue', { heard: decimal(o.ratings.feltHeard, lang), useful: decimal(o.ratings.useful, lang) })}</span>
            <span className="cell-meta">{o.ratings.count === 0 ? t('teams.overview.noRatings') : t('teams.overview.ratingCount', { n: o.ratings.count })}</span>
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
