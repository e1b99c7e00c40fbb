// Min side: what the family took on in the team's action plan (a guardian or the youth owns the
// item), with the meeting it came from; the owner marks their own item done here. Whether the
// reader owns an item is the API's answer (`mine`), by the rule of the route that marks it.
import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { CaseStatus } from '../../../../common/contracts/cases.ts';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { PageSection } from '../PageSection.tsx';
import { LiveMessage, LoadError } from '../Status.tsx';

type Item = NonNullable<CaseStatus['case']>['familyItems'][number];

export function FamilyItems({ items }: { items: Item[] }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const mark = useSubmit('family-item');
  if (items.length === 0) return null;
  return (
    <PageSection id="family-items" title={t('cases.ui.citizen.itemsHeading')}>
      <Paragraph data-size="sm">{t('cases.ui.citizen.itemsHelp')}</Paragraph>
      {mark.error ? <LoadError error={mark.error} /> : null}
      <LiveMessage>{message || null}</LiveMessage>
      <ul className="plain-list" data-testid="family-items">
        {items.map((a) => (
          <li key={a.id} className="family-item">
            <Paragraph><strong>{a.what}</strong></Paragraph>
            <Paragraph data-size="sm">{a.mine ? t('cases.ui.citizen.itemLineMine', { due: formatDate(a.dueOn) }) : t('cases.ui.citizen.itemLine', { owner: a.owner, due: formatDate(a.dueOn) })}</Paragraph>
            <Paragraph data-size="sm">{t('cases.ui.citizen.itemFrom', { team: a.teamName, date: formatDate(a.meetingOn) })}</Paragraph>
            {a.status === 'done'
              ? <Tag data-color="success">{t('cases.ui.citizen.itemDone', { date: a.doneOn ? formatDate(a.doneOn) : '' })}</Tag>
              : <Tag data-color="neutral">{t(a.status === 'open' ? 'cases.ui.citizen.itemOpen' : 'cases.ui.citizen.itemNotDone')}</Tag>}
            {a.mine && a.status === 'open' ? (
              <div className="button-row">
                <Button variant="secondary" data-size="sm" disabled={mark.busy}
                  onClick={() => void mark.run(null, `/api/action-items/${a.id}/done`, {}, () => setMessage(t('cases.ui.citizen.itemMarked')))}>
                  {t('cases.ui.citizen.markDone', { what: a.what })}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </PageSection>
  );
}
