// The case part of a person page: the status for everyone involved, and the relay log once the
// family's consent opens it. Every change fetches both again (useSubmit), and its confirmation is announced.
import { Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { LiveMessage, LoadError, QueryFallback } from '../Status.tsx';
import { CaseStatusSection } from './CaseStatus.tsx';
import { RelayLogSection } from './RelayLog.tsx';
import { FamilyItems } from '../citizen/FamilyItems.tsx';
import type { CaseLog, CaseStatus, Colleague } from '../../../../common/contracts/cases.ts';
import { PageSection } from '../PageSection.tsx';

/**
 * On Min side the page's reader (citizen/reader.tsx) says whether the person themself reads.
 * `onlyWithCase`: an adult's page shows the part only once they have a case of their own (a new
 * mother's screening taken into the log opens one for her), never the start of one.
 */
export function CaseArea({ personId, citizen, onlyWithCase = false }: { personId: string; citizen: boolean; onlyWithCase?: boolean }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const status = useApiQuery<CaseStatus>(`/api/people/${encodeURIComponent(personId)}/case-status`);
  const logOpen = status.data?.abilities.readLog === true && status.data.case !== null;
  const log = useApiQuery<CaseLog>(logOpen ? `/api/people/${encodeURIComponent(personId)}/case` : null);
  const caseId = status.data?.case?.id;
  const colleagues = useApiQuery<{ colleagues: Colleague[] }>(logOpen && !citizen && caseId ? `/api/cases/${caseId}/colleagues` : null);
  const changed = setMessage;
  if (status.error?.status === 403) return null;
  if (onlyWithCase && !status.data?.case) return null;
  return (
    <>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={status} />
      {status.data ? <CaseStatusSection status={status.data} citizen={citizen} colleagues={colleagues.data?.colleagues ?? []} onChange={changed} /> : null}
      {citizen && status.data?.case ? <FamilyItems items={status.data.case.familyItems} /> : null}
      {status.data?.case && !logOpen ? (
        <PageSection id="relay-log" title={t('cases.ui.logHeading')}>
          <Paragraph>{t(citizen ? 'cases.ui.citizenLogClosed' : 'cases.ui.logClosed')}</Paragraph>
        </PageSection>
      ) : null}
      {log.error ? <LoadError error={log.error} /> : null}
      {log.data ? <RelayLogSection personId={personId} log={log.data} citizen={citizen} colleagues={colleagues.data?.colleagues ?? []} onChange={changed} /> : null}
    </>
  );
}
