// The administrator's editor of an instrument version, field by field: the title, who answers, the
// items with their answer options and scores (added, removed, moved), subscales, thresholds with a
// text, a suggested measure and the action guide's step for a child and for a pregnancy (picked from
// the published guide), alert items, source and licence, each text in bokmål, nynorsk and English.
// It produces the FHIR Questionnaire the server stores; the server alone decides whether it holds
// (overlapping thresholds, scores that do not add up) and says so per field, so numbers typed here
// go to it as typed.
import { Button, Card, Checkbox, Fieldset, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { ReadGuideResponse } from '../../../../common/contracts/cases.ts';
import type { AnsweredBy, Definition, InstrumentsResponse } from '../../../../common/contracts/questionnaires.ts';
import type { Language } from '../../../../common/roles.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Collapsible } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';

type Instrument = InstrumentsResponse['instruments'][number];
type Texts = Record<Language, string>;
interface OptionDraft { score: string; display: Texts }
interface ItemDraft { linkId: string; text: Texts; required: boolean; subscale: string; alertFrom: string; answerOption: OptionDraft[] }
interface ThresholdDraft { key: string; from: string; to: string; text: Texts; measure: Texts; guideStep: string; pregnancyGuideStep: string }
interface Draft {
  title: Texts; intro: Texts; answeredBy: Definition['answeredBy']; source: Texts; licence: Texts;
  subscales: { key: string; title: Texts }[]; items: ItemDraft[]; thresholds: ThresholdDraft[]; alertText: Texts;
}

const LANGS: Language[] = ['nb', 'nn', 'en'];
// The contract's list, checked complete by the type (the web imports contracts as types only).
const ANSWERED_BY = Object.keys({ professional_with_person: true, person: true, staff_anonymous: true } satisfies Record<AnsweredBy, true>) as AnsweredBy[];
const blank = (): Texts => ({ nb: '', nn: '', en: '' });
const isBlank = (t: Texts) => LANGS.every((l) => t[l].trim() === '');
/** A whole number as typed becomes a number; anything else goes as typed, for the server to refuse by field. */
const asNumber = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s);
const stepValue = (s: { level: number; stepKey: string } | null | undefined) => (s ? `${s.level}:${s.stepKey}` : '');
const stepRef = (v: string) => {
  const [level, stepKey] = v.split(':');
  return v ? { level: Number(level), stepKey: stepKey! } : null;
};
/** The next key not yet taken, e.g. '4' after '1'–'3', or 't2'. */
const nextKey = (taken: string[], prefix = '') => {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
};
const newOption = (score: number): OptionDraft => ({ score: String(score), display: blank() });
const newItem = (taken: string[]): ItemDraft => ({ linkId: nextKey(taken), text: blank(), required: true, subscale: '', alertFrom: '', answerOption: [newOption(0), newOption(1)] });

function draftOf(d: Definition | null): Draft {
  if (!d) {
    return { title: blank(), intro: blank(), answeredBy: 'professional_with_person', source: blank(), licence: blank(), subscales: [], items: [newItem([])], thresholds: [], alertText: blank() };
  }
  return {
    title: d.title, intro: d.intro ?? blank(), answeredBy: d.answeredBy, source: d.source, licence: d.licence,
    subscales: d.scoring.subscales.map((s) => ({ key: s.key, title: s.title })),
    items: d.item.map((i) => ({
      linkId: i.linkId, text: i.text, required: i.required, subscale: i.subscale ?? '', alertFrom: i.alertFrom === undefined ? '' : String(i.alertFrom),
      answerOption: i.answerOption.map((o) => ({ score: String(o.score), display: o.display })),
    })),
    thresholds: d.thresholds.map((t) => ({
      key: t.key, from: String(t.from), to: String(t.to), text: t.text, measure: t.measure,
      guideStep: stepValue(t.guideStep), pregnancyGuideStep: stepValue(t.pregnancyGuideStep),
    })),
    alertText: d.alertText ?? blank(),
  };
}

