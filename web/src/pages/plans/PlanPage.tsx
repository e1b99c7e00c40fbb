// The individual plan for one person as staff see it at /barn/:id/plan: the coordinator (and the
// appointment waiting for the appointed staff user's answer), the requests and decisions, and the
// plan with the forms of those who write in it. Each form shows only when the API's abilities say so.
import { Alert, Button, Fieldset, Heading, Link, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { PersonPlanResponse, PlanView } from '../../../../common/contracts/plans.ts';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { FormErrors } from '../../components/FormErrors.tsx';
import { Page } from '../../components/Page.tsx';
import { Collapsible } from '../../components/PageSection.tsx';
import { CommentForm, CoordinatorCard, GoalForm, PlanContent, RequestForm, RequestList } from '../../components/plans/Plan.tsx';
import { ScheduleMeeting } from '../../components/teams/ScheduleMeeting.tsx';
import { LiveMessage, QueryFallback } from '../../components/Status.tsx';
import { toIsoDate } from '../../dates.ts';
import { useApiQuery, useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';

type Done = (message: string) => void;
const staffLabel = (s: { name: string; title: string | null; unitName: string | null }) => [s.name, s.title, s.unitName].filter(Boolean).join(', ');

function AnswerAppointment({ assignmentId, onDone }: { assignmentId: string; onDone: Done }) {
  const { t } = useI18n();
  const form = useSubmit('answer');
  const answer = (accept: boolean) => void form.run(null, `/api/coordinator-assignments/${assignmentId}/answer`, { accept }, () => onDone(t(accept ? 'plans.ui.accepted' : 'plans.ui.declined')));
  return (
    <Alert data-color="warning" data-testid="plan-appointment">
      <Paragraph>{t('plans.ui.appointedHelp')}</Paragraph>
      <FormErrors error={form.error} form="answer" labelFor={() => null} attempt={form.attempt} />
      <div className="button-row">
        <Button type="button" disabled={form.busy} onClick={() => answer(true)}>{t('plans.ui.accept')}</Button>
        <Button type="button" variant="secondary" disabled={form.busy} onClick={() => answer(false)}>{t('plans.ui.decline')}</Button>
      </div>
    </Alert>
  );
}

function CreatePlan({ personId, onDone }: { personId: string; onDone: Done }) {
  const { t } = useI18n();
  const [firstEvaluationOn, setFirst] = useState('');
  const form = useSubmit('createPlan');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${personId}/individual-plan`, firstEvaluationOn.trim() ? { firstEvaluationOn: toIsoDate(firstEvaluationOn) } : {}, () => onDone(t('plans.ui.planCreated')))}>
      <Heading level={2} data-size="sm">{t('plans.ui.createHeading')}</Heading>
      <Paragraph data-size="sm">{t('plans.ui.createHelp')}</Paragraph>
      <FormErrors error={form.error} form="createPlan" labelFor={(f) => (f === 'firstEvaluationOn' ? t('plans.ui.firstEvaluation') : null)} attempt={form.attempt} />
      <DateField id={form.id('firstEvaluationOn')} label={t('plans.ui.firstEvaluation')} optional value={firstEvaluationOn} onChange={setFirst} error={form.errors.firstEvaluationOn} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('plans.ui.createSubmit')}</Button></div>
    </form>
  );
}

function Contribution({ plan, staff, onDone }: { plan: PlanView; staff: PersonPlanResponse['involvedStaff']; onDone: Done }) {
  const { t } = useI18n();
  const [description, setDescription] = useState('');
  const [responsibleStaffId, setResponsible] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const form = useSubmit('contribution');
  const labels: Record<string, string> = { description: t('plans.ui.contribution'), responsibleStaffId: t('plans.ui.responsible'), startsOn: t('plans.ui.from'), endsOn: t('plans.ui.to') };
  const body = { description, responsibleStaffId: responsibleStaffId || undefined, startsOn: toIsoDate(startsOn), endsOn: endsOn.trim() ? toIsoDate(endsOn) : undefined, version: plan.version };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/individual-plans/${plan.id}/contributions`, body, () => { setDescription(''); setResponsible(''); setStartsOn(''); setEndsOn(''); onDone(t('plans.ui.contributionSaved')); })}>
      <FormErrors error={form.error} form="contribution" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <TextField id={form.id('description')} label={t('plans.ui.contribution')} value={description} onChange={setDescription} error={form.errors.description} />
      <SelectField id={form.id('responsibleStaffId')} label={t('plans.ui.responsible')} value={responsibleStaffId} onChange={setResponsible} placeholder={t('plans.ui.choose')} error={form.errors.responsibleStaffId}
        options={staff.map((s) => ({ value: s.id, label: staffLabel(s) }))} />
      <div className="form-row">
        <DateField id={form.id('startsOn')} label={t('plans.ui.from')} value={startsOn} onChange={setStartsOn} error={form.errors.startsOn} />
        <DateField id={form.id('endsOn')} label={t('plans.ui.to')} optional value={endsOn} onChange={setEndsOn} error={form.errors.endsOn} />
      </div>
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('plans.ui.contributionSubmit')}</Button></div>
    </form>
  );
}

