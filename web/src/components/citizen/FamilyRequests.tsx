// Min side: what waits for the citizen's answer — relations a professional entered naming them as a
// child's guardian (confirm or refuse: only a confirmation opens the child to them), and requests
// from professionals for access to a child's or their own information (grant or refuse).
import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/index.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { LiveMessage, LoadError } from '../Status.tsx';
import type { WaitingAccessRequest, WaitingRelation } from '../../../../common/contracts/people.ts';
import { PageSection } from '../PageSection.tsx';


type WaitingRequest = WaitingAccessRequest;

export function FamilyRequests() {
  const { t, tx } = useI18n();
  const relations = useApiQuery<{ relations: WaitingRelation[] }>('/api/relation-claims');
  const requests = useApiQuery<{ requests: WaitingRequest[] }>('/api/access-requests');
  const [message, setMessage] = useState('');
  const form = useSubmit('family-requests');
  const waitingRelations = relations.data?.relations ?? [];
  const waitingRequests = requests.data?.requests ?? [];
  const answer = (url: string, body: unknown, done: string) =>
    void form.run(null, url, body, () => {
      setMessage(done);
    });

  return (
    <>
      <LiveMessage>{message || null}</LiveMessage>
      {form.error ? <LoadError error={form.error} /> : null}
      {relations.error ? <LoadError error={relations.error} /> : null}
      {requests.error ? <LoadError error={requests.error} /> : null}
      {waitingRelations.length ? (
        <PageSection id="waiting-relations" title={t('ui.myPage.relationsHeading')}>
          <Paragraph>{t('ui.myPage.relationsHelp')}</Paragraph>
          <div className="card-grid">
            {waitingRelations.map((r) => (
              <Card key={r.id} className="person-card" data-testid="waiting-relation">
                <Heading level={3} data-size="xs">{r.childName}</Heading>
                <Paragraph data-size="sm">{t('ui.myPage.born', { date: formatDate(r.childBirthDate) })}</Paragraph>
                <Paragraph data-size="sm">
                  {t(r.parentalResponsibility ? 'ui.myPage.relationLineResponsibility' : 'ui.myPage.relationLine', {
                    relation: tx(`domain.relation.${r.relation}`, r.relation).toLowerCase(), name: r.registeredBy ?? '–', unit: r.unitName ?? '–', date: formatDate(r.registeredAt),
                  })}
                </Paragraph>
                <div className="button-row">
                  <Button data-size="sm" disabled={form.busy} onClick={() => answer(`/api/relation-claims/${r.id}/answer`, { answer: 'confirm' }, t('ui.myPage.relationConfirmed', { name: r.childName }))}>
                    {t('ui.myPage.confirmRelation')}
                  </Button>
                  <Button data-size="sm" variant="secondary" disabled={form.busy} onClick={() => answer(`/api/relation-claims/${r.id}/answer`, { answer: 'refuse' }, t('ui.myPage.relationRefused'))}>
                    {t('ui.myPage.refuseRelation')}
                  </Button>
                </div>
              </Card>
            ))}
          </div>
        </PageSection>
      ) : null}
      {waitingRequests.length ? (
        <PageSection id="waiting-requests" title={t('ui.myPage.requestsHeading')}>
          <Paragraph>{t('ui.myPage.requestsHelp')}</Paragraph>
          <div className="card-grid">
            {waitingRequests.map((r) => (
              <Card key={r.id} className="person-card" data-testid="waiting-access-request">
                <Heading level={3} data-size="xs">{t('ui.myPage.requestTitle', { name: r.personName })}</Heading>
                <Paragraph data-size="sm">{t('ui.myPage.requestLine', { name: r.requesterName, unit: r.unitName ?? '–', date: formatDate(r.requestedAt) })}</Paragraph>
                <Paragraph data-size="sm">{t('ui.myPage.requestReason')}: {r.reason}</Paragraph>
                <div className="button-row">
                  <Button data-size="sm" disabled={form.busy} onClick={() => answer(`/api/access-requests/${r.id}/answer`, { answer: 'grant' }, t('ui.myPage.requestGranted', { name: r.requesterName }))}>
                    {t('ui.myPage.grantRequest')}
                  </Button>
                  <Button data-size="sm" variant="secondary" disabled={form.busy} onClick={() => answer(`/api/access-requests/${r.id}/answer`, { answer: 'refuse' }, t('ui.myPage.requestRefused'))}>
                    {t('ui.myPage.refuseRequest')}
                  </Button>
                </div>
              </Card>
            ))}
          </div>
        </PageSection>
      ) : null}
    </>
  );
}
