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

/**
 * The units a consent may name, grouped by service type (kindergartens, schools, health stations …)
 * instead of one long list; administrative units receive nothing and are not offered.
 */
export function RecipientChecks({ id, legend, units, values, onChange, error }: {
  id: string; legend: string; units: { id: string; name: string; typeCode: string; typeName: string; active: boolean }[]; values: string[]; onChange: (values: string[]) => void; error?: string | undefined;
}) {
  const groups = new Map<string, { name: string; units: typeof units }>();
  for (const u of units) {
    if (!u.active || u.typeCode === 'municipal_admin') continue;
    const group = groups.get(u.typeCode) ?? { name: u.typeName, units: [] };
    group.units.push(u);
    groups.set(u.typeCode, group);
  }
  return (
    <Fieldset className="form-fieldset" id={id} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className="recipient-groups">
        {[...groups].map(([code, group]) => (
          <Fieldset key={code} className="recipient-group" data-size="sm">
            <Fieldset.Legend>{group.name}</Fieldset.Legend>
            {group.units.map((u) => (
              <Checkbox key={u.id} id={`${id}-${u.id}`} label={u.name} value={u.id} checked={values.includes(u.id)} aria-invalid={error ? true : undefined}
                onChange={(e) => onChange(e.target.checked ? [...values.filter((v) => v !== u.id), u.id] : values.filter((v) => v !== u.id))} />
            ))}
          </Fieldset>
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
