// The birth, registered from the pregnant woman's page by the health station that follows her: the
// newborn is linked to her, and with her consent the pregnancy's relay log continues as the child's.
// Shown only when the case status says the user may register it.
import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { todayNorwegian, toIsoDate } from '../../dates.ts';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { DateField, TextField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import type { Created } from '../../../../common/contracts/shared.ts';

export function BirthForm({ motherId, familyName, onChange }: { motherId: string; familyName: string; onChange: (message: string) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [givenName, setGivenName] = useState('');
  const [childFamilyName, setChildFamilyName] = useState(familyName);
  const [nationalId, setNationalId] = useState('');
  const [birthDate, setBirthDate] = useState(todayNorwegian());
  const [continueLog, setContinueLog] = useState(false);
  const form = useSubmit<Created>('birth');
  const labels: Record<string, string> = {
    givenName: t('paths.ui.birth.givenName'), familyName: t('paths.ui.birth.familyName'), nationalId: t('paths.ui.birth.nationalId'),
    birthDate: t('paths.ui.birth.birthDate'), continueLog: t('paths.ui.birth.continueLog'),
  };
  return (
    <section aria-labelledby="birth-heading" className="page-section" data-testid="birth">
      <Heading level={2} data-size="sm" id="birth-heading">{t('paths.ui.birth.heading')}</Heading>
      <Paragraph>{t('paths.ui.birth.help')}</Paragraph>
      <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${motherId}/birth`, {
        givenName, familyName: childFamilyName, nationalId, birthDate: toIsoDate(birthDate), continueLog,
      }, (created) => {
        onChange(t('paths.ui.birth.done'));
        void navigate(`/barn/${created.id}`);
      })}>
        <FormErrors error={form.error} form="birth" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
        <TextField id={form.id('givenName')} label={labels.givenName!} value={givenName} onChange={setGivenName} error={form.errors.givenName} width="medium" />
        <TextField id={form.id('familyName')} label={labels.familyName!} value={childFamilyName} onChange={setChildFamilyName} error={form.errors.familyName} width="medium" />
        <TextField id={form.id('nationalId')} label={labels.nationalId!} value={nationalId} onChange={setNationalId} error={form.errors.nationalId} inputMode="numeric" width="medium" optional />
        <DateField id={form.id('birthDate')} label={labels.birthDate!} value={birthDate} onChange={setBirthDate} error={form.errors.birthDate} />
        <Checkbox id={form.id('continueLog')} label={labels.continueLog!} description={t('paths.ui.birth.continueLogHelp')} checked={continueLog}
          onChange={(e) => setContinueLog(e.target.checked)} error={form.errors.continueLog} />
        <div className="button-row"><Button type="submit" disabled={form.busy}>{t('paths.ui.birth.submit')}</Button></div>
      </form>
    </section>
  );
}
