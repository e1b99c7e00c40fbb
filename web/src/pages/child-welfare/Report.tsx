// One report for the intake: what it contains and its deadlines; acknowledge receipt, record the
// decision with the feedback to the reporter, the investigation's steps, and whether the family
// may see that it was sent. Each step names the version read, so two people cannot overwrite each other.
import { Alert, Button, Card, Fieldset, Heading, Link, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import type { ReportResponse } from '../../../../common/contracts/child-welfare.ts';
import { TextAreaField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { DeadlineDate } from './Queue.tsx';

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.filter(([, v]) => v !== null && v !== '').map(([term, value]) => (
        <div key={term} className="facts__row"><dt>{term}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}


function Decide({ report, onDone }: { report: ReportResponse; onDone: (r: ReportResponse) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState('');
  const [feedback, setFeedback] = useState('');
  const form = useSubmit<ReportResponse>('report-decision');
  return (
    <form className="form" noValidate onSubmit={(e) => void form.run(e, `/api/child-welfare/reports/${report.id}/decision`, { decision: decision || undefined, feedback, version: report.version }, onDone)}>
      <Heading level={2} data-size="sm">{t('reports.report.decisionHeading')}</Heading>
      <FormErrors error={form.error} form="report-decision" labelFor={(f) => (f === 'decision' ? t('reports.report.decision') : f === 'feedback' ? t('reports.report.feedback') : null)} attempt={form.attempt} />
      <Fieldset className="form-fieldset" id={form.id('decision')} tabIndex={-1}>
        <Fieldset.Legend>{t('reports.report.decision')}</Fieldset.Legend>
        {(['investigation', 'dismissed', 'referred'] as const).map((d) => (
          <Radio key={d} id={form.id(`decision-${d}`)} name="report-decision" value={d} label={t(`reports.decision.${d}`)} checked={decision === d} onChange={() => setDecision(d)} />
        ))}
        {form.errors.decision ? <ValidationMessage>{form.errors.decision}</ValidationMessage> : null}
      </Fieldset>
      <TextAreaField id={form.id('feedback')} label={t('reports.report.feedback')} description={t('reports.report.feedbackHelp')} value={feedback} onChange={setFeedback} error={form.errors.feedback} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('reports.report.saveDecision')}</Button></div>
    </form>
  );
}

function Investigation({ report, onDone }: { report: ReportResponse; onDone: (r: ReportResponse) => void }) {
  const { t } = useI18n();
  const [finalFeedback, setFinalFeedback] = useState('');
  const form = useSubmit<ReportResponse>('report-investigation');
  const url = `/api/child-welfare/reports/${report.id}/investigation`;
  return (
    <form className="form" noValidate onSubmit={(e) => void form.run(e, url, { step: 'end', finalFeedback, version: report.version }, onDone)}>
      <Heading level={2} data-size="sm">{t('reports.report.investigation')}</Heading>
      <FormErrors error={form.error} form="report-investigation" labelFor={(f) => (f === 'finalFeedback' ? t('reports.report.finalFeedback') : null)} attempt={form.attempt} />
      {!report.investigationExtended ? (
        <div className="button-row"><Button type="button" variant="secondary" disabled={form.busy} onClick={() => void form.run(null, url, { step: 'extend', version: report.version }, onDone)}>{t('reports.report.extend')}</Button></div>
      ) : null}
      <TextAreaField id={form.id('finalFeedback')} label={t('reports.report.finalFeedback')} value={finalFeedback} onChange={setFinalFeedback} error={form.errors.finalFeedback} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('reports.report.end')}</Button></div>
    </form>
  );
}

export function ReportPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const loaded = useApiQuery<ReportResponse>(id ? `/api/child-welfare/reports/${encodeURIComponent(id)}` : null);
  const [updated, setUpdated] = useState<ReportResponse | null>(null);
  const [message, setMessage] = useState('');
  const ack = useSubmit<ReportResponse>('report-acknowledge');
  const show = useSubmit<ReportResponse>('report-family');
  const r = updated ?? loaded.data;
  const back = <p className="back-link"><Link asChild><RouterLink to="/barnevern">{t('reports.report.back')}</RouterLink></Link></p>;
  if (!r) {
    return (
      <Page title={t('reports.queue.title')}>
        {back}
        <QueryFallback query={loaded} />
      </Page>
    );
  }
  const done = (text: string | ((next: ReportResponse) => string)) => (next: ReportResponse) => {
    setUpdated(next);
    setMessage(typeof text === 'string' ? text : text(next));
  };
  return (
    <Page title={t('reports.report.title', { reference: r.reference })}>
      {back}
      <LiveMessage>{message || null}</LiveMessage>
      <Paragraph>{t(`reports.status.${r.status}`)}{r.decision ? `: ${t(`reports.decision.${r.decision}`)}` : ''}</Paragraph>
      <section aria-labelledby="report-deadlines" className="page-section">
        <Heading level={2} data-size="sm" id="report-deadlines">{t('reports.report.deadlines')}</Heading>
        <Facts items={[
          [t('reports.queue.received'), formatDateTime(r.receivedAt)],
          [t('reports.queue.reviewBy'), <DeadlineDate date={r.reviewBy} overdue={r.reviewOverdue} />],
          [t('reports.queue.feedbackBy'), <DeadlineDate date={r.feedbackBy} overdue={r.feedbackOverdue} />],
          [t('reports.report.investigation'), r.investigationEndBy ? <DeadlineDate date={r.investigationEndBy} overdue={r.investigationOverdue} /> : null],
          [t('reports.report.delivery'), r.delivery ? t(`reports.delivery.${r.delivery.state}`) : null],
        ]} />
      </section>
      {!r.acknowledgedAt ? (
        <div className="button-row">
          <FormErrors error={ack.error} form="report-acknowledge" labelFor={() => null} attempt={ack.attempt} />
          <Button type="button" disabled={ack.busy} onClick={() => void ack.run(null, `/api/child-welfare/reports/${r.id}/acknowledge`, { version: r.version }, done((n) => t('reports.report.acknowledged', { date: formatDateTime(n.acknowledgedAt ?? n.receivedAt) })))}>{t('reports.report.acknowledge')}</Button>
        </div>
      ) : <Paragraph>{t('reports.report.acknowledged', { date: formatDateTime(r.acknowledgedAt) })}</Paragraph>}
      {!r.familyMaySee ? (
        <Alert data-color="warning">
          <Paragraph>{t('reports.report.familyHidden', { reason: r.notToldReason ?? '' })}</Paragraph>
          <Button type="button" variant="secondary" disabled={show.busy} onClick={() => void show.run(null, `/api/child-welfare/reports/${r.id}/family-visibility`, { familyMaySee: true, version: r.version }, done(t('reports.report.letFamilySee')))}>{t('reports.report.letFamilySee')}</Button>
        </Alert>
      ) : <Paragraph>{r.familyTold ? t('reports.report.familyTold') : null}</Paragraph>}
      <section aria-labelledby="report-content" className="page-section">
        <Heading level={2} data-size="sm" id="report-content">{t('reports.report.content')}</Heading>
        <Card className="entry-card">
          <Facts items={[
            [t('reports.form.child'), `${r.child.name} (${formatDate(r.child.birthDate)})`],
            [t('reports.form.guardians'), r.guardians.map((g) => g.name).join(', ')],
            [t('reports.form.reporter'), [r.reporter.name, r.reporter.role, r.reporter.unitName, r.reporter.phone, r.reporter.email].filter(Boolean).join(', ')],
            [t('reports.form.legalBasis'), t(`reports.legalBasis.${r.legalBasis}`)],
            [t('reports.form.observedOn'), formatDate(r.observedOn)],
            [t('reports.form.description'), r.description],
            [t('reports.form.history'), r.history],
            [t('reports.form.tried'), r.tried],
            [t('reports.form.childWords'), r.childWords],
            [t('reports.form.otherServices'), r.otherServices],
            [t('reports.form.interpreter'), r.interpreter],
          ]} />
          <p><Link href={`/api/child-welfare/reports/${r.id}/pdf`}>{t('reports.report.pdf')}</Link></p>
        </Card>
      </section>
      {r.acknowledgedAt && !r.decision ? <Decide report={r} onDone={done(t('reports.report.saveDecision'))} /> : null}
      {r.feedback ? (
        <section aria-labelledby="report-feedback" className="page-section">
          <Heading level={2} data-size="sm" id="report-feedback">{t('reports.report.feedback')}</Heading>
          <Paragraph>{r.feedback}</Paragraph>
        </section>
      ) : null}
      {r.decision === 'investigation' && !r.investigationEndedOn ? <Investigation report={r} onDone={done(t('reports.report.investigation'))} /> : null}
    </Page>
  );
}
