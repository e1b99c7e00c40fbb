// The municipality's action guide (handlingsveileder), edited by the administrator: the steps of each
// level in bokmål, nynorsk and English, each with links to handbook pages, routines and forms.
// Publishing makes a new version; earlier versions stay as they were.
import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import { SelectField, TextField } from '../components/Fields.tsx';
import { GUIDE_FORMS, handbookPath, type GuideForm } from '../../../common/handbook.ts';
import type { PageSearch } from '../../../common/contracts/handbook.ts';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../components/Status.tsx';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { ReadGuideResponse } from '../../../common/contracts/cases.ts';

type Texts = Record<Language, string>;
type Step = ReadGuideResponse['steps'][number];
type Guide = ReadGuideResponse;

const LANGS: Language[] = ['nb', 'nn', 'en'];
const empty = (): Texts => ({ nb: '', nn: '', en: '' });

export function AdminGuidePage() {
  const { t } = useI18n();
  const guide = useApiQuery<Guide>('/api/action-guide');
  // The published handbook pages a step may link to (publishing refuses a link to any other).
  const pages = useApiQuery<PageSearch>('/api/handbook/pages');
  const [steps, setSteps] = useState<Step[]>([]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const form = useSubmit<{ version: number }>('guide');
  useEffect(() => {
    if (guide.data) setSteps(guide.data.steps);
  }, [guide.data]);

  const update = (index: number, change: (s: Step) => Step) => setSteps((all) => all.map((s, i) => (i === index ? change(s) : s)));
  const langName = (l: Language) => t(`cases.ui.guide.lang.${l}`);
  const same = (text: string): Texts => ({ nb: text, nn: text, en: text });
  const addLink = (index: number, url: string, label: string) => update(index, (x) => (x.links.some((k) => k.url === url) ? x : { ...x, links: [...x.links, { label: same(label), url }] }));
  const pageOptions = (pages.data?.pages ?? []).map((p) => ({ value: p.slug, label: p.title }));
  const formOptions = (Object.keys(GUIDE_FORMS) as GuideForm[]).map((f) => ({ value: f, label: t(`handbook.guide.form.${f}`) }));

  return (
    <Page title={t('cases.ui.guide.title')}>
      <Paragraph>{t('cases.ui.guide.intro')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={guide} />
      {guide.data ? (
        <form className="form" noValidate onSubmit={(e) => void form.run(e, '/api/action-guide', { basedOnVersion: guide.data!.version ?? 0, note: note || undefined, steps }, (r) => {
          setMessage(t('cases.ui.guide.published', { version: r.version }));
          setNote('');
        })}>
          <Paragraph><Tag data-color="info">{t('cases.ui.guide.version', { version: guide.data.version ?? 0 })}</Tag></Paragraph>
          <FormErrors error={form.error} form="guide" labelFor={(f) => (f === 'steps' ? t('cases.ui.guide.steps') : f.startsWith('steps.') ? t('cases.ui.guide.stepN', { n: Number(f.split('.')[1]) + 1 }) : null)} attempt={form.attempt} />
          {[0, 1, 2, 3].map((level) => (
            <section key={level} aria-labelledby={`guide-level-${level}`} className="page-section">
              <Heading level={2} data-size="sm" id={`guide-level-${level}`}>{t('cases.ui.levelName', { level, name: t(`cases.ui.level${level}` as 'cases.ui.level0') })}</Heading>
              {steps.map((s, index) => (s.level !== level ? null : (
                <Card key={index} className="guide-step-editor" id={form.id(`steps.${index}`)}>
                  <Heading level={3} data-size="2xs">{t('cases.ui.guide.stepN', { n: index + 1 })}: {s.title.nb || '…'}{s.subject === 'pregnancy' ? <> <Tag data-color="info">{t('paths.ui.guide.pregnancyStep')}</Tag></> : null}</Heading>
                  <TextField id={form.id(`steps.${index}.stepKey`)} label={t('cases.ui.guide.key')} value={s.stepKey} width="medium" onChange={(v) => update(index, (x) => ({ ...x, stepKey: v }))} error={form.errors[`steps.${index}.stepKey`]} />
                  {LANGS.map((l) => (
                    <TextField key={`t-${l}`} id={form.id(`steps.${index}.title.${l}`)} label={`${t('cases.ui.title')} (${langName(l)})`} value={s.title[l]} onChange={(v) => update(index, (x) => ({ ...x, title: { ...x.title, [l]: v } }))} error={form.errors[`steps.${index}.title.${l}`]} />
                  ))}
                  {LANGS.map((l) => (
                    <TextField key={`b-${l}`} id={form.id(`steps.${index}.body.${l}`)} label={`${t('cases.ui.body')} (${langName(l)})`} optional value={s.body[l]} onChange={(v) => update(index, (x) => ({ ...x, body: { ...x.body, [l]: v } }))} error={form.errors[`steps.${index}.body.${l}`]} />
                  ))}
                  {s.links.map((link, li) => (
                    <fieldset key={li} className="form-fieldset guide-link">
                      <legend>{t('cases.ui.guide.linkN', { n: li + 1 })}</legend>
                      <TextField id={form.id(`steps.${index}.links.${li}.url`)} label={t('cases.ui.guide.url')} value={link.url} onChange={(v) => update(index, (x) => ({ ...x, links: x.links.map((k, j) => (j === li ? { ...k, url: v } : k)) }))} error={form.errors[`steps.${index}.links.${li}.url`]} />
                      {LANGS.map((l) => (
                        <TextField key={l} id={form.id(`steps.${index}.links.${li}.label.${l}`)} label={`${t('cases.ui.guide.linkText')} (${langName(l)})`} value={link.label[l]}
                          onChange={(v) => update(index, (x) => ({ ...x, links: x.links.map((k, j) => (j === li ? { ...k, label: { ...k.label, [l]: v } } : k)) }))} error={form.errors[`steps.${index}.links.${li}.label.${l}`]} />
                      ))}
                      <Button type="button" variant="tertiary" onClick={() => update(index, (x) => ({ ...x, links: x.links.filter((_, j) => j !== li) }))}>{t('cases.ui.guide.removeLink')}</Button>
                    </fieldset>
                  ))}
                  <div className="guide-link-pickers">
                    <SelectField id={`guide-page-${index}`} label={t('handbook.guide.pageLink')} value="" placeholder={t('handbook.guide.pageChoose')} options={pageOptions}
                      onChange={(slug) => { const p = pageOptions.find((o) => o.value === slug); if (p) addLink(index, handbookPath(p.value), p.label); }} />
                    <SelectField id={`guide-form-${index}`} label={t('handbook.guide.formLink')} value="" placeholder={t('handbook.guide.formChoose')} options={formOptions}
                      onChange={(f) => { const o = formOptions.find((x) => x.value === f); if (o) addLink(index, GUIDE_FORMS[o.value as GuideForm], o.label); }} />
                  </div>
                  <div className="button-row">
                    <Button type="button" variant="secondary" onClick={() => update(index, (x) => ({ ...x, links: [...x.links, { label: empty(), url: '' }] }))}>{t('cases.ui.guide.addLink')}</Button>
                    <Button type="button" variant="tertiary" onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}>{t('cases.ui.guide.removeStep')}</Button>
                  </div>
                </Card>
              )))}
              <div className="button-row">
                <Button type="button" variant="secondary" onClick={() => setSteps((all) => [...all, { level, subject: 'child', stepKey: '', title: empty(), body: empty(), links: [] }])}>{t('cases.ui.guide.addStep')}</Button>
              </div>
            </section>
          ))}
          <TextField id={form.id('note')} label={t('cases.ui.guide.note')} optional value={note} onChange={setNote} error={form.errors.note} />
          <div className="button-row form-actions"><Button type="submit" disabled={form.busy}>{t('cases.ui.guide.publish')}</Button></div>
        </form>
      ) : null}
      {guide.data ? (
        <section aria-labelledby="guide-versions" className="page-section">
          <Heading level={2} data-size="sm" id="guide-versions">{t('cases.ui.guide.versions')}</Heading>
          <ul className="plain-list">
            {guide.data.versions.map((v) => (
              <li key={v.version}>{t('cases.ui.guide.versionLine', { version: v.version, date: formatDateTime(v.publishedAt), name: v.publishedBy ?? '–' })}{v.note ? ` – ${v.note}` : ''}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
