// The rating of one meeting on Min side, for a guardian or youth who took part: the form, or the
// answer already given. The person page can place it under a closed meeting.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/index.ts';
import { LiveMessage, QueryFallback } from '../Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { RatingForm } from './RatingForm.tsx';
import type { MeetingRatingStateResponse } from '../../../../common/contracts/teams.ts';

type RatingState = MeetingRatingStateResponse;

export function MeetingRating({ meetingId, headingLevel = 3, showHeading = true }: { meetingId: string; headingLevel?: 2 | 3 | 4; showHeading?: boolean }) {
  const { t } = useI18n();
  const state = useApiQuery<RatingState>(`/api/meetings/${meetingId}/rating`);
  const [thanks, setThanks] = useState(false);
  const data = state.data;
  return (
    <div className="meeting-rating" data-testid="meeting-rating">
      <LiveMessage>{thanks ? t('teams.rating.thanks') : null}</LiveMessage>
      <QueryFallback query={state} />
      {data ? (
        <>
          {showHeading ? (
            <Heading level={headingLevel} data-size="xs">{t('teams.rating.heading', { team: data.meeting.teamName, date: formatDate(data.meeting.startsAt) })}</Heading>
          ) : null}
          {data.rating ? (
            <Paragraph>{t('teams.rating.given', { heard: data.rating.feltHeard, useful: data.rating.useful, date: formatDate(data.rating.ratedAt) })}</Paragraph>
          ) : (
            <RatingForm form={`rating-${meetingId}`} url={`/api/meetings/${meetingId}/rating`} onDone={() => setThanks(true)} />
          )}
        </>
      ) : null}
    </div>
  );
}
