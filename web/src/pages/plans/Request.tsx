// One request at Koordinerende enhet: who asks for what and why, how long it has waited, and the
// decision — grant (appointing a coordinator among the staff working with the child, who must
// accept) or refuse (the family is told of the right to complain) — with the reason. After a grant
// the unit sees the coordinator and can appoint another; it does not see the plan's content unless
// the family's consent names it.
import { Button, Fieldset, Heading, Link, Paragraph, Radio, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate } from '../../../../common/i18n/index.ts';
import type { PersonPlanResponse, PlanRequestResponse } from '../../../../common/contracts/plans.ts';
import { SelectField, TextAreaField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Facts } from '../../components/PersonFacts.tsx';
import { Page } from '../../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { ChangeCoordinator, CoordinatorPart } from './PlanPage.tsx';

const staffLabel = (s: { name: string; title: string | null; unitName: string | null }) => [s.name, s.title, s.unitName].filter(Boolean).join(', ');

function Decide({ request, onDone }: { request: PlanRequestResponse; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'granted' | 'refused' | ''>('');
  const [reason, setReason] = useState('');
  const [coordinatorStaffId, setCoordinator] = useState('');
  const form = useSubmit<PlanRequestResponse>('decision');
  const labels: Record<string, string> = { decision: t('plans.ui.decisionLegend'), reason: t('plans.ui.decisionReason'), coordinatorStaffId: t('plans.ui.coordinatorChoice') };
  const body = { decision: decision || undefined, reason, coordinatorStaffId: decision === 'granted' ? coordinatorStaffId || undefined : undefined, version: request.version };
  const chosen = request.candidates.find((c) => c.id === coordinatorStaffId);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/plan-requests/${request.id}/decision`, body, () => onDone(decision === 'granted' ? t('plans.ui.grantedMessage', { name: chosen?.name ?? '' }) : t('plans.ui.refusedMessage')))}>
      <Heading level={2} data-size="sm">{t('plans.ui.decideHeading')}</Heading>
      <FormErrors error={form.error} form="decision" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <Fieldset className="form-fieldset" id={form.id('decision')} tabIndex={-1}>
        <Fieldset.Legend>{t('plans.ui.decisionLegend')}</Fieldset.Legend>
        {(['granted', 'refused'] as const).map((d) => (
          <Radio key={d} id={form.id(`decision-${d}`)} name="plan-decision" value={d} label={t(`plans.ui.decide.${d}`)} checked={decision === d} onChange={() => setDecision(d)} />
        ))}
      </Fieldset>
      {decision === 'granted' ? (
        <SelectField id={form.id('coordinatorStaffId')} label={t('plans.ui.coordinatorChoice')} description={t('plans.ui.coordinatorChoiceHelp')} value={coordinatorStaffId} onChange={setCoordinator}
          placeholder={t('plans.ui.choose')} error={form.errors.coordinatorStaffId} options={request.candidates.map((c) => ({ value: c.id, label: staffLabel(c) }))} />
      ) : null}
      {decision === 'refused' ? <Paragraph data-size="sm">{t('plans.ui.refuseHelp')}</Paragraph> : null}
      <TextAreaField id={form.id('reason')} label={t('plans.ui.decisionReason')} value={reason} onChange={setReason} error={form.errors.reason} rows={3} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('plans.ui.decideSubmit')}</Button></div>
    </form>
  );
}

/** After a grant: the coordinator, and a new one appointed when needed. */
function Coordinator({ personId, onDone }: { personId: string; onDone: (message: string) => void }) {
  const status = useApiQuery<PersonPlanResponse>(`/api/people/${personId}/individual-plan`);
  if (!status.data) return <QueryFallback query={status} />;
  return (
    <>
      <CoordinatorPart data={status.data} onDone={onDone} />
      {status.data.abilities.appoint ? <section className="page-section"><ChangeCoordinator personId={personId} candidates={status.data.involvedStaff} onDone={onDone} /></section> : null}
    </>
  );
}

export function RequestPage() {
  const { t } = useI18n();
  const { requestId } = useParams();
  const [message, setMessage] = useState('');
  const query = useApiQuery<PlanRequestResponse>(requestId ? `/api/plan-requests/${encodeURIComponent(requestId)}` : null);
  const back = <p className="back-link"><Link asChild><RouterLink to="/koordinerende-enhet">{t('plans.ui.backToQueue')}</RouterLink></Link></p>;
  const r = query.data;
  if (!r) return <Page title={t('plans.ui.requestTitle')}>{back}<QueryFallback query={query} /></Page>;
  return (
    <Page title={t('plans.ui.requestTitleFor', { name: r.person.name })}>
      {back}
      <LiveMessage>{message || null}</LiveMessage>
      <section aria-labelledby="request-facts" className="page-section">
        <Heading level={2} data-size="sm" id="request-facts">{t(`plans.ui.kind.${r.kind}`)}</Heading>
        <p>
          {r.decision
            ? <Tag data-color={r.decision === 'granted' ? 'success' : 'danger'} data-testid="request-decision">{t(`plans.ui.decision.${r.decision}`)}</Tag>
            : <Tag data-color="warning">{t('plans.ui.waitingDays', { days: r.waitingDays })}</Tag>}
        </p>
        <Paragraph>{r.reason}</Paragraph>
        <Facts items={[
          [t('plans.ui.child'), `${r.person.name} (${formatDate(r.person.birthDate)})`],
          [t('plans.ui.askedBy'), t(r.requestedBy === 'family' ? 'plans.ui.byFamily' : 'plans.ui.byStaff', { name: r.requesterName })],
          [t('plans.ui.askedWhen'), formatDate(r.requestedAt)],
          ...(r.decidedAt ? [[t('plans.ui.decidedWhen'), `${formatDate(r.decidedAt)} · ${r.decidedBy ?? ''}`] as [string, string]] : []),
          ...(r.decisionReason ? [[t('plans.ui.decisionReason'), r.decisionReason] as [string, string]] : []),
        ]} />
      </section>
      {r.decision === null ? <section className="page-section"><Decide request={r} onDone={setMessage} /></section> : null}
      {r.decision === 'granted' ? <Coordinator personId={r.person.id} onDone={setMessage} /> : null}
    </Page>
  );
}
