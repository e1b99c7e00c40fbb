// The administrator's instruments (/admin/skjema): the built-in EPDS and AUDIT and the
// municipality's own, each with its items, thresholds, alert items, who answers it, its source and
// licence, and its versions. A new instrument or a new version is written as its FHIR Questionnaire
// (the shape the server stores and a later export gives out); the server checks it and says per
// field what is wrong, and publishing retires the version before.
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../../common/i18n/index.ts';
import type { Definition, InstrumentsResponse, InstrumentVersionsResponse } from '../../../../common/contracts/questionnaires.ts';
import { Page } from '../../components/Page.tsx';
import { TextAreaField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Collapsible, PageSection } from '../../components/PageSection.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

type Instrument = InstrumentsResponse['instruments'][number];

/** A starting point for the municipality's own instrument: one item, one threshold. */
const TEMPLATE: Definition = {
  resourceType: 'Questionnaire',
  title: { nb: 'Nytt skjema', nn: 'Nytt skjema', en: 'New form' },
  answeredBy: 'professional_with_person',
  source: { nb: 'Fjordvik kommune', nn: 'Fjordvik kommune', en: 'Fjordvik municipality' },
  licence: { nb: 'Kommunens eget skjema.', nn: 'Kommunen sitt eige skjema.', en: 'The municipality\'s own form.' },
  item: [{
    linkId: '1', required: true,
    text: { nb: 'Spørsmål', nn: 'Spørsmål', en: 'Question' },
    answerOption: [{ score: 0, display: { nb: 'Nei', nn: 'Nei', en: 'No' } }, { score: 1, display: { nb: 'Ja', nn: 'Ja', en: 'Yes' } }],
  }],
  scoring: { rule: 'sum', subscales: [] },
  thresholds: [],
};

function DefineForm({ instrument, onDone }: { instrument: Instrument | null; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const formName = `define-${instrument?.key ?? 'new'}`;
  const [key, setKey] = useState(instrument?.key ?? '');
  const [text, setText] = useState(JSON.stringify(instrument?.definition ?? TEMPLATE, null, 2));
  const [parseError, setParseError] = useState(false);
  const form = useSubmit(formName);
  const labels: Record<string, string> = { key: t('questionnaires.admin.key'), definition: t('questionnaires.admin.definition') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch {
      setParseError(true);
      return;
    }
    setParseError(false);
    void form.send({ url: '/api/questionnaires', body: { key, definition, basedOnVersion: instrument?.version ?? 0 }, onDone: () => onDone(t('questionnaires.admin.published')) });
  };
  return (
    <form className="form" noValidate onSubmit={submit} data-testid="define-instrument">
      <FormErrors error={form.error} form={formName} labelFor={(f) => labels[f] ?? (f.startsWith('definition') ? `${labels.definition} (${f.replace(/^definition\.?/, '')})` : null)} attempt={form.attempt} />
      {instrument ? null : <TextField id={form.id('key')} label={labels.key!} description={t('questionnaires.admin.keyHint')} value={key} onChange={setKey} error={form.errors.key} width="medium" />}
      <TextAreaField id={form.id('definition')} label={labels.definition!} description={t('questionnaires.admin.definitionHint')} value={text} onChange={setText} rows={16}
        error={parseError ? t('questionnaires.admin.notJson') : form.errors.definition} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t(instrument ? 'questionnaires.admin.publishVersion' : 'questionnaires.admin.publishNew')}</Button></div>
    </form>
  );
}

function Versions({ instrumentKey }: { instrumentKey: string }) {
  const { t, lang } = useI18n();
  const versions = useApiQuery<InstrumentVersionsResponse>(`/api/questionnaires/${instrumentKey}/versions`);
  if (!versions.data) return <QueryFallback query={versions} />;
  return (
    <ol className="plain-list">
      {versions.data.versions.map((v) => (
        <li key={v.version}>
          {t('questionnaires.admin.versionLine', { version: v.version, title: v.definition.title[lang] })}
          {v.createdAt ? ` · ${formatDateTime(v.createdAt)}` : ''}
          {v.retired ? <> <Tag data-color="neutral">{t('questionnaires.admin.retired')}</Tag></> : <> <Tag data-color="success">{t('questionnaires.admin.inUse')}</Tag></>}
        </li>
      ))}
    </ol>
  );
}

function InstrumentCard({ instrument: i, mayDefine, onDone }: { instrument: Instrument; mayDefine: boolean; onDone: (m: string) => void }) {
  const { t, lang, tx } = useI18n();
  const d = i.definition;
  const alerts = d.item.filter((item) => item.alertFrom !== undefined);
  return (
    <Card className="entry-card" data-testid="instrument">
      <Heading level={3} data-size="xs">{d.title[lang]}</Heading>
      <p>
        <Tag data-color="info">{t('questionnaires.admin.version', { version: i.version })}</Tag>{' '}
        {i.builtIn ? <Tag data-color="neutral">{t('questionnaires.admin.builtIn')}</Tag> : null}
      </p>
      <dl className="facts">
        <div className="facts__row"><dt>{t('questionnaires.admin.answeredBy')}</dt><dd>{tx(`questionnaires.admin.answeredBy.${d.answeredBy}`, d.answeredBy)}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.admin.items')}</dt><dd>{t('questionnaires.admin.itemsLine', { n: d.item.length, max: i.maxScore })}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.admin.thresholds')}</dt><dd>{d.thresholds.length === 0 ? '–' : d.thresholds.map((th) => `${th.from}–${th.to}: ${th.text[lang]}`).join(' ')}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.admin.alerts')}</dt><dd>{alerts.length === 0 ? '–' : alerts.map((a) => t('questionnaires.admin.alertLine', { item: a.linkId, from: a.alertFrom! })).join(', ')}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.ui.source')}</dt><dd>{d.source[lang]}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.ui.licence')}</dt><dd>{d.licence[lang]}</dd></div>
      </dl>
      <Collapsible summary={t('questionnaires.admin.versions')}><Versions instrumentKey={i.key} /></Collapsible>
      {mayDefine && !i.builtIn ? <Collapsible summary={t('questionnaires.admin.newVersion')}><DefineForm instrument={i} onDone={onDone} /></Collapsible> : null}
    </Card>
  );
}

export function AdminQuestionnairesPage() {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const list = useApiQuery<InstrumentsResponse>('/api/questionnaires');
  return (
    <Page title={t('questionnaires.admin.title')}>
      <Paragraph>{t('questionnaires.admin.intro')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={list} />
      {list.data ? (
        <>
          <PageSection id="instruments" title={t('questionnaires.admin.listHeading')}>
            <div className="instrument-list">
              {list.data.instruments.map((i) => <InstrumentCard key={i.key} instrument={i} mayDefine={list.data!.abilities.define} onDone={setMessage} />)}
            </div>
          </PageSection>
          {list.data.abilities.define ? (
            <PageSection id="instrument-new" title={t('questionnaires.admin.newHeading')}>
              <Alert data-color="info"><Paragraph data-size="sm">{t('questionnaires.admin.newHelp')}</Paragraph></Alert>
              <DefineForm instrument={null} onDone={setMessage} />
            </PageSection>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
