// The rating of one meeting on Min side, for a guardian or youth who took part: the form, or the
// answer already given. The person page can place it under a closed meeting.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/index.ts';
import { api } from '../../api.ts';
import { LiveMessage, LoadError, Loading } from '../Status.tsx';
import { useApi } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { RatingForm } from './RatingForm.tsx';

interface RatingState {
  meeting: { id: string; teamName: string; startsAt: string };
  rating: { feltHeard: number; useful: number; comment: string | null; ratedAt: string } | null;
}

export function MeetingRating({ meetingId, headingLevel = 3, showHeading = true }: { meetingId: string; headingLevel?: 2 | 3 | 4; showHeading?: boolean }) {
  const { t } = useI18n();
  const state = useApi<RatingState>(`/api/meetings/${meetingId}/rating`);
  const [thanks, setThanks] = useState(false);
  const data = state.data;
  return (
    <div className="meeting-rating" data-testid="meeting-rating">
      <LiveMessage>{thanks ? t('teams.rating.thanks') : null}</LiveMessage>
      {state.loading && !data ? <Loading /> : null}
      {state.error ? <LoadError error={state.error} /> : null}
      {data ? (
        <>
          {showHeading ? (
            <Heading level={headingLevel} data-size="xs">{t('teams.rating.heading', { team: data.meeting.teamName, date: formatDate(data.meeting.startsAt) })}</Heading>
          ) : null}
          {data.rating ? (
            <Paragraph>{t('teams.rating.given', { heard: data.rating.feltHeard, useful: data.rating.useful, date: formatDate(data.rating.ratedAt) })}</Paragraph>
          ) : (
            <RatingForm form={`rating-${meetingId}`} submit={async (body) => {
              await api.post(`/api/meetings/${meetingId}/rating`, body);
              setThanks(true);
              state.reload();
            }} />
          )}
        </>
      ) : null}
    </div>
  );
}
