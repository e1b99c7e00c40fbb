// A professional asks the level-2 intake for a whole-family effort from a child's page. Shown only
// when the case status says the user may ask.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { TextAreaField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';

export function EffortRequest({ personId, onChange }: { personId: string; onChange: (message: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useSubmit('effortRequest');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, '/api/family-efforts', { personId, reason }, () => { setReason(''); onChange(t('paths.efforts.requestSent')); })}>
      <Paragraph data-size="sm">{t('paths.efforts.requestHelp')}</Paragraph>
      <FormErrors error={form.error} form="effortRequest" labelFor={(f) => (f === 'reason' ? t('paths.efforts.reason') : null)} attempt={form.attempt} />
      <TextAreaField id={form.id('reason')} label={t('paths.efforts.reason')} value={reason} onChange={setReason} error={form.errors.reason} rows={3} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('paths.efforts.requestSubmit')}</Button></div>
    </form>
  );
}
