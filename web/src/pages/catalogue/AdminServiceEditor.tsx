// The administrator's editor for one service: the facts, the texts in bokmål, nynorsk and English,
// and the rules (JSON) with a preview before publishing. Saving adds a draft version; publishing
// makes it the public one; the history lists every version and can load one back into the form.
import { Alert, Button, Checkbox, Details, Field, Fieldset, Heading, Label, Link, Paragraph, Table, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../../common/i18n/index.ts';
import { AUDIENCES, SITUATIONS, type Audience, type Situation } from '../../../../common/catalogue.ts';
import { LANGUAGES, type Language } from '../../../../common/roles.ts';
import { api, ApiError } from '../../api.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { fieldErrors, FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, LoadError, QueryFallback } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import type { Saved } from '../../../../common/contracts/shared.ts';
import { LANGUAGE_NAMES, useI18n } from '../../i18n.tsx';
import { useSituationName } from './parts.tsx';
import type { AdminGuide, AdminService, AdminVersion, PreviewResult, ServiceContent, ServiceTexts } from '../../../../common/contracts/catalogue.ts';

const FORM = 'service';
const id = (field: string) => `${FORM}-${field.replace(/\./g, '-')}`;
const TEXT_FIELDS = ['name', 'summary', 'audienceText', 'howTo', 'cost', 'openingHours', 'location', 'keywords'] as const;
const LONG_FIELDS: readonly string[] = ['summary', 'audienceText', 'howTo'];
const blankTexts: ServiceTexts = { name: '', summary: '', audienceText: '', howTo: '', cost: '', openingHours: '', location: '', keywords: '' };
const RULE_EXAMPLE = { suggestWhen: [{ situations: ['mental_health'], ageFrom: 6, ageTo: 23 }, { answers: { concern: ['mood'] }, audiences: ['child'] }] };

interface Values {
  slug: string;
  ageFrom: string;
  ageTo: string;
  audiences: Audience[];
  situations: Situation[];
  lowThreshold: boolean;
  phone: string;
  email: string;
  url: string;
  address: string;
  texts: Record<Language, ServiceTexts>;
  rules: string;
  changeNote: string;
}

const blank: Values = {
  slug: '', ageFrom: '', ageTo: '', audiences: [], situations: [], lowThreshold: false, phone: '', email: '', url: '', address: '',
  texts: { nb: blankTexts, nn: blankTexts, en: blankTexts }, rules: JSON.stringify({ suggestWhen: [] }, null, 2), changeNote: '',
};

function fromContent(content: ServiceContent, slug: string): Values {
  return {
    slug, ageFrom: content.ageFrom === null ? '' : String(content.ageFrom), ageTo: content.ageTo === null ? '' : String(content.ageTo),
    audiences: content.audiences, situations: content.situations, lowThreshold: content.lowThreshold, phone: content.phone ?? '',
    email: content.email ?? '', url: content.url ?? '', address: content.address ?? '', texts: content.texts,
    rules: JSON.stringify(content.rules, null, 2), changeNote: '',
  };
}

/** A whole number of years as a number; anything else as typed, so the server says what is wrong. */
function ageValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function toggle<T extends string>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/**
 * The rule document's problems name a path inside the JSON (rules.suggestWhen.1.ageTo); the form has
 * one text box for it, so they are shown together there and in the summary.
 */
function withRuleProblemsTogether(error: ApiError): ApiError {
  const rules = error.fields.filter((f) => f.field === 'rules' || f.field.startsWith('rules.'));
  if (rules.length === 0) return error;
  const others = error.fields.filter((f) => !(f.field === 'rules' || f.field.startsWith('rules.')));
  return new ApiError(error.status, error.code, error.message, [...others, { field: 'rules', message: rules.map((f) => f.message).join(' ') }]);
}

function RulesHelp({ guide }: { guide: AdminGuide | undefined }) {
  const { t, lang } = useI18n();
  const situationName = useSituationName();
  return (
    <Details className="rules-help">
      <Details.Summary>{t('catalogue.rulesHelp.heading')}</Details.Summary>
      <Details.Content>
        <Paragraph>{t('catalogue.rulesHelp.intro')}</Paragraph>
        <Paragraph>{t('catalogue.rulesHelp.fields')}</Paragraph>
        <Heading level={4} data-size="2xs">{t('catalogue.rulesHelp.audiences')}</Heading>
        <dl>
          {AUDIENCES.map((a) => (
            <div key={a} className="facts__row"><dt><code>{a}</code></dt><dd>{t(`catalogue.audience.${a}`)}</dd></div>
          ))}
        </dl>
        <Heading level={4} data-size="2xs">{t('catalogue.rulesHelp.situations')}</Heading>
        <dl>
          {SITUATIONS.map((s) => (
            <div key={s} className="facts__row"><dt><code>{s}</code></dt><dd>{situationName(s)}</dd></div>
          ))}
        </dl>
        <Heading level={4} data-size="2xs">{t('catalogue.rulesHelp.questions')}</Heading>
        {guide?.definition.questions.map((q) => (
          <dl key={q.id}>
            <div className="facts__row"><dt><code>{q.id}</code></dt><dd>{q.text[lang]}</dd></div>
            {q.options.map((o) => (
              <div key={o.value} className="facts__row"><dt><code>{`  ${o.value}`}</code></dt><dd>{o.text[lang]}</dd></div>
            ))}
          </dl>
        ))}
        <Heading level={4} data-size="2xs">{t('catalogue.rulesHelp.example')}</Heading>
        <pre>{JSON.stringify(RULE_EXAMPLE, null, 2)}</pre>
      </Details.Content>
    </Details>
  );
}

function Preview({ serviceId, rulesText, guide }: { serviceId: string | undefined; rulesText: string; guide: AdminGuide | undefined }) {
  const { t } = useI18n();
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [jsonError, setJsonError] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sample, setSample] = useState('');
  const [suggested, setSuggested] = useState<{ sample: string; list: PreviewResult['suggestions'] } | null>(null);

  const run = async (answersKey?: string) => {
    let rules: unknown;
    try {
      rules = JSON.parse(rulesText);
    } catch {
      setJsonError(true);
      setResult(null);
      return;
    }
    setJsonError(false);
    const chosen = guide?.samples.find((s) => s.key === answersKey);
    try {
      const response = await api.post<PreviewResult>('/api/admin/catalogue/preview', {
        ...(serviceId ? { serviceId } : {}), rules, ...(chosen ? { answers: chosen.answers } : {}),
      });
      setError(null);
      setResult(response);
      setSuggested(chosen && response.valid ? { sample: chosen.description, list: response.suggestions } : null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', ''));
    }
  };

  return (
    <div className="preview-panel">
      <div className="button-row">
        <Button type="button" variant="secondary" onClick={() => void run()}>{t('catalogue.preview.button')}</Button>
      </div>
      <div role="status" className="preview-panel">
        {jsonError ? (
          <Alert data-color="danger"><Paragraph>{t('catalogue.editor.rulesInvalidJson')}</Paragraph></Alert>
        ) : null}
        {error ? <LoadError error={error} /> : null}
        {result && !result.valid ? (
          <Alert data-color="danger">
            <Paragraph>{t('catalogue.preview.invalid')}</Paragraph>
            <ul>{result.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
          </Alert>
        ) : null}
        {result?.valid ? <Paragraph>{t('catalogue.preview.valid')}</Paragraph> : null}
      </div>
      {result?.valid ? (
        <>
          <TableScroll label={t('catalogue.preview.samplesCaption')}>
            <Table zebra className="data-table">
              <caption className="sr-only">{t('catalogue.preview.samplesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('catalogue.preview.colSample')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('catalogue.preview.colResult')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.samples.map((s) => (
                  <Table.Row key={s.key}>
                    <Table.Cell>{s.description}</Table.Cell>
                    <Table.Cell>{s.matches ? t('catalogue.preview.yes') : t('catalogue.preview.no')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <div className="button-row">
            <SelectField
              id="preview-sample"
              label={t('catalogue.preview.answerSet')}
              value={sample}
              onChange={setSample}
              placeholder={t('catalogue.preview.chooseSample')}
              options={(guide?.samples ?? []).map((s) => ({ value: s.key, label: s.description }))}
            />
            <Button type="button" variant="secondary" disabled={!sample} onClick={() => void run(sample)}>{t('catalogue.preview.showSuggestions')}</Button>
          </div>
          {suggested ? (
            <div role="status">
              <Paragraph>{t('catalogue.preview.suggestionsHeading', { sample: suggested.sample })}</Paragraph>
              {suggested.list.length ? (
                <ol>
                  {suggested.list.map((s) => (
                    <li key={s.id ?? 'draft'}>{s.thisService ? <strong>{`${s.name} (${t('catalogue.preview.thisService')})`}</strong> : s.name}</li>
                  ))}
                </ol>
              ) : <Paragraph>{t('catalogue.preview.none')}</Paragraph>}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function History({ service, onUse }: { service: AdminService; onUse: (version: number) => void }) {
  const { t } = useI18n();
  const when = (date: string | null, name: string | null) => (date ? t('catalogue.history.by', { date: formatDateTime(date), name: name ?? '–' }) : '–');
  return (
    <section className="page-section" aria-labelledby="service-history">
      <Heading level={2} data-size="sm" id="service-history">{t('catalogue.history.heading')}</Heading>
      <TableScroll label={t('catalogue.history.caption')}>
        <Table zebra className="data-table data-table--wide">
          <caption className="sr-only">{t('catalogue.history.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('catalogue.history.colVersion')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.history.colState')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.history.colSaved')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.history.colPublished')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.history.colNote')}</Table.HeaderCell>
              <Table.HeaderCell><span className="sr-only">{t('ui.common.actions')}</span></Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {service.history.map((h) => (
              <Table.Row key={h.version}>
                <Table.Cell>
                  <span className="cell-strong">{h.version}</span>
                  <span className="cell-meta">{h.name}</span>
                </Table.Cell>
                <Table.Cell>{t(`catalogue.history.state.${h.state}`)}</Table.Cell>
                <Table.Cell>{when(h.createdAt, h.createdBy)}</Table.Cell>
                <Table.Cell>{when(h.publishedAt, h.publishedBy)}</Table.Cell>
                <Table.Cell>{h.changeNote ?? '–'}</Table.Cell>
                <Table.Cell>
                  {h.version !== service.latestVersion ? (
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => onUse(h.version)}>
                      {t('catalogue.history.useAsBase', { version: h.version })}
                    </Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

export function AdminServiceEditorPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const situationName = useSituationName();
  const { id: serviceId } = useParams();
  const isNew = !serviceId;
  const loaded = useApiQuery<AdminService>(serviceId ? `/api/admin/catalogue/services/${serviceId}` : null);
  const guideLoaded = useApiQuery<AdminGuide>('/api/admin/catalogue/guide');
  const [values, setValues] = useState<Values>(blank);
  const write = useSubmit('service');
  // Rules that are not JSON, or an earlier version that could not be fetched: found without a write.
  const [local, setLocal] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const loadedVersion = useRef<number | null>(null);
  const error = local?.error ?? (write.error ? withRuleProblemsTogether(write.error) : null);
  const attempt = write.attempt + (local?.attempt ?? 0);
  const busy = write.busy;
  const errors = fieldErrors(error);
  const service = loaded.data;

  useEffect(() => {
    if (service && loadedVersion.current !== service.latestVersion) {
      loadedVersion.current = service.latestVersion;
      setValues(fromContent(service.latest.content, service.slug));
    }
  }, [service]);

  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setText = (lang: Language, field: keyof ServiceTexts, value: string) =>
    setValues((v) => ({ ...v, texts: { ...v.texts, [lang]: { ...v.texts[lang], [field]: value } } }));

  const textLabel = (field: keyof ServiceTexts) => t(`catalogue.editor.field.${field}`);
  const labelFor = (field: string): string | null => {
    const text = /^texts\.(nb|nn|en)\.(\w+)$/.exec(field);
    if (text) return t('catalogue.editor.fieldInLanguage', { field: textLabel(text[2] as keyof ServiceTexts), language: LANGUAGE_NAMES[text[1] as Language] });
    const labels: Record<string, string> = {
      slug: t('catalogue.editor.slug'), ageFrom: t('catalogue.editor.ageFrom'), ageTo: t('catalogue.editor.ageTo'), audiences: t('catalogue.editor.audiences'),
      situations: t('catalogue.editor.situations'), phone: t('catalogue.editor.phone'), email: t('catalogue.editor.email'), url: t('catalogue.editor.url'),
      address: t('catalogue.editor.address'), rules: t('catalogue.editor.rules'), changeNote: t('catalogue.editor.changeNote'),
    };
    return labels[field] ?? null;
  };

  const fail = (e: unknown) => {
    setMessage(null);
    setLocal((l) => ({ error: e instanceof ApiError ? withRuleProblemsTogether(e) : new ApiError(0, 'NETWORK', ''), attempt: (l?.attempt ?? 0) + 1 }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let rules: unknown;
    try {
      rules = JSON.parse(values.rules);
    } catch {
      fail(new ApiError(400, 'VALIDATION', t('ui.form.errorHeading'), [{ field: 'rules', message: t('catalogue.editor.rulesInvalidJson') }]));
      return;
    }
    const body = {
      ageFrom: ageValue(values.ageFrom), ageTo: ageValue(values.ageTo), audiences: values.audiences, situations: values.situations,
      lowThreshold: values.lowThreshold, phone: values.phone, email: values.email, url: values.url, address: values.address,
      texts: values.texts, rules, changeNote: values.changeNote,
    };
    setLocal(null);
    setMessage(null);
    if (isNew) {
      await write.send<Saved>({
        url: '/api/admin/catalogue/services', body: { slug: values.slug, ...body },
        onDone: (created) => void navigate(`/admin/tjenester/${created.id}`, { state: { created: true } }),
      });
      return;
    }
    await write.send<Saved>({
      method: 'PUT', url: `/api/admin/catalogue/services/${serviceId}`, body: { baseVersion: service!.latestVersion, ...body },
      onDone: (saved) => setMessage(t('catalogue.editor.saved', { version: saved.version })),
    });
  };

  const publish = async () => {
    if (!service) return;
    setLocal(null);
    setMessage(null);
    const version = service.latestVersion;
    await write.send({
      url: `/api/admin/catalogue/services/${service.id}/publish`, body: { version },
      onDone: () => setMessage(t('catalogue.editor.published', { version })),
    });
  };

  const loadVersion = async (version: number) => {
    try {
      const found = await api.get<AdminVersion>(`/api/admin/catalogue/services/${serviceId}/versions/${version}`);
      setValues(fromContent(found.content, service?.slug ?? ''));
      setLocal(null);
      setMessage(t('catalogue.history.loaded', { version }));
    } catch (e) {
      fail(e);
    }
  };

  const created = (location.state as { created?: boolean } | null)?.created === true;
  const title = isNew ? t('catalogue.editor.newTitle') : t('catalogue.editor.editTitle', { name: service?.latest.content.texts.nb.name ?? '' });
  const back = (
    <Paragraph className="back-link">
      <Link asChild><RouterLink to="/admin/tjenester">{t('catalogue.editor.back')}</RouterLink></Link>
    </Paragraph>
  );
  if (!isNew && !service) {
    return (
      <>
        {back}
        <QueryFallback query={loaded} />
      </>
    );
  }
  const isDraft = service ? service.publishedVersion === null || service.latestVersion > service.publishedVersion : false;
  const state = !service ? null
    : !isDraft ? t('catalogue.editor.statePublished', { version: service.latestVersion })
    : service.publishedVersion === null ? t('catalogue.editor.stateDraftNew', { version: service.latestVersion })
    : t('catalogue.editor.stateDraft', { version: service.latestVersion, published: service.publishedVersion });

  const group = <T extends string>(field: 'audiences' | 'situations', legend: string, options: readonly T[], label: (o: T) => string, chosen: T[], setChosen: (v: T[]) => void) => (
    <Fieldset className="form-fieldset" id={id(field)} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.map((o) => (
        <Checkbox key={o} id={id(`${field}-${o}`)} label={label(o)} value={o} checked={chosen.includes(o)} onChange={(e) => setChosen(toggle(chosen, o, e.target.checked))} />
      ))}
      {errors[field] ? <ValidationMessage>{errors[field]}</ValidationMessage> : null}
    </Fieldset>
  );

  return (
    <>
      {back}
      <Page title={title}>
        {state ? (
          <Alert data-color="info">
            <Paragraph>{state}</Paragraph>
            {service?.publishedVersion ? (
              <Paragraph><Link asChild><RouterLink to={`/tjenester/${service.slug}`}>{t('catalogue.editor.viewPublic')}</RouterLink></Link></Paragraph>
            ) : null}
          </Alert>
        ) : null}
        <LiveMessage>{message ?? (created && service?.latestVersion === 1 ? t('catalogue.editor.created') : null)}</LiveMessage>
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <FormErrors error={error} form={FORM} labelFor={labelFor} attempt={attempt} />
          <section className="form-section" aria-labelledby="service-basics">
            <Heading level={2} data-size="sm" id="service-basics">{t('catalogue.editor.basics')}</Heading>
            {isNew ? (
              <TextField id={id('slug')} label={t('catalogue.editor.slug')} description={t('catalogue.editor.slugHint')} width="medium" value={values.slug} onChange={set('slug')} error={errors.slug} />
            ) : (
              <Paragraph>{`${t('catalogue.editor.slug')}: /tjenester/${values.slug}`}</Paragraph>
            )}
            <div className="editor-grid">
              <TextField id={id('ageFrom')} label={t('catalogue.editor.ageFrom')} description={t('catalogue.editor.ageHint')} optional inputMode="numeric" width="short" value={values.ageFrom} onChange={set('ageFrom')} error={errors.ageFrom} />
              <TextField id={id('ageTo')} label={t('catalogue.editor.ageTo')} description={t('catalogue.editor.ageHint')} optional inputMode="numeric" width="short" value={values.ageTo} onChange={set('ageTo')} error={errors.ageTo} />
            </div>
            {group('audiences', t('catalogue.editor.audiences'), AUDIENCES, (a) => t(`catalogue.audience.${a}`), values.audiences, set('audiences'))}
            {group('situations', t('catalogue.editor.situations'), SITUATIONS, situationName, values.situations, set('situations'))}
            <Checkbox id={id('lowThreshold')} label={t('catalogue.editor.lowThreshold')} checked={values.lowThreshold} onChange={(e) => set('lowThreshold')(e.target.checked)} />
            <div className="editor-grid">
              <TextField id={id('phone')} label={t('catalogue.editor.phone')} optional type="tel" value={values.phone} onChange={set('phone')} error={errors.phone} />
              <TextField id={id('email')} label={t('catalogue.editor.email')} optional type="email" value={values.email} onChange={set('email')} error={errors.email} />
              <TextField id={id('url')} label={t('catalogue.editor.url')} optional value={values.url} onChange={set('url')} error={errors.url} />
              <TextField id={id('address')} label={t('catalogue.editor.address')} optional value={values.address} onChange={set('address')} error={errors.address} />
            </div>
          </section>

          <section className="form-section" aria-labelledby="service-texts">
            <Heading level={2} data-size="sm" id="service-texts">{t('catalogue.editor.textsHeading')}</Heading>
            <Paragraph>{t('catalogue.editor.textsIntro')}</Paragraph>
            {LANGUAGES.map((lang) => (
              <Fieldset key={lang} className="form-fieldset guardian-fieldset" id={id(`texts.${lang}`)} tabIndex={-1}>
                <Fieldset.Legend>{LANGUAGE_NAMES[lang]}</Fieldset.Legend>
                {TEXT_FIELDS.map((field) => {
                  const fieldPath = `texts.${lang}.${field}`;
                  if (LONG_FIELDS.includes(field)) {
                    return (
                      <Field key={field} className="form-field form-field--full">
                        <Label htmlFor={id(fieldPath)}>{textLabel(field)}</Label>
                        <Textarea id={id(fieldPath)} rows={3} lang={lang} value={values.texts[lang][field]} aria-invalid={errors[fieldPath] ? true : undefined} onChange={(e) => setText(lang, field, e.target.value)} />
                        {errors[fieldPath] ? <ValidationMessage>{errors[fieldPath]}</ValidationMessage> : null}
                      </Field>
                    );
                  }
                  return (
                    <TextField
                      key={field}
                      id={id(fieldPath)}
                      label={textLabel(field)}
                      description={field === 'keywords' ? t('catalogue.editor.keywordsHint') : undefined}
                      value={values.texts[lang][field]}
                      onChange={(v) => setText(lang, field, v)}
                      error={errors[fieldPath]}
                    />
                  );
                })}
              </Fieldset>
            ))}
          </section>

          <section className="form-section" aria-labelledby="service-rules-heading">
            <Heading level={2} data-size="sm" id="service-rules-heading">{t('catalogue.editor.rulesHeading')}</Heading>
            <RulesHelp guide={guideLoaded.data} />
            <Field className="form-field form-field--full rules-editor">
              <Label htmlFor={id('rules')}>{t('catalogue.editor.rules')}</Label>
              <Field.Description>{t('catalogue.editor.rulesHint')}</Field.Description>
              <Textarea id={id('rules')} rows={12} spellCheck={false} value={values.rules} aria-invalid={errors.rules ? true : undefined} onChange={(e) => set('rules')(e.target.value)} />
              {errors.rules ? <ValidationMessage>{errors.rules}</ValidationMessage> : null}
            </Field>
            <Preview serviceId={serviceId} rulesText={values.rules} guide={guideLoaded.data} />
          </section>

          <TextField id={id('changeNote')} label={t('catalogue.editor.changeNote')} optional value={values.changeNote} onChange={set('changeNote')} error={errors.changeNote} />
          <div className="button-row form-actions">
            <Button type="submit" disabled={busy}>{isNew ? t('catalogue.editor.create') : t('catalogue.editor.save')}</Button>
            {service && isDraft ? (
              <Button type="button" variant="secondary" disabled={busy} onClick={() => void publish()}>
                {t('catalogue.editor.publish', { version: service.latestVersion })}
              </Button>
            ) : null}
          </div>
        </form>
        {service ? <History service={service} onUse={(v) => void loadVersion(v)} /> : null}
      </Page>
    </>
  );
}
