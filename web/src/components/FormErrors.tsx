// Server-side validation shown the GOV.UK/Designsystemet way: an error summary at the top of the
// form (focused when it appears) linking to each field, and the message again by the field.
import { Alert, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n.tsx';
import { errorText } from './Status.tsx';

/** The id of the input for a body field path, e.g. ('person', 'guardians.0.nationalId'). */
export function fieldId(form: string, field: string): string {
  return `${form}-${field.replace(/\./g, '-')}`;
}

/** The first message for each field. */
export function fieldErrors(error: ApiError | null): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of error?.fields ?? []) map[f.field] ??= f.message;
  return map;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

interface Props {
  error: ApiError | null;
  form: string;
  /** The label of a field path, or null for a field the form does not show. */
  labelFor: (field: string) => string | null;
  /** Changes on every submit, so the summary is shown (and focused) anew. */
  attempt: number;
}

export function FormErrors({ error, form, labelFor, attempt }: Props) {
  const t = useT();
  if (!error) return null;
  const seen = new Set<string>();
  const fields = error.fields.filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
  // In the order of the form, not the order the server checked them in.
  const position = (field: string) => document.getElementById(fieldId(form, field));
  fields.sort((a, b) => {
    const ea = position(a.field);
    const eb = position(b.field);
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  if (fields.length === 0) {
    return (
      <Alert data-color="danger" role="alert" key={attempt}>
        <Paragraph>{errorText(error, t)}</Paragraph>
      </Alert>
    );
  }
  return (
    <ErrorSummary key={attempt} className="form-errors">
      <ErrorSummary.Heading level={2} data-size="xs">{error.message || t('ui.form.errorHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {fields.map((f) => {
          const label = labelFor(f.field);
          const id = fieldId(form, f.field);
          return (
            <ErrorSummary.Item key={f.field}>
              {label ? (
                <ErrorSummary.Link href={`#${id}`} onClick={(e) => focusField(e, id)}>
                  {label}: {f.message}
                </ErrorSummary.Link>
              ) : (
                f.message
              )}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
