// Min side: the family's level-2 effort and its one contact person (the effort leader), or — when
// the family has none open — a way to ask for one.
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { MyEfforts } from '../../../../common/contracts/family-efforts.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { TextAreaField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { LiveMessage } from '../Status.tsx';
import { Collapsible, PageSection } from '../PageSection.tsx';

function RequestForm({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useSubmit('familyEffort');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, '/api/family-efforts', { reason }, () => { setReason(''); onSent(); })}>
      <Paragraph data-size="sm">{t('paths.mine.requestHelp')}</Paragraph>
      <FormErrors error={form.error} form="familyEffort" labelFor={(f) => (f === 'reason' ? t('paths.mine.reason') : null)} attempt={form.attempt} />
      <TextAreaField id={form.id('reason')} label={t('paths.mine.reason')} value={reason} onChange={setReason} error={form.errors.reason} rows={3} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('paths.mine.requestSubmit')}</Button></div>
    </form>
  );
}

export function FamilyEffort() {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const mine = useApiQuery<MyEfforts>('/api/my-family-efforts');
  if (!mine.data) return null;
  const shown = mine.data.efforts.filter((e) => e.status !== 'closed');
  if (!shown.length && !mine.data.mayRequest) return null;
  return (
    <PageSection id="my-family-effort" title={t('paths.mine.heading')} testId="family-effort">
      <LiveMessage>{message || null}</LiveMessage>
      {shown.map((e) => (
        <Card key={e.id} className="person-card">
          {e.contact ? (
            <>
              <Heading level={3} data-size="xs">{t('paths.mine.contact')}: {e.contact.name}</Heading>
              <Paragraph data-size="sm">{[e.contact.title, e.contact.unitName].filter(Boolean).join(', ')}</Paragraph>
              <Paragraph>{t('paths.mine.contactHelp', { name: e.contact.name.split(' ')[0] ?? e.contact.name })}</Paragraph>
              <dl className="facts">
                <div className="facts__row"><dt>{t('paths.mine.email')}</dt><dd><Link href={`mailto:${e.contact.email}`}>{e.contact.email}</Link></dd></div>
                {e.contact.phone ? <div className="facts__row"><dt>{t('paths.mine.phone')}</dt><dd><Link href={`tel:${e.contact.phone.replace(/\s/g, '')}`}>{e.contact.phone}</Link></dd></div> : null}
              </dl>
            </>
          ) : (
            <>
              <p><Tag data-color="warning">{t(`paths.efforts.status.${e.status}`)}</Tag></p>
              <Paragraph>{t('paths.mine.waiting')}</Paragraph>
              <Paragraph data-size="sm">{t('paths.efforts.requested', { date: formatDate(e.requestedAt) })}</Paragraph>
            </>
          )}
          <Paragraph data-size="sm">{t('paths.mine.members')}: {e.members.map((m) => m.name).join(', ')}</Paragraph>
        </Card>
      ))}
      {mine.data.mayRequest ? <Collapsible summary={t('paths.mine.requestHeading')}><RequestForm onSent={() => setMessage(t('paths.mine.requestSent'))} /></Collapsible> : null}
    </PageSection>
  );
}
