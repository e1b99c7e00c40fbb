// A national identity number is shown masked (birth-date part only) until the user asks to see it.
import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { maskNationalId } from '../../../common/national-id.ts';
import { useT } from '../i18n.tsx';

export function NationalId({ value, personName }: { value: string | null; personName: string }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  if (!value) return <span>{t('ui.person.noNationalId')}</span>;
  const masked = maskNationalId(value);
  return (
    <span className="national-id">
      {shown ? (
        <span className="national-id__value">{value}</span>
      ) : (
        <span className="national-id__value">
          <span aria-hidden="true">{masked}</span>
          <span className="sr-only">{t('ui.person.nationalIdMasked', { birth: value.slice(0, 6) })}</span>
        </span>
      )}
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-label={t(shown ? 'ui.person.hideNationalIdFor' : 'ui.person.showNationalIdFor', { name: personName })}
        onClick={() => setShown((s) => !s)}
      >
        {t(shown ? 'ui.person.hideNationalId' : 'ui.person.showNationalId')}
      </Button>
    </span>
  );
}