function EvaluationDate({ plan, onDone }: { plan: PlanView; onDone: Done }) {
  const { t } = useI18n();
  const [dueOn, setDueOn] = useState('');
  const form = useSubmit('evaluationDate');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/individual-plans/${plan.id}/evaluations`, { dueOn: toIsoDate(dueOn), version: plan.version }, () => { setDueOn(''); onDone(t('plans.ui.evaluationDateSaved')); })}>
      <FormErrors error={form.error} form="evaluationDate" labelFor={(f) => (f === 'dueOn' ? t('plans.ui.evaluationDate') : null)} attempt={form.attempt} />
      <DateField id={form.id('dueOn')} label={t('plans.ui.evaluationDate')} value={dueOn} onChange={setDueOn} error={form.errors.dueOn} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('plans.ui.evaluationDateSubmit')}</Button></div>
    </form>
  );
}

const GOAL_STATUSES = ['open', 'achieved', 'partly', 'not_achieved'] as const;

/** The evaluation held: each own goal's status with the family's view of it. */
function EvaluationHeld({ plan, evaluationId, onDone }: { plan: PlanView; evaluationId: string; onDone: Done }) {
  const { t } = useI18n();
  const [goals, setGoals] = useState(() => Object.fromEntries(plan.goals.map((g) => [g.id, { status: g.status, familyView: g.familyView ?? '' }])));
  const form = useSubmit('evaluationHeld');
  const set = (id: string, change: Partial<{ status: (typeof GOAL_STATUSES)[number]; familyView: string }>) => setGoals((all) => ({ ...all, [id]: { ...all[id]!, ...change } }));
  const body = { goals: plan.goals.map((g) => ({ goalId: g.id, status: goals[g.id]?.status ?? g.status, familyView: goals[g.id]?.familyView || undefined })), version: plan.version };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/individual-plans/${plan.id}/evaluations/${evaluationId}/held`, body, () => onDone(t('plans.ui.evaluationSaved')))}>
      <Paragraph data-size="sm">{t('plans.ui.evaluationHelp')}</Paragraph>
      <FormErrors error={form.error} form="evaluationHeld" labelFor={() => null} attempt={form.attempt} />
      {plan.goals.map((g, i) => (
        <Fieldset key={g.id} className="form-fieldset">
          <Fieldset.Legend>{g.text}</Fieldset.Legend>
          {GOAL_STATUSES.map((s) => (
            <Radio key={s} id={form.id(`goal-${i}-${s}`)} name={`goal-${g.id}`} value={s} label={t(`plans.goalStatus.${s}`)} checked={goals[g.id]?.status === s} onChange={() => set(g.id, { status: s })} />
          ))}
          <TextAreaField id={form.id(`goals.${i}.familyView`)} label={t('plans.ui.familyView')} value={goals[g.id]?.familyView ?? ''} onChange={(v) => set(g.id, { familyView: v })} rows={2} />
        </Fieldset>
      ))}
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('plans.ui.evaluationSubmit')}</Button></div>
    </form>
  );
}

