// The items of a questionnaire as the one answering sees them: a clean list, one fieldset of radio
// buttons per item, so a phone shows each question with its options under it (one Tab into each,
// arrow keys to choose). Used by the screening and the collaboration survey; the server scores.
import { Fieldset, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import type { ScreeningResponse } from '../../../../common/contracts/questionnaires.ts';
import { fieldId } from '../FormErrors.tsx';
import { useI18n } from '../../i18n.tsx';

type Item = ScreeningResponse['items'][number];
export type Answers = Record<string, number>;

/** The answers in the items' order, as QuestionnaireResponse.item. */
export const asResponse = (items: Item[], answers: Answers) =>
  items.filter((i) => answers[i.linkId] !== undefined).map((i) => ({ linkId: i.linkId, score: answers[i.linkId]! }));

/** The label of a problem's field (item.<linkId>) for the error summary. */
export const itemLabel = (items: Item[], field: string) => {
  const match = /^item\.(.+)$/.exec(field);
  return match ? items.find((i) => i.linkId === match[1])?.text ?? null : null;
};

export function QuestionItems({ form, items, answers, onChange, errors }: { form: string; items: Item[]; answers: Answers; onChange: (a: Answers) => void; errors: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <ol className="question-list">
      {items.map((item) => {
        const id = fieldId(form, `item.${item.linkId}`);
        const error = errors[`item.${item.linkId}`];
        return (
          <li key={item.linkId}>
            <Fieldset className="form-fieldset" id={id} tabIndex={-1} data-testid="question">
              <Fieldset.Legend>{item.text}</Fieldset.Legend>
              {item.required ? null : <Paragraph data-size="sm">{t('ui.form.optional')}</Paragraph>}
              {item.answerOption.map((o, i) => (
                <Radio key={i} id={`${id}-${i}`} name={id} value={String(o.score)} label={o.display}
                  checked={answers[item.linkId] === o.score} aria-invalid={error ? true : undefined}
                  onChange={() => onChange({ ...answers, [item.linkId]: o.score })} />
              ))}
              {error ? <ValidationMessage>{error}</ValidationMessage> : null}
            </Fieldset>
          </li>
        );
      })}
    </ol>
  );
}

/** The instrument's source and licence: shown on every use (the EPDS and AUDIT terms ask for it). */
export function Attribution({ source, licence }: { source: string; licence: string }) {
  const { t } = useI18n();
  return (
    <aside className="attribution" aria-label={t('questionnaires.ui.attribution')} data-testid="attribution">
      <Paragraph data-size="xs"><strong>{t('questionnaires.ui.source')}:</strong> {source}</Paragraph>
      <Paragraph data-size="xs"><strong>{t('questionnaires.ui.licence')}:</strong> {licence}</Paragraph>
    </aside>
  );
}
