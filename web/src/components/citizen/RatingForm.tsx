// The family's rating of a meeting (brukeropplevd nytte): "did you feel heard" and "was the help
// useful" on a scale from 1 to 5, and a comment. Used on the public page from the e-mailed link and
// on Min side. Radio buttons in a fieldset: one Tab into each scale, arrow keys to choose.
import { Button, Field, Fieldset, Label, Radio, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { fieldId, FormErrors } from '../FormErrors.tsx';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

export interface RatingBody {
  feltHeard?: number;
  useful?: number;
  comment?: string;
}

const SCALE = [1, 2, 3, 4, 5] as const;

function Scale({ form, name, legend, value, onChange, error }: { form: string; name: 'feltHeard' | 'useful'; legend: string; value: number | undefined; onChange: (v: number) => void; error?: string | undefined }) {
  const { t } = useI18n();
  const id = fieldId(form, name);
  return (
    <Fieldset className="form-fieldset" id={id} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{t('teams.rating.scaleHint')}</Fieldset.Description>
      <div className="rating-scale">
        {SCALE.map((n) => (
          <Radio key={n} id={`${id}-${n}`} name={`${form}-${name}`} value={String(n)}
            label={n === 1 ? t('teams.rating.low', { n }) : n === 5 ? t('teams.rating.high', { n }) : String(n)}
            checked={value === n} aria-invalid={error ? true : undefined} onChange={() => onChange(n)} />
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** Sends the rating to url; onDone once it is saved. */
export function RatingForm({ form, url, onDone }: { form: string; url: string; onDone: () => void }) {
  const { t } = useI18n();
  const [feltHeard, setFeltHeard] = useState<number | undefined>();
  const [useful, setUseful] = useState<number | undefined>();
  const [comment, setComment] = useState('');
  const { error, attempt, busy, errors, run } = useSubmit(form);
  const labels: Record<string, string> = { feltHeard: t('teams.rating.feltHeard'), useful: t('teams.rating.useful'), comment: t('teams.rating.comment') };

  const body: RatingBody = { feltHeard, useful, ...(comment.trim() ? { comment } : {}) };
  const onSubmit = (event: FormEvent) => run(event, url, body, onDone);

  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <FormErrors error={error} form={form} labelFor={(f) => labels[f] ?? null} attempt={attempt} />
      <Scale form={form} name="feltHeard" legend={labels.feltHeard!} value={feltHeard} onChange={setFeltHeard} error={errors.feltHeard} />
      <Scale form={form} name="useful" legend={labels.useful!} value={useful} onChange={setUseful} error={errors.useful} />
      <Field className="form-field form-field--full">
        <Label htmlFor={fieldId(form, 'comment')}>{`${labels.comment} ${t('ui.form.optional')}`}</Label>
        <Field.Description>{t('teams.rating.commentHint')}</Field.Description>
        <Textarea id={fieldId(form, 'comment')} rows={3} value={comment} aria-invalid={errors.comment ? true : undefined} onChange={(e) => setComment(e.target.value)} />
        {errors.comment ? <ValidationMessage>{errors.comment}</ValidationMessage> : null}
      </Field>
      <div className="button-row form-actions">
        <Button type="submit" disabled={busy}>{t('teams.rating.send')}</Button>
      </div>
    </form>
  );
}
