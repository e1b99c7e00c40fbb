// A report to child welfare (bekymringsmelding) from the child's page: the national form's fields,
// prefilled with what the reporter already sees of the child and the guardians, and the duty to
// report in plain words: it overrides confidentiality and needs no consent.
import { Alert, Button, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { SendReportResponse } from '../../../../common/contracts/child-welfare.ts';
import { DateField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFallback } from '../../components/Status.tsx';
import { todayNorwegian, toIsoDate } from '../../dates.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import type { PersonDetails } from '../../../../common/contracts/people.ts';

const TEXTS = ['description', 'history', 'tried', 'childWords', 'otherServices'] as const;

function LongText({ id, label, value, onChange, error, optional }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; optional?: boolean }) {
  const { t } = useI18n();
  return (
    <Field className="form-field form-field--full">
      <Label htmlFor={id}>{optional ? `${label} ${t('ui.form.optional')}` : label}</Label>
      <Textarea id={id} rows={4} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

export function SendReportPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { me } = useSession();
  const person = useApiQuery<PersonDetails>(id ? `/api/people/${encodeURIComponent(id)}` : null);
  const [texts, setTexts] = useState<Record<(typeof TEXTS)[number], string>>({ description: '', history: '', tried: '', childWords: '', otherServices: '' });
  const [observedOn, setObservedOn] = useState(todayNorwegian());
  const [interpreter, setInterpreter] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [familyTold, setFamilyTold] = useState<boolean | null>(null);
  const [notToldReason, setNotToldReason] = useState('');
  const [legalBasis, setLegalBasis] = useState<'child_welfare_act' | 'health_personnel_act'>('child_welfare_act');
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<SendReportResponse | null>(null);
  const form = useSubmit<SendReportResponse>('child-welfare-report');
  const labels: Record<string, string> = {
    description: t('reports.form.description'), history: t('reports.form.history'), tried: t('reports.form.tried'), childWords: t('reports.form.childWords'),
    otherServices: t('reports.form.otherServices'), observedOn: t('reports.form.observedOn'), interpreter: t('reports.form.interpreter'), urgent: t('reports.form.urgency'),
    familyTold: t('reports.form.familyTold'), notToldReason: t('reports.form.notToldReason'), legalBasis: t('reports.form.legalBasis'), reporterPhone: t('reports.form.reporterPhone'),
  };
  const back = <p className="back-link"><Link asChild><RouterLink to={`/barn/${id ?? ''}`}>{t('ui.person.backToPeople')}</RouterLink></Link></p>;
  if (!person.data) {
    return (
      <Page title={t('reports.form.title')}>
        {back}
        <QueryFallback query={person} />
      </Page>
    );
  }
  const p = person.data;
  if (sent) {
    return (
      <Page title={t('reports.form.title')}>
        <Alert data-color="success" role="status">
          <Paragraph>{t('reports.form.sent', { reference: sent.reference })}</Paragraph>
          <Paragraph>{t('reports.form.sentDeadlines', { reviewBy: formatDate(sent.reviewBy), feedbackBy: formatDate(sent.feedbackBy) })}</Paragraph>
        </Alert>
        {sent.dutyServicePhone ? <Alert data-color="danger"><Paragraph>{t('reports.form.dutyPhone', { phone: sent.dutyServicePhone })}</Paragraph></Alert> : null}
        <p><Link asChild><RouterLink to="/mine-meldinger">{t('reports.form.toMine')}</RouterLink></Link></p>
      </Page>
    );
  }
  const body = {
    ...Object.fromEntries(TEXTS.map((k) => [k, texts[k]])), observedOn: toIsoDate(observedOn), interpreter, urgent,
    ...(familyTold === null ? {} : { familyTold }), notToldReason: familyTold === false ? notToldReason : undefined, legalBasis, reporterPhone: phone,
  };
  return (
    <Page title={t('reports.form.title')}>
      {back}
      <Alert data-color="info">
        <Heading level={2} data-size="xs">{t('reports.form.dutyHeading')}</Heading>
        <Paragraph>{t('reports.form.dutyText')}</Paragraph>
      </Alert>
      <form className="form" noValidate onSubmit={(e) => void form.run(e, `/api/people/${p.id}/child-welfare-reports`, body, setSent)}>
        <FormErrors error={form.error} form="child-welfare-report" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
        <section aria-labelledby="report-child" className="page-section">
          <Heading level={2} data-size="sm" id="report-child">{t('reports.form.child')}</Heading>
          <Paragraph>{p.givenName} {p.familyName} ({formatDate(p.birthDate)})</Paragraph>
          <Heading level={3} data-size="xs">{t('reports.form.guardians')}</Heading>
          {p.guardians.length ? (
            <ul className="plain-list">{p.guardians.map((g) => <li key={g.id}>{g.givenName} {g.familyName}{g.phone ? `, ${g.phone}` : ''}</li>)}</ul>
          ) : <Paragraph>{t('reports.form.noGuardians')}</Paragraph>}
          <Heading level={3} data-size="xs">{t('reports.form.reporter')}</Heading>
          <Paragraph>{me?.principal?.displayName}</Paragraph>
        </section>
        <TextField id={form.id('reporterPhone')} label={t('reports.form.reporterPhone')} type="tel" inputMode="tel" width="medium" value={phone} onChange={setPhone} error={form.errors.reporterPhone} />
        <Fieldset className="form-fieldset" id={form.id('legalBasis')} tabIndex={-1}>
          <Fieldset.Legend>{t('reports.form.legalBasis')}</Fieldset.Legend>
          {(['child_welfare_act', 'health_personnel_act'] as const).map((b) => (
            <Radio key={b} id={form.id(`legalBasis-${b}`)} name="report-basis" value={b} label={t(`reports.legalBasis.${b}`)} checked={legalBasis === b} onChange={() => setLegalBasis(b)} />
          ))}
        </Fieldset>
        <DateField id={form.id('observedOn')} label={t('reports.form.observedOn')} value={observedOn} onChange={setObservedOn} error={form.errors.observedOn} />
        {TEXTS.map((k) => (
          <LongText key={k} id={form.id(k)} label={labels[k]!} value={texts[k]} optional={k !== 'description'} error={form.errors[k]} onChange={(v) => setTexts((s) => ({ ...s, [k]: v }))} />
        ))}
        <TextField id={form.id('interpreter')} label={t('reports.form.interpreter')} optional width="medium" value={interpreter} onChange={setInterpreter} error={form.errors.interpreter} />
        <Fieldset className="form-fieldset" id={form.id('urgent')} tabIndex={-1}>
          <Fieldset.Legend>{t('reports.form.urgency')}</Fieldset.Legend>
          <Radio id={form.id('urgent-no')} name="report-urgent" value="no" label={t('reports.form.notUrgent')} checked={!urgent} onChange={() => setUrgent(false)} />
          <Radio id={form.id('urgent-yes')} name="report-urgent" value="yes" label={t('reports.form.urgent')} checked={urgent} onChange={() => setUrgent(true)} />
        </Fieldset>
        <Fieldset className="form-fieldset" id={form.id('familyTold')} tabIndex={-1}>
          <Fieldset.Legend>{t('reports.form.familyTold')}</Fieldset.Legend>
          <Radio id={form.id('familyTold-yes')} name="report-told" value="yes" label={t('reports.form.familyToldYes')} checked={familyTold === true} onChange={() => setFamilyTold(true)} />
          <Radio id={form.id('familyTold-no')} name="report-told" value="no" label={t('reports.form.familyToldNo')} checked={familyTold === false} onChange={() => setFamilyTold(false)} />
          {form.errors.familyTold ? <ValidationMessage>{form.errors.familyTold}</ValidationMessage> : null}
        </Fieldset>
        {familyTold === false ? (
          <Field className="form-field form-field--full">
            <Label htmlFor={form.id('notToldReason')}>{t('reports.form.notToldReason')}</Label>
            <Field.Description>{t('reports.form.notToldHelp')}</Field.Description>
            <Textarea id={form.id('notToldReason')} rows={3} value={notToldReason} aria-invalid={form.errors.notToldReason ? true : undefined} onChange={(e) => setNotToldReason(e.target.value)} />
            {form.errors.notToldReason ? <ValidationMessage>{form.errors.notToldReason}</ValidationMessage> : null}
          </Field>
        ) : null}
        <div className="button-row"><Button type="submit" disabled={form.busy}>{t('reports.form.send')}</Button></div>
      </form>
    </Page>
  );
}