/** Koordinerende enhet appoints a new coordinator; the current one stays until the new one accepts. */
export function ChangeCoordinator({ personId, candidates, onDone }: { personId: string; candidates: { id: string; name: string; title: string | null; unitName: string | null }[]; onDone: Done }) {
  const { t } = useI18n();
  const [staffUserId, setStaffUserId] = useState('');
  const [reason, setReason] = useState('');
  const form = useSubmit('appoint');
  const chosen = candidates.find((c) => c.id === staffUserId);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${personId}/coordinator`, { staffUserId: staffUserId || undefined, reason: reason || undefined }, () => { setStaffUserId(''); setReason(''); onDone(t('plans.ui.appointed', { name: chosen?.name ?? '' })); })}>
      <Heading level={2} data-size="sm">{t('plans.ui.changeHeading')}</Heading>
      <Paragraph data-size="sm">{t('plans.ui.changeHelp')}</Paragraph>
      <FormErrors error={form.error} form="appoint" labelFor={(f) => (f === 'staffUserId' ? t('plans.ui.coordinatorChoice') : f === 'reason' ? t('plans.ui.changeReason') : null)} attempt={form.attempt} />
      <SelectField id={form.id('staffUserId')} label={t('plans.ui.coordinatorChoice')} value={staffUserId} onChange={setStaffUserId} placeholder={t('plans.ui.choose')} error={form.errors.staffUserId}
        options={candidates.map((c) => ({ value: c.id, label: staffLabel(c) }))} />
      <TextAreaField id={form.id('reason')} label={t('plans.ui.changeReason')} value={reason} onChange={setReason} error={form.errors.reason} rows={2} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('plans.ui.changeSubmit')}</Button></div>
    </form>
  );
}

/** The coordinator in office, or the appointment waiting for an answer: the part every reader of the plan's status sees. */
export function CoordinatorPart({ data, onDone }: { data: PersonPlanResponse; onDone: Done }) {
  const { t } = useI18n();
  const pending = data.pendingAppointment;
  return (
    <section aria-labelledby="plan-coordinator" className="page-section">
      <Heading level={2} data-size="sm" id="plan-coordinator">{t('plans.coordinator')}</Heading>
      {data.coordinator ? <CoordinatorCard coordinator={data.coordinator} family={false} /> : <Paragraph>{t('plans.noCoordinator')}</Paragraph>}
      {pending && !pending.mine ? <Paragraph data-testid="plan-pending">{t('plans.ui.waitingFor', { name: staffLabel(pending.coordinator) })}</Paragraph> : null}
      {pending?.mine ? <AnswerAppointment assignmentId={pending.id} onDone={onDone} /> : null}
    </section>
  );
}

export function PlanPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [message, setMessage] = useState('');
  const query = useApiQuery<PersonPlanResponse>(id ? `/api/people/${encodeURIComponent(id)}/individual-plan` : null);
  const back = <p className="back-link no-print"><Link asChild><RouterLink to={`/barn/${id ?? ''}`}>{t('plans.ui.backToPerson')}</RouterLink></Link></p>;
  const data = query.data;
  if (!data) return <Page title={t('plans.pdf.title')}>{back}<QueryFallback query={query} /></Page>;
  const plan = data.plan;
  const due = plan?.evaluations.find((e) => !e.doneOn);
  return (
    <Page title={t('plans.ui.titleFor', { name: data.person.name })}>
      {back}
      <LiveMessage>{message || null}</LiveMessage>
      <CoordinatorPart data={data} onDone={setMessage} />
      <section aria-labelledby="plan-requests-heading" className="page-section">
        <Heading level={2} data-size="sm" id="plan-requests-heading">{t('plans.ui.requests')}</Heading>
        {data.requests.length === 0 ? <Paragraph>{t('plans.ui.noRequests')}</Paragraph> : <RequestList requests={data.requests} />}
        {data.abilities.request ? <Collapsible summary={t('plans.ui.requestHeading')}><RequestForm personId={data.person.id} family={false} onSent={setMessage} /></Collapsible> : null}
      </section>
      {data.abilities.appoint && data.requests.some((r) => r.decision === 'granted') ? (
        <section className="page-section no-print"><ChangeCoordinator personId={data.person.id} candidates={data.involvedStaff} onDone={setMessage} /></section>
      ) : null}
      {!plan && data.abilities.createPlan ? <section className="page-section no-print"><CreatePlan personId={data.person.id} onDone={setMessage} /></section> : null}
      {data.planHidden ? <Alert data-color="info"><Paragraph>{t('plans.ui.planHidden')}</Paragraph></Alert> : null}
      {plan ? (
        <section aria-labelledby="plan-heading" className="page-section">
          <Heading level={2} data-size="sm" id="plan-heading">{t('plans.pdf.title')}</Heading>
          <PlanContent
            plan={plan}
            personId={data.person.id}
            family={false}
            meetingForm={data.abilities.scheduleMeeting ? (
              <div className="no-print">
                <Collapsible summary={t('plans.ui.meetings.call')} testId="plan-meeting-call">
                  <Paragraph data-size="sm">{t('plans.ui.meetings.callHelp')}</Paragraph>
                  <ScheduleMeeting formName="planMeeting" url={`/api/individual-plans/${plan.id}/meetings`} heading={t('plans.ui.meetings.title')} submit={t('plans.ui.meetings.submit')}
                    family={data.family} staff={data.involvedStaff} chair={data.coordinator ?? undefined} placeHint={t('plans.ui.meetings.placeHelp')} onDone={() => setMessage(t('plans.ui.meetings.called'))} />
                </Collapsible>
              </div>
            ) : null}
            goalForm={data.abilities.write ? <Collapsible summary={t('plans.ui.childGoalHeading')}><GoalForm plan={plan} family={false} onSaved={setMessage} /></Collapsible> : null}
            commentForm={data.abilities.write ? <CommentForm plan={plan} onSaved={setMessage} /> : null}
            extra={data.abilities.write ? (
              <div className="no-print">
                <Collapsible summary={t('plans.ui.contributionHeading')}><Contribution plan={plan} staff={data.involvedStaff} onDone={setMessage} /></Collapsible>
                <Collapsible summary={t('plans.ui.evaluationDateHeading')}><EvaluationDate plan={plan} onDone={setMessage} /></Collapsible>
                {due && plan.goals.length > 0 ? <Collapsible summary={t('plans.ui.evaluationHeading')}><EvaluationHeld key={`${due.id}:${plan.version}`} plan={plan} evaluationId={due.id} onDone={setMessage} /></Collapsible> : null}
              </div>
            ) : null}
          />
        </section>
      ) : null}
    </Page>
  );
}
