// Labelled form fields on top of Designsystemet. Every field has an id (the error summary links to
// it), a visible label, an optional description and the server's message for it.
import { Field, Label, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n.tsx';

interface TextProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  type?: 'text' | 'email' | 'tel' | 'search';
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  autoComplete?: string;
  width?: 'short' | 'medium' | 'full';
}

export function TextField({ id, label, value, onChange, error, description, optional, type = 'text', inputMode, autoComplete, width = 'full' }: TextProps) {
  const t = useT();
  return (
    <Textfield
      id={id}
      className={`form-field form-field--${width}`}
      label={optional ? `${label} ${t('ui.form.optional')}` : label}
      description={description}
      error={error}
      value={value}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete ?? 'off'}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A date typed as dd.mm.åååå (the hint says so). */
export function DateField(props: Omit<TextProps, 'inputMode' | 'type' | 'description'> & { description?: string }) {
  const t = useT();
  return <TextField {...props} inputMode="numeric" width="short" description={props.description ?? t('ui.form.dateHint')} />;
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string | undefined;
  description?: ReactNode;
  /** Text of an empty first option, e.g. "Velg enhet". */
  placeholder?: string;
  optional?: boolean;
}

export function SelectField({ id, label, value, onChange, options, error, description, placeholder, optional }: SelectProps) {
  const t = useT();
  return (
    <Field className="form-field form-field--medium">
      <Label htmlFor={id}>{optional ? `${label} ${t('ui.form.optional')}` : label}</Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        {placeholder !== undefined ? <Select.Option value="">{placeholder}</Select.Option> : null}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

/** A multi-line text the width of the form, e.g. a situation described or a feedback written. */
export function TextAreaField({ id, label, value, onChange, error, description, rows = 4 }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string | undefined; description?: ReactNode; rows?: number }) {
  return (
    <Field className="form-field form-field--full">
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Textarea id={id} rows={rows} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
