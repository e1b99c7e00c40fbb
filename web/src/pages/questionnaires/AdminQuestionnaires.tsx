// The administrator's instruments (/admin/skjema): the built-in EPDS and AUDIT and the
// municipality's own, each with its items, thresholds, alert items, who answers it, its source and
// licence, and its versions. A new instrument or a new version is made in the editor
// (InstrumentEditor.tsx), field by field; the server checks it and says per field what is wrong,
// and publishing retires the version before. Each version can be read as its FHIR Questionnaire.
import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDateTime } from '../../../../common/i18n/index.ts';
import type { InstrumentsResponse, InstrumentVersionsResponse } from '../../../../common/contracts/questionnaires.ts';
import { Page } from '../../components/Page.tsx';
import { Collapsible, PageSection } from '../../components/PageSection.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { FhirView, InstrumentEditor } from './InstrumentEditor.tsx';

type Instrument = InstrumentsResponse['instruments'][number];

function Versions({ instrumentKey }: { instrumentKey: string }) {
  const { t, lang } = useI18n();
  const versions = useApiQuery<InstrumentVersionsResponse>(`/api/questionnaires/${instrumentKey}/versions`);
  if (!versions.data) return <QueryFallback query={versions} />;
  return (
    <ul className="plain-list" data-testid="instrument-versions">
      {versions.data.versions.map((v) => (
        <li key={v.version}>
          {t('questionnaires.admin.versionLine', { version: v.version, title: v.definition.title[lang] })}
          {v.createdAt ? ` · ${formatDateTime(v.createdAt)}` : ''}
          {v.retired ? <> <Tag data-color="neutral">{t('questionnaires.admin.retired')}</Tag></> : <> <Tag data-color="success">{t('questionnaires.admin.inUse')}</Tag></>}
          <Collapsible summary={t('questionnaires.editor.showFhirVersion', { version: v.version })}>
            <FhirView definition={v.definition} label={t('questionnaires.editor.showFhirVersion', { version: v.version })} />
          </Collapsible>
        </li>
      ))}
    </ul>
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
        <div className="facts__row"><dt>{t('questionnaires.admin.thresholds')}</dt><dd>{d.thresholds.length === 0 ? '–' : <ul className="threshold-list">{d.thresholds.map((th) => <li key={th.key}>{`${th.from}–${th.to}: ${th.text[lang]}`}</li>)}</ul>}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.admin.alerts')}</dt><dd>{alerts.length === 0 ? '–' : alerts.map((a) => t('questionnaires.admin.alertLine', { item: a.linkId, from: a.alertFrom! })).join(', ')}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.ui.source')}</dt><dd>{d.source[lang]}</dd></div>
        <div className="facts__row"><dt>{t('questionnaires.ui.licence')}</dt><dd>{d.licence[lang]}</dd></div>
      </dl>
      <Collapsible summary={t('questionnaires.admin.versions')}><Versions instrumentKey={i.key} /></Collapsible>
      {mayDefine && !i.builtIn ? <Collapsible summary={t('questionnaires.admin.newVersion')}><InstrumentEditor instrument={i} onDone={onDone} /></Collapsible> : null}
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
              <InstrumentEditor instrument={null} onDone={setMessage} />
            </PageSection>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