/** The FHIR Questionnaire the draft stands for; empty optional texts are left out. */
function definitionOf(d: Draft): Definition {
  return {
    resourceType: 'Questionnaire', title: d.title, ...(isBlank(d.intro) ? {} : { intro: d.intro }), answeredBy: d.answeredBy, source: d.source, licence: d.licence,
    item: d.items.map((i) => ({
      linkId: i.linkId, text: i.text, required: i.required, ...(i.subscale ? { subscale: i.subscale } : {}),
      answerOption: i.answerOption.map((o) => ({ score: asNumber(o.score) as number, display: o.display })),
      ...(i.alertFrom.trim() ? { alertFrom: asNumber(i.alertFrom) as number } : {}),
    })),
    scoring: { rule: 'sum', subscales: d.subscales },
    thresholds: d.thresholds.map((t) => ({
      key: t.key, from: asNumber(t.from) as number, to: asNumber(t.to) as number, text: t.text, measure: t.measure,
      guideStep: stepRef(t.guideStep), ...(t.pregnancyGuideStep ? { pregnancyGuideStep: stepRef(t.pregnancyGuideStep) } : {}),
    })),
    ...(isBlank(d.alertText) ? {} : { alertText: d.alertText }),
  };
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved!);
  return copy;
};

export function InstrumentEditor({ instrument, onDone }: { instrument: Instrument | null; onDone: (message: string) => void }) {
  const { t, lang } = useI18n();
  const formName = `define-${instrument?.key ?? 'new'}`;
  const form = useSubmit(formName);
  const guide = useApiQuery<ReadGuideResponse>('/api/action-guide');
  const [key, setKey] = useState(instrument?.key ?? '');
  const [draft, setDraft] = useState<Draft>(() => draftOf(instrument?.definition ?? null));
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setItem = (n: number, change: Partial<ItemDraft>) => setDraft((d) => ({ ...d, items: d.items.map((i, k) => (k === n ? { ...i, ...change } : i)) }));
  const setThreshold = (n: number, change: Partial<ThresholdDraft>) => setDraft((d) => ({ ...d, thresholds: d.thresholds.map((x, k) => (k === n ? { ...x, ...change } : x)) }));
  const langName = (l: Language) => t(`cases.ui.guide.lang.${l}`);
  const e = form.errors;
  const id = form.id;

  /** One text in the three languages, side by side where there is room. */
  const texts = (path: string, label: string, value: Texts, onChange: (v: Texts) => void, optional = false) => (
    <Fieldset id={id(path)} className="lang-fields">
      <Fieldset.Legend>{optional ? `${label} ${t('ui.form.optional')}` : label}</Fieldset.Legend>
      <div className="lang-fields__row">
        {LANGS.map((l) => (
          <TextField key={l} id={id(`${path}.${l}`)} label={langName(l)} value={value[l]} onChange={(v) => onChange({ ...value, [l]: v })} error={e[`${path}.${l}`]} />
        ))}
      </div>
      {e[path] ? <ValidationMessage>{e[path]}</ValidationMessage> : null}
    </Fieldset>
  );

  // The published guide's steps a threshold may link to: the child guide's, and the pregnancy guide's.
  const stepOptions = (subject: 'child' | 'pregnancy', current: string) => {
    const steps = (guide.data?.steps ?? []).filter((s) => s.subject === subject);
    const options = steps.map((s) => ({ value: `${s.level}:${s.stepKey}`, label: t('questionnaires.ui.stepLine', { level: s.level, title: s.title[lang] }) }));
    // A step the guide no longer has is kept as it was written, for the server to judge.
    if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
    return options;
  };

  const labelFor = (field: string): string | null => {
    const parts = field.split('.');
    if (field === 'key') return t('questionnaires.admin.key');
    if (parts[0] !== 'definition') return null;
    const leaf = parts.filter((p) => !/^\d+$/.test(p) && !LANGS.includes(p as Language)).at(-1) ?? '';
    const language = LANGS.find((l) => parts.at(-1) === l);
    const where = parts[1] === 'item' && parts[2] ? `${t('questionnaires.editor.itemN', { n: Number(parts[2]) + 1 })}: ` : parts[1] === 'thresholds' && parts[2] ? `${t('questionnaires.editor.thresholdN', { n: Number(parts[2]) + 1 })}: ` : '';
    const leafLabel = leaf in FIELD_LABELS ? t(FIELD_LABELS[leaf as keyof typeof FIELD_LABELS]) : t('questionnaires.admin.definition');
    return `${where}${leafLabel}${language ? ` (${langName(language)})` : ''}`;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.send({ url: '/api/questionnaires', body: { key, definition: definitionOf(draft), basedOnVersion: instrument?.version ?? 0 }, onDone: () => onDone(t('questionnaires.admin.published')) });
  };

  const subscaleOptions = draft.subscales.map((s) => ({ value: s.key, label: s.title[lang] || s.key }));
  return (
    <form className="form instrument-editor" noValidate onSubmit={submit} data-testid="define-instrument">
      <FormErrors error={form.error} form={formName} labelFor={labelFor} attempt={form.attempt} />
      {instrument ? null : <TextField id={id('key')} label={t('questionnaires.admin.key')} description={t('questionnaires.admin.keyHint')} value={key} onChange={setKey} error={e.key} width="medium" />}
      {texts('definition.title', t('questionnaires.editor.title'), draft.title, (v) => set({ title: v }))}
      {texts('definition.intro', t('questionnaires.editor.intro'), draft.intro, (v) => set({ intro: v }), true)}
      <SelectField id={id('definition.answeredBy')} label={t('questionnaires.admin.answeredBy')} value={draft.answeredBy} error={e['definition.answeredBy']}
        onChange={(v) => set({ answeredBy: v as Definition['answeredBy'] })} options={ANSWERED_BY.map((a) => ({ value: a, label: t(`questionnaires.admin.answeredBy.${a}`) }))} />

      <Heading level={4} data-size="2xs">{t('questionnaires.editor.subscales')}</Heading>
      <Paragraph data-size="sm">{t('questionnaires.editor.subscalesHelp')}</Paragraph>
      {draft.subscales.map((s, n) => (
        <div key={s.key} className="instrument-editor__row">
          {texts(`definition.scoring.subscales.${n}.title`, t('questionnaires.editor.subscaleN', { n: n + 1 }), s.title, (v) => set({ subscales: draft.subscales.map((x, k) => (k === n ? { ...x, title: v } : x)) }))}
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => set({ subscales: draft.subscales.filter((_, k) => k !== n), items: draft.items.map((i) => (i.subscale === s.key ? { ...i, subscale: '' } : i)) })}>
            {t('questionnaires.editor.removeSubscale', { n: n + 1 })}
          </Button>
        </div>
      ))}
      <div className="button-row"><Button type="button" variant="secondary" data-size="sm" onClick={() => set({ subscales: [...draft.subscales, { key: nextKey(draft.subscales.map((s) => s.key), 's'), title: blank() }] })}>{t('questionnaires.editor.addSubscale')}</Button></div>

      <Heading level={4} data-size="2xs">{t('questionnaires.admin.items')}</Heading>
      <ol className="instrument-editor__list">
        {draft.items.map((item, n) => (
          <li key={item.linkId}>
            <Card className="instrument-editor__card" data-testid="editor-item">
              <Heading level={5} data-size="2xs">{t('questionnaires.editor.itemN', { n: n + 1 })}</Heading>
              {texts(`definition.item.${n}.text`, t('questionnaires.editor.text'), item.text, (v) => setItem(n, { text: v }))}
              <Checkbox id={id(`definition.item.${n}.required`)} label={t('questionnaires.editor.required')} checked={item.required} onChange={(ev) => setItem(n, { required: ev.target.checked })} />
              <Fieldset id={id(`definition.item.${n}.answerOption`)} className="lang-fields">
                <Fieldset.Legend>{t('questionnaires.editor.options')}</Fieldset.Legend>
                {item.answerOption.map((o, k) => (
                  <div key={k} className="instrument-editor__option" data-testid="editor-option">
                    <TextField id={id(`definition.item.${n}.answerOption.${k}.score`)} label={t('questionnaires.editor.score')} inputMode="numeric" width="short" value={o.score} error={e[`definition.item.${n}.answerOption.${k}.score`]}
                      onChange={(v) => setItem(n, { answerOption: item.answerOption.map((x, j) => (j === k ? { ...x, score: v } : x)) })} />
                    {LANGS.map((l) => (
                      <TextField key={l} id={id(`definition.item.${n}.answerOption.${k}.display.${l}`)} label={`${t('questionnaires.editor.optionText')} (${langName(l)})`} value={o.display[l]} error={e[`definition.item.${n}.answerOption.${k}.display.${l}`]}
                        onChange={(v) => setItem(n, { answerOption: item.answerOption.map((x, j) => (j === k ? { ...x, display: { ...x.display, [l]: v } } : x)) })} />
                    ))}
                    <Button type="button" variant="tertiary" data-size="sm" disabled={item.answerOption.length <= 2} onClick={() => setItem(n, { answerOption: item.answerOption.filter((_, j) => j !== k) })}>
                      {t('questionnaires.editor.removeOption', { n: k + 1 })}
                    </Button>
                  </div>
                ))}
                {e[`definition.item.${n}.answerOption`] ? <ValidationMessage>{e[`definition.item.${n}.answerOption`]}</ValidationMessage> : null}
                <div className="button-row">
                  <Button type="button" variant="secondary" data-size="sm" disabled={item.answerOption.length >= 12}
                    onClick={() => setItem(n, { answerOption: [...item.answerOption, newOption(Math.max(0, ...item.answerOption.map((o) => Number(o.score) || 0)) + 1)] })}>
                    {t('questionnaires.editor.addOption')}
                  </Button>
                </div>
              </Fieldset>
              {subscaleOptions.length ? (
                <SelectField id={id(`definition.item.${n}.subscale`)} label={t('questionnaires.editor.subscale')} optional value={item.subscale} placeholder={t('questionnaires.editor.noSubscale')} options={subscaleOptions}
                  error={e[`definition.item.${n}.subscale`]} onChange={(v) => setItem(n, { subscale: v })} />
              ) : null}
              <TextField id={id(`definition.item.${n}.alertFrom`)} label={t('questionnaires.editor.alertFrom')} description={t('questionnaires.editor.alertFromHint')} optional inputMode="numeric" width="short"
                value={item.alertFrom} error={e[`definition.item.${n}.alertFrom`]} onChange={(v) => setItem(n, { alertFrom: v })} />
              <div className="button-row">
                <Button type="button" variant="tertiary" data-size="sm" disabled={n === 0} onClick={() => set({ items: move(draft.items, n, n - 1) })}>{t('questionnaires.editor.moveUp', { n: n + 1 })}</Button>
                <Button type="button" variant="tertiary" data-size="sm" disabled={n === draft.items.length - 1} onClick={() => set({ items: move(draft.items, n, n + 1) })}>{t('questionnaires.editor.moveDown', { n: n + 1 })}</Button>
                <Button type="button" variant="tertiary" data-size="sm" disabled={draft.items.length <= 1} onClick={() => set({ items: draft.items.filter((_, k) => k !== n) })}>{t('questionnaires.editor.removeItem', { n: n + 1 })}</Button>
              </div>
            </Card>
          </li>
        ))}
      </ol>
      <div className="button-row"><Button type="button" variant="secondary" data-size="sm" disabled={draft.items.length >= 60} onClick={() => set({ items: [...draft.items, newItem(draft.items.map((i) => i.linkId))] })}>{t('questionnaires.editor.addItem')}</Button></div>

      <Heading level={4} data-size="2xs">{t('questionnaires.admin.thresholds')}</Heading>
      <Paragraph data-size="sm">{t('questionnaires.editor.thresholdsHelp')}</Paragraph>
      <ol className="instrument-editor__list">
        {draft.thresholds.map((th, n) => (
          <li key={th.key}>
            <Card className="instrument-editor__card" data-testid="editor-threshold">
              <Heading level={5} data-size="2xs">{t('questionnaires.editor.thresholdN', { n: n + 1 })}</Heading>
              <div className="instrument-editor__range">
                <TextField id={id(`definition.thresholds.${n}.from`)} label={t('questionnaires.editor.from')} inputMode="numeric" width="short" value={th.from} error={e[`definition.thresholds.${n}.from`]} onChange={(v) => setThreshold(n, { from: v })} />
                <TextField id={id(`definition.thresholds.${n}.to`)} label={t('questionnaires.editor.to')} inputMode="numeric" width="short" value={th.to} error={e[`definition.thresholds.${n}.to`]} onChange={(v) => setThreshold(n, { to: v })} />
              </div>
              {texts(`definition.thresholds.${n}.text`, t('questionnaires.editor.thresholdText'), th.text, (v) => setThreshold(n, { text: v }))}
              {texts(`definition.thresholds.${n}.measure`, t('questionnaires.editor.measure'), th.measure, (v) => setThreshold(n, { measure: v }))}
              <SelectField id={id(`definition.thresholds.${n}.guideStep`)} label={t('questionnaires.editor.guideStep')} optional value={th.guideStep} placeholder={t('questionnaires.editor.noStep')}
                options={stepOptions('child', th.guideStep)} error={e[`definition.thresholds.${n}.guideStep`]} onChange={(v) => setThreshold(n, { guideStep: v })} />
              <SelectField id={id(`definition.thresholds.${n}.pregnancyGuideStep`)} label={t('questionnaires.editor.pregnancyGuideStep')} optional value={th.pregnancyGuideStep} placeholder={t('questionnaires.editor.noStep')}
                options={stepOptions('pregnancy', th.pregnancyGuideStep)} error={e[`definition.thresholds.${n}.pregnancyGuideStep`]} onChange={(v) => setThreshold(n, { pregnancyGuideStep: v })} />
              <div className="button-row"><Button type="button" variant="tertiary" data-size="sm" onClick={() => set({ thresholds: draft.thresholds.filter((_, k) => k !== n) })}>{t('questionnaires.editor.removeThreshold', { n: n + 1 })}</Button></div>
            </Card>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button type="button" variant="secondary" data-size="sm" disabled={draft.thresholds.length >= 10}
          onClick={() => set({ thresholds: [...draft.thresholds, { key: nextKey(draft.thresholds.map((x) => x.key), 't'), from: '', to: '', text: blank(), measure: blank(), guideStep: '', pregnancyGuideStep: '' }] })}>
          {t('questionnaires.editor.addThreshold')}
        </Button>
      </div>

      {texts('definition.alertText', t('questionnaires.editor.alertText'), draft.alertText, (v) => set({ alertText: v }), !draft.items.some((i) => i.alertFrom.trim()))}
      {texts('definition.source', t('questionnaires.ui.source'), draft.source, (v) => set({ source: v }))}
      {texts('definition.licence', t('questionnaires.ui.licence'), draft.licence, (v) => set({ licence: v }))}

      <Collapsible summary={t('questionnaires.editor.showFhir')}>
        <FhirView definition={definitionOf(draft)} label={t('questionnaires.editor.showFhir')} />
      </Collapsible>
      <div className="button-row form-actions"><Button type="submit" disabled={form.busy}>{t(instrument ? 'questionnaires.admin.publishVersion' : 'questionnaires.admin.publishNew')}</Button></div>
    </form>
  );
}

/** A definition as its FHIR Questionnaire, read-only; the box scrolls, so it takes the keyboard's focus. */
export function FhirView({ definition, label }: { definition: Definition; label: string }) {
  return <pre className="fhir-json" data-testid="fhir-json" tabIndex={0} role="region" aria-label={label}>{JSON.stringify(definition, null, 2)}</pre>;
}

/** The label of a definition's field by its name in the path, for the error summary. */
const FIELD_LABELS = {
  title: 'questionnaires.editor.title', intro: 'questionnaires.editor.intro', answeredBy: 'questionnaires.admin.answeredBy',
  text: 'questionnaires.editor.text', required: 'questionnaires.editor.required', subscale: 'questionnaires.editor.subscale',
  subscales: 'questionnaires.editor.subscales', answerOption: 'questionnaires.editor.options', score: 'questionnaires.editor.score',
  display: 'questionnaires.editor.optionText', alertFrom: 'questionnaires.editor.alertFrom', from: 'questionnaires.editor.from',
  to: 'questionnaires.editor.to', measure: 'questionnaires.editor.measure', guideStep: 'questionnaires.editor.guideStep',
  pregnancyGuideStep: 'questionnaires.editor.pregnancyGuideStep', alertText: 'questionnaires.editor.alertText',
  source: 'questionnaires.ui.source', licence: 'questionnaires.ui.licence', item: 'questionnaires.admin.items', thresholds: 'questionnaires.admin.thresholds',
  linkId: 'questionnaires.editor.text', key: 'questionnaires.admin.key',
} as const;
