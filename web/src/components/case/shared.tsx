// The small pieces the case components share: checkbox groups for categories.
import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n.tsx';
import { CONSENT_CATEGORIES } from '../../../../common/consent.ts';


export function CategoryChecks({ id, legend, values, onChange, error }: { id: string; legend: string; values: string[]; onChange: (values: string[]) => void; error?: string | undefined }) {
  const { tx } = useI18n();
  return (
    <Fieldset className="form-fieldset" id={id} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className="check-columns">
        {CONSENT_CATEGORIES.map((c) => (
          <Checkbox
            key={c}
            id={`${id}-${c}`}
            label={tx(`domain.consentCategory.${c}`, c)}
            value={c}
            checked={values.includes(c)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? [...values, c] : values.filter((v) => v !== c))}
          />
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
