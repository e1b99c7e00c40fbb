// The rating form from the link in the e-mail (/vurdering/:token): no sign-in needed, the link is the
// key. It opens in the language of the person it was sent to, unless they have chosen one here.
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../../common/i18n/index.ts';
import { isLanguage } from '../../../common/roles.ts';
import { RatingForm } from '../components/citizen/RatingForm.tsx';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { useApiQuery } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { RatingByTokenResponse } from '../../../common/contracts/teams.ts';

type LinkState = RatingByTokenResponse;

export function RatingLinkPage() {
  const { t, chosen } = useI18n();
  const { changeLanguage } = useSession();
  const { token } = useParams();
  const [sent, setSent] = useState(false);
  const link = useApiQuery<LinkState>(token && !sent ? `/api/ratings/${encodeURIComponent(token)}` : null);
  const language = link.data?.language;
  // The person's own language, unless a language was chosen on this device; the server's messages follow.
  useEffect(() => {
    if (!chosen && isLanguage(language)) void changeLanguage(language);
  }, [chosen, language, changeLanguage]);
  return (
    <Page title={t('teams.rating.title')}>
      {sent ? (
        <Alert data-color="success" role="status">
          <Heading level={2} data-size="xs">{t('teams.rating.thanks')}</Heading>
          <Paragraph>{t('teams.rating.thanksMore')}</Paragraph>
        </Alert>
      ) : (
        <>
          <QueryFallback query={link} />
          {link.data ? (
            <>
              <Paragraph data-size="lg" className="lead">{t('teams.rating.intro', { team: link.data.meeting.teamName, date: formatDate(link.data.meeting.startsAt) })}</Paragraph>
              <Paragraph>{t('teams.rating.why')}</Paragraph>
              <RatingForm form="rating" url={`/api/ratings/${encodeURIComponent(token!)}`} onDone={() => setSent(true)} />
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
