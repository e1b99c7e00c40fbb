// The case part of a person page: the status for everyone involved, and the relay log once the
// family's consent opens it. Every change reloads both, and its confirmation is announced.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useApi } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { LiveMessage, LoadError, Loading } from '../Status.tsx';
import { CaseStatusSection } from './CaseStatus.tsx';
import { RelayLogSection } from './RelayLog.tsx';
import type { CaseLog, CaseStatus, Colleague } from './shared.tsx';

export function CaseArea({ personId, citizen, onChange }: { personId: string; citizen: boolean; onChange?: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const status = useApi<CaseStatus>(`/api/people/${encodeURIComponent(personId)}/case-status`);
  const logOpen = status.data?.abilities.readLog === true && status.data.case !== null;
  const log = useApi<CaseLog>(logOpen ? `/api/people/${encodeURIComponent(personId)}/case` : null);
  const caseId = status.data?.case?.id;
  const colleagues = useApi<{ colleagues: Colleague[] }>(logOpen && !citizen && caseId ? `/api/cases/${caseId}/colleagues` : null);
  const changed = (text: string) => {
    setMessage(text);
    status.reload();
    log.reload();
    colleagues.reload();
    onChange?.();
  };
  if (status.error?.status === 403) return null;
  return (
    <>
      <LiveMessage>{message || null}</LiveMessage>
      {status.loading && !status.data ? <Loading /> : null}
      {status.error ? <LoadError error={status.error} /> : null}
      {status.data ? <CaseStatusSection status={status.data} citizen={citizen} colleagues={colleagues.data?.colleagues ?? []} onChange={changed} /> : null}
      {status.data?.case && !logOpen ? (
        <section aria-labelledby="relay-log" className="page-section">
          <Heading level={2} data-size="sm" id="relay-log">{t('cases.ui.logHeading')}</Heading>
          <Paragraph>{t(citizen ? 'cases.ui.citizenLogClosed' : 'cases.ui.logClosed')}</Paragraph>
        </section>
      ) : null}
      {log.error ? <LoadError error={log.error} /> : null}
      {log.data ? <RelayLogSection personId={personId} log={log.data} citizen={citizen} colleagues={colleagues.data?.colleagues ?? []} onChange={changed} /> : null}
    </>
  );
}
