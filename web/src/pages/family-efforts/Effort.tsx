// One whole-family effort: the family, the reason, the effort leader, the services called in, and
// for each child whether that child's own consents open its log to the reader. The intake offers
// the effort to a leader, the leader accepts, calls in services and closes it with an evaluation —
// each button only when the API's abilities say so.
import { Alert, Button, Card, Fieldset, Heading, Link, Paragraph, Radio, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { EffortChanged, EffortDetails } from '../../../../common/contracts/family-efforts.ts';
import { EFFORT_OUTCOMES } from '../../../../common/family-efforts.ts';
import { SelectField, TextAreaField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { STATUS_COLOR } from './Efforts.tsx';

type Props = { effort: EffortDetails; onChange: (message: string) => void };

function Appoint({ effort, onChange }: Props) {
  const { t } = useI18n();
  const [staffUserId, setStaffUserId] = useState('');
  const form = useSubmit<EffortChanged>('appoint');
  const chosen = effort.leaderCandidates.find((c) => c.id === staffUserId);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/family-efforts/${effort.id}/leader`, { staffUserId: staffUserId || undefined, version: effort.version }, () => onChange(t('paths.efforts.appointed', { name: chosen?.name ?? '' })))}>
      <Heading level={2} data-size="sm">{t('paths.efforts.appointHeading')}</Heading>
      <Paragraph data-size="sm">{t('paths.efforts.appointHelp')}</Paragraph>
      <FormErrors error={form.error} form="appoint" labelFor={(f) => (f === 'staffUserId' ? t('paths.efforts.chooseLeader') : null)} attempt={form.attempt} />
      <SelectField id={form.id('staffUserId')} label={t('paths.efforts.chooseLeader')} value={staffUserId} onChange={setStaffUserId} placeholder={t('paths.efforts.choose')} error={form.errors.staffUserId}
        options={effort.leaderCandidates.map((c) => ({ value: c.id, label: [c.name, c.title, c.unitName].filter(Boolean).join(', ') }))} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('paths.efforts.appointSubmit')}</Button></div>
    </form>
  );
}

function Accept({ effort, onChange }: Props) {
  const { t } = useI18n();
  const form = useSubmit<EffortChanged>('accept');
  return (
    <Alert data-color="warning" data-testid="effort-offer">
      <Paragraph>{t('paths.efforts.acceptHelp')}</Paragraph>
      <FormErrors error={form.error} form="accept" labelFor={() => null} attempt={form.attempt} />
      <Button type="button" disabled={form.busy} onClick={() => void form.run(null, `/api/family-efforts/${effort.id}/accept`, { version: effort.version }, () => onChange(t('paths.efforts.accepted')))}>
        {t('paths.efforts.acceptSubmit')}
      </Button>
    </Alert>
  );
}

function CallIn({ effort, onChange }: Props) {
  const { t } = useI18n();
  const [staffUserId, setStaffUserId] = useState('');
  const form = useSubmit('callIn');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/family-efforts/${effort.id}/services`, { staffUserId: staffUserId || undefined }, () => { setStaffUserId(''); onChange(t('paths.efforts.calledIn')); })}>
      <Heading level={2} data-size="sm">{t('paths.efforts.callInHeading')}</Heading>
      <Paragraph data-size="sm">{t('paths.efforts.callInHelp')}</Paragraph>
      <FormErrors error={form.error} form="callIn" labelFor={(f) => (f === 'staffUserId' ? t('paths.efforts.callInStaff') : null)} attempt={form.attempt} />
      <SelectField id={form.id('staffUserId')} label={t('paths.efforts.callInStaff')} value={staffUserId} onChange={setStaffUserId} placeholder={t('paths.efforts.choose')} error={form.errors.staffUserId}
        options={effort.serviceCandidates.map((c) => ({ value: c.id, label: [c.name, c.title, c.unitName].filter(Boolean).join(', ') }))} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('paths.efforts.callInSubmit')}</Button></div>
    </form>
  );
}

function Close({ effort, onChange }: Props) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('');
  const [evaluation, setEvaluation] = useState('');
  const form = useSubmit<EffortChanged>('closeEffort');
  const labels: Record<string, string> = { outcome: t('paths.efforts.outcome'), evaluation: t('paths.efforts.evaluation') };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/family-efforts/${effort.id}/close`, { outcome: outcome || undefined, evaluation, version: effort.version }, () => onChange(t('paths.efforts.closed')))}>
      <Heading level={2} data-size="sm">{t('paths.efforts.closeHeading')}</Heading>
      <FormErrors error={form.error} form="closeEffort" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <Fieldset className="form-fieldset" id={form.id('outcome')} tabIndex={-1}>
        <Fieldset.Legend>{t('paths.efforts.outcome')}</Fieldset.Legend>
        {EFFORT_OUTCOMES.map((o) => (
          <Radio key={o} id={form.id(`outcome-${o}`)} name="effort-outcome" value={o} label={t(`paths.efforts.outcome.${o}`)} checked={outcome === o} onChange={() => setOutcome(o)} />
        ))}
        {form.errors.outcome ? <ValidationMessage>{form.errors.outcome}</ValidationMessage> : null}
      </Fieldset>
      <TextAreaField id={form.id('evaluation')} label={t('paths.efforts.evaluation')} value={evaluation} onChange={setEvaluation} error={form.errors.evaluation} rows={3} />
      <div className="button-row"><Button type="submit" variant="secondary" data-color="danger" disabled={form.busy}>{t('paths.efforts.closeSubmit')}</Button></div>
    </form>
  );
}

export function EffortPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [message, setMessage] = useState('');
  const query = useApiQuery<EffortDetails>(id ? `/api/family-efforts/${encodeURIComponent(id)}` : null);
  const e = query.data;
  const back = <p className="back-link"><Link asChild><RouterLink to="/niva2">{t('paths.efforts.back')}</RouterLink></Link></p>;
  if (!e) {
    return <Page title={t('paths.efforts.title')}>{back}<QueryFallback query={query} /></Page>;
  }
  const parents = e.members.filter((m) => m.role === 'parent');
  return (
    <Page title={t('paths.efforts.title')}>
      {back}
      <LiveMessage>{message || null}</LiveMessage>
      <p><Tag data-color={STATUS_COLOR[e.status]} data-testid="effort-status">{t(`paths.efforts.status.${e.status}`)}</Tag></p>
      {e.abilities.accept ? <Accept effort={e} onChange={setMessage} /> : null}
      <section aria-labelledby="effort-reason" className="page-section">
        <Heading level={2} data-size="sm" id="effort-reason">{t('paths.efforts.reason')}</Heading>
        <Paragraph>{e.reason}</Paragraph>
        <Paragraph data-size="sm">{t('paths.efforts.requestedBy')}: {e.requestedByFamily ? t('paths.efforts.requestedByFamily') : e.requestedBy ?? '–'} · {formatDate(e.requestedAt)}</Paragraph>
        {e.leader ? <Paragraph data-testid="effort-leader">{t('paths.efforts.leader')}: {[e.leader.name, e.leader.title, e.leader.unitName].filter(Boolean).join(', ')}</Paragraph> : null}
        {e.offeredTo ? <Paragraph>{t('paths.efforts.offeredTo', { name: e.offeredTo.name })}</Paragraph> : null}
        {e.closedAt && e.outcome ? <Alert data-color="info"><Paragraph>{t('paths.efforts.closedInfo', { date: formatDate(e.closedAt), outcome: t(`paths.efforts.outcome.${e.outcome}`) })}</Paragraph><Paragraph>{e.evaluation}</Paragraph></Alert> : null}
      </section>
      <section aria-labelledby="effort-family" className="page-section">
        <Heading level={2} data-size="sm" id="effort-family">{t('paths.efforts.family')}</Heading>
        <div className="card-grid">
          {[...parents, ...e.members.filter((m) => m.role === 'child')].map((m) => (
            <Card key={m.id} data-testid="effort-member">
              <Heading level={3} data-size="xs">{m.givenName} {m.familyName}</Heading>
              <Paragraph data-size="sm">{t(`paths.efforts.role.${m.role}`)} · {formatDate(m.birthDate)}</Paragraph>
              {m.role === 'child' ? (
                m.logOpen
                  ? <Paragraph data-size="sm">{t('paths.efforts.logOpen')} <Link asChild><RouterLink to={`/barn/${m.id}`}>{t('paths.efforts.openChild')}</RouterLink></Link></Paragraph>
                  : <Paragraph data-size="sm">{t('paths.efforts.logClosed')}</Paragraph>
              ) : null}
            </Card>
          ))}
        </div>
      </section>
      <section aria-labelledby="effort-services" className="page-section">
        <Heading level={2} data-size="sm" id="effort-services">{t('paths.efforts.services')}</Heading>
        {e.services.length === 0 ? <Paragraph>{t('paths.efforts.noServices')}</Paragraph> : (
          <ul className="plain-list">{e.services.map((s) => <li key={s.id}>{[s.name, s.title, s.unitName].filter(Boolean).join(', ')}</li>)}</ul>
        )}
      </section>
      {e.abilities.appoint ? <section className="page-section"><Appoint effort={e} onChange={setMessage} /></section> : null}
      {e.abilities.callIn ? <section className="page-section"><CallIn effort={e} onChange={setMessage} /></section> : null}
      {e.abilities.close ? <section className="page-section"><Close effort={e} onChange={setMessage} /></section> : null}
    </Page>
  );
}
