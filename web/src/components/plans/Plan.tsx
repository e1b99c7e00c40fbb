// The individual plan (individuell plan) as staff and the family both read it — the relay log's
// areas, goals and measures, the own goals, what each service contributes, the evaluation dates,
// comments and the visible history — and the small forms both sides write with. The staff page
// (pages/plans/PlanPage.tsx) and Min side (citizen/FamilyPlan.tsx) add what only they do; every
// button is shown from the API's abilities.
import { Button, Card, Heading, Link, Paragraph, Radio, Fieldset, Tag } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import type { PersonPlanResponse, PlanView } from '../../../../common/contracts/plans.ts';
import { PLAN_REQUEST_KINDS, type PlanRequestKind } from '../../../../common/plans.ts';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { TextAreaField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { Collapsible } from '../PageSection.tsx';
import { usePageReader } from '../citizen/reader.tsx';
import { MeetingRating } from '../citizen/MeetingRating.tsx';
import { GoalProgress } from '../GoalProgress.tsx';

type Coordinator = NonNullable<PersonPlanResponse['coordinator']>;
type Requests = PersonPlanResponse['requests'];

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(', ');

/** The coordinator and how to reach them. */
export function CoordinatorCard({ coordinator: c, family }: { coordinator: Coordinator; family: boolean }) {
  const { t } = useI18n();
  return (
    <Card className="person-card" data-testid="plan-coordinator">
      <Heading level={3} data-size="xs">{t(c.childCoordinator ? 'plans.ui.childCoordinatorIs' : 'plans.ui.coordinatorIs', { name: c.name })}</Heading>
      <Paragraph data-size="sm">{joined(c.title, c.unitName)}</Paragraph>
      {family ? <Paragraph>{t('plans.ui.coordinatorHelp', { name: c.name.split(' ')[0] ?? c.name })}</Paragraph> : null}
      <dl className="facts">
        <div className="facts__row"><dt>{t('plans.ui.email')}</dt><dd><Link href={`mailto:${c.email}`}>{c.email}</Link></dd></div>
        {c.phone ? <div className="facts__row"><dt>{t('plans.ui.phone')}</dt><dd><Link href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Link></dd></div> : null}
        <div className="facts__row"><dt>{t('plans.ui.since')}</dt><dd>{formatDate(c.since)}</dd></div>
      </dl>
    </Card>
  );
}

/** The requests and what was decided; a refusal says how to complain. */
export function RequestList({ requests }: { requests: Requests }) {
  const { t } = useI18n();
  if (requests.length === 0) return null;
  return (
    <ul className="plan-list" data-testid="plan-requests">
      {requests.map((r) => (
        <li key={r.id} className="entry-card">
          <Paragraph>
            <strong>{t(`plans.ui.kind.${r.kind}`)}</strong> · {t('plans.ui.askedOn', { date: formatDate(r.requestedAt) })}{' '}
            <Tag data-color={r.decision === 'granted' ? 'success' : r.decision === 'refused' ? 'danger' : 'warning'}>{t(`plans.ui.decision.${r.decision ?? 'waiting'}`)}</Tag>
          </Paragraph>
          <Paragraph data-size="sm">{r.reason}</Paragraph>
          {r.decisionReason ? <Paragraph data-size="sm">{t('plans.ui.decisionReason')}: {r.decisionReason}</Paragraph> : null}
          {r.decision === 'refused' ? <Paragraph data-size="sm">{t('plans.rightToComplain')}</Paragraph> : null}
        </li>
      ))}
    </ul>
  );
}

/** Asking for a plan and/or a coordinator with a short reason. */
export function RequestForm({ personId, family, onSent }: { personId: string; family: boolean; onSent: (message: string) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PlanRequestKind>('plan_and_coordinator');
  const [reason, setReason] = useState('');
  const form = useSubmit('planRequest');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${personId}/plan-requests`, { kind, reason }, () => { setReason(''); onSent(t('plans.ui.requestSent')); })}>
      <Paragraph data-size="sm">{t(family ? 'plans.ui.requestHelpFamily' : 'plans.ui.requestHelpStaff')}</Paragraph>
      <FormErrors error={form.error} form="planRequest" labelFor={(f) => (f === 'reason' ? t('plans.ui.requestReason') : f === 'kind' ? t('plans.ui.requestKind') : null)} attempt={form.attempt} />
      <Fieldset className="form-fieldset" id={form.id('kind')} tabIndex={-1}>
        <Fieldset.Legend>{t('plans.ui.requestKind')}</Fieldset.Legend>
        {PLAN_REQUEST_KINDS.map((k) => (
          <Radio key={k} id={form.id(`kind-${k}`)} name="plan-request-kind" value={k} label={t(`plans.ui.kind.${k}`)} checked={kind === k} onChange={() => setKind(k)} />
        ))}
      </Fieldset>
      <TextAreaField id={form.id('reason')} label={t('plans.ui.requestReason')} value={reason} onChange={setReason} error={form.errors.reason} rows={3} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('plans.ui.requestSubmit')}</Button></div>
    </form>
  );
}

/** An own goal: the family writes theirs or the child's; a professional writes down the child's. */
export function GoalForm({ plan, family, onSaved }: { plan: PlanView; family: boolean; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const [whose, setWhose] = useState<'family' | 'child'>(family ? 'family' : 'child');
  const [text, setText] = useState('');
  const form = useSubmit('planGoal');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/individual-plans/${plan.id}/goals`, { whose, text, version: plan.version }, () => { setText(''); onSaved(t('plans.ui.goalSaved')); })}>
      <Heading level={3} data-size="xs">{t('plans.ui.goalHeading')}</Heading>
      <FormErrors error={form.error} form="planGoal" labelFor={(f) => (f === 'text' ? t('plans.ui.goalText') : f === 'whose' ? t('plans.ui.goalWhose') : null)} attempt={form.attempt} />
      {family ? (
        <Fieldset className="form-fieldset" id={form.id('whose')} tabIndex={-1}>
          <Fieldset.Legend>{t('plans.ui.goalWhose')}</Fieldset.Legend>
          {(['family', 'child'] as const).map((w) => (
            <Radio key={w} id={form.id(`whose-${w}`)} name="plan-goal-whose" value={w} label={t(`plans.whose.${w}`)} checked={whose === w} onChange={() => setWhose(w)} />
          ))}
        </Fieldset>
      ) : null}
      <TextAreaField id={form.id('text')} label={t(family ? 'plans.ui.goalText' : 'plans.ui.childGoalText')} description={t(family ? 'plans.ui.goalTextHelp' : 'plans.ui.childGoalHelp')} value={text} onChange={setText} error={form.errors.text} rows={2} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('plans.ui.goalSubmit')}</Button></div>
    </form>
  );
}

export function CommentForm({ plan, onSaved }: { plan: PlanView; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const form = useSubmit('planComment');
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/individual-plans/${plan.id}/comments`, { body }, () => { setBody(''); onSaved(t('plans.ui.commentSaved')); })}>
      <FormErrors error={form.error} form="planComment" labelFor={(f) => (f === 'body' ? t('plans.ui.comment') : null)} attempt={form.attempt} />
      <TextAreaField id={form.id('body')} label={t('plans.ui.comment')} value={body} onChange={setBody} error={form.errors.body} rows={2} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('plans.ui.commentSubmit')}</Button></div>
    </form>
  );
}

function LogItems({ plan, personId, family }: { plan: PlanView; personId: string; family: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-log" className="plan-part" data-testid="plan-log-items">
      <Heading level={3} data-size="xs" id="plan-log">{t('plans.fromLog')}</Heading>
      {plan.logItems.length === 0 ? <Paragraph data-size="sm">{t('plans.nothingYet')}</Paragraph> : (
        <ul className="plan-list">
          {plan.logItems.map((i) => (
            <li key={i.entryKey} className="entry-card">
              <Paragraph><Tag data-color="neutral">{t(`plans.logKind.${i.kind}`)}</Tag> <strong>{i.title}</strong></Paragraph>
              {i.body ? <Paragraph data-size="sm">{i.body}</Paragraph> : null}
              {i.responsible ? <Paragraph data-size="sm">{t('plans.ui.responsibleIs', { name: joined(i.responsible.name, i.responsible.unitName) })}</Paragraph> : null}
              {i.startsOn || i.evaluateOn ? (
                <Paragraph data-size="sm">{joined(i.startsOn ? t('plans.ui.startsOn', { date: formatDate(i.startsOn) }) : null, i.evaluateOn ? t('plans.ui.evaluateOn', { date: formatDate(i.evaluateOn) }) : null)}</Paragraph>
              ) : null}
              {/* On Min side the relay log beside the plan already draws the log's goals' progress. */}
              {i.kind === 'goal' && !family ? <GoalProgress personId={personId} goalKey={i.entryKey} citizen={false} /> : null}
            </li>
          ))}
        </ul>
      )}
      {plan.hiddenLogItems > 0 ? <Paragraph data-size="sm">{t('plans.ui.hiddenLogItems', { count: plan.hiddenLogItems })}</Paragraph> : null}
    </section>
  );
}

/**
 * The plan's meetings (ansvarsgruppemøter): staff open a meeting's page, where its participants read
 * and the coordinator writes the minutes; the family gets the minutes and rates a closed meeting here.
 */
function PlanMeetings({ plan, family, callForm }: { plan: PlanView; family: boolean; callForm?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-meetings" className="plan-part" data-testid="plan-meetings">
      <Heading level={3} data-size="xs" id="plan-meetings">{t('plans.ui.meetings.heading')}</Heading>
      {plan.meetings.length === 0 ? <Paragraph data-size="sm">{t('plans.ui.meetings.none')}</Paragraph> : (
        <ul className="plan-list">
          {plan.meetings.map((m) => {
            const line = t('plans.ui.meetings.line', { when: formatDateTime(m.startsAt), place: m.place });
            return (
              <li key={m.id} className="entry-card" data-testid="plan-meeting">
                <Paragraph>
                  {family ? <strong>{line}</strong> : <Link asChild><RouterLink to={`/moter/${m.id}`}>{line}</RouterLink></Link>}{' '}
                  <Tag data-color={m.status === 'closed' ? 'success' : m.status === 'cancelled' ? 'neutral' : 'info'}>{t(`plans.ui.meetings.status.${m.status}`)}</Tag>
                </Paragraph>
                {m.status === 'closed' ? <Paragraph data-size="sm" className="no-print"><Link href={`/api/meetings/${m.id}/minutes.pdf`}>{t('meetings.ui.downloadMinutes')}</Link></Paragraph> : null}
                {family && m.status === 'closed' ? <MeetingRating meetingId={m.id} showHeading={false} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {callForm}
    </section>
  );
}

/** The plan as both sides read it, with the writers' forms placed where they write: own goals, comments, and `extra` before the comments. */
export function PlanContent({ plan, personId, family, goalForm, commentForm, meetingForm, extra }: { plan: PlanView; personId: string; family: boolean; goalForm?: ReactNode; commentForm?: ReactNode; meetingForm?: ReactNode; extra?: ReactNode }) {
  const { t, tx } = useI18n();
  const reader = usePageReader();
  return (
    <div className="plan" data-testid="plan">
      <Paragraph data-size="sm" data-testid="plan-version">
        {t('plans.ui.versionLine', { version: plan.version, date: formatDate(plan.createdAt) })}{' '}
        <Link href={`/api/individual-plans/${plan.id}/pdf`} download className="no-print">{t('plans.ui.downloadPdf')}</Link>
      </Paragraph>
      <Paragraph data-size="sm" data-testid="plan-confirmation">
        {plan.confirmed
          ? t('plans.confirmedBy', { name: plan.confirmed.by, date: formatDate(plan.confirmed.at), version: plan.confirmed.version })
          : t('plans.notConfirmed')}
        {plan.confirmed && !plan.confirmedCurrent ? ` ${t('plans.ui.changedSinceConfirmed')}` : ''}
      </Paragraph>
      {plan.afterCare.length ? (
        <section aria-labelledby="plan-after-care" className="plan-part" data-testid="plan-after-care">
          <Heading level={3} data-size="xs" id="plan-after-care">{t('plans.ui.afterCare.heading')}</Heading>
          <ul className="plan-list">
            {plan.afterCare.map((a) => <li key={a.id}>{t('plans.ui.afterCare.period', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })}</li>)}
          </ul>
          <Paragraph data-size="sm">{t('plans.ui.afterCare.help')}</Paragraph>
        </section>
      ) : null}
      <LogItems plan={plan} personId={personId} family={family} />
      <section aria-labelledby="plan-goals" className="plan-part" data-testid="plan-goals">
        <Heading level={3} data-size="xs" id="plan-goals">{!reader ? t('plans.ownGoals') : reader.self ? t('plans.ownGoalsSelf') : t('plans.ownGoalsNamed', { name: reader.name })}</Heading>
        {plan.goals.length === 0 ? <Paragraph data-size="sm">{t('plans.nothingYet')}</Paragraph> : (
          <ul className="plan-list">
            {plan.goals.map((g) => (
              <li key={g.id} className="entry-card">
                <Paragraph><Tag data-color={g.whose === 'child' ? 'info' : 'accent'}>{t(`plans.whose.${g.whose}`)}</Tag> {g.text}</Paragraph>
                <Paragraph data-size="sm">{t('plans.ui.goalMeta', { name: g.author.name, date: formatDate(g.writtenAt), status: t(`plans.goalStatus.${g.status}`) })}</Paragraph>
                {g.familyView ? <Paragraph data-size="sm">{t('plans.ui.familyView')}: {g.familyView}</Paragraph> : null}
                <GoalProgress personId={personId} goalKey={g.id} citizen={family} />
              </li>
            ))}
          </ul>
        )}
        {goalForm}
      </section>
      <section aria-labelledby="plan-contributions" className="plan-part" data-testid="plan-contributions">
        <Heading level={3} data-size="xs" id="plan-contributions">{t('plans.contributions')}</Heading>
        {plan.contributions.length === 0 ? <Paragraph data-size="sm">{t('plans.nothingYet')}</Paragraph> : (
          <ul className="plan-list">
            {plan.contributions.map((c) => (
              <li key={c.id} className="entry-card">
                <Paragraph><strong>{c.description}</strong></Paragraph>
                <Paragraph data-size="sm">{t('plans.ui.responsibleIs', { name: joined(c.responsible.name, c.responsible.unitName) })}</Paragraph>
                <Paragraph data-size="sm">{c.endsOn ? t('plans.ui.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) }) : t('plans.ui.startsOn', { date: formatDate(c.startsOn) })}</Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="plan-evaluations" className="plan-part">
        <Heading level={3} data-size="xs" id="plan-evaluations">{t('plans.evaluations')}</Heading>
        {plan.evaluations.length === 0 ? <Paragraph data-size="sm">{t('plans.nothingYet')}</Paragraph> : (
          <ul className="plan-list">
            {plan.evaluations.map((e) => (
              <li key={e.id}>{formatDate(e.dueOn)} · {e.doneOn ? t('plans.ui.evaluatedOn', { date: formatDate(e.doneOn) }) : t('plans.ui.evaluationPlanned')}</li>
            ))}
          </ul>
        )}
      </section>
      <PlanMeetings plan={plan} family={family} callForm={meetingForm} />
      {extra}
      <section aria-labelledby="plan-comments" className="plan-part">
        <Heading level={3} data-size="xs" id="plan-comments">{t('plans.ui.comments')}</Heading>
        {plan.comments.length === 0 ? <Paragraph data-size="sm">{t('plans.nothingYet')}</Paragraph> : (
          <ul className="plan-list">
            {plan.comments.map((c) => (
              <li key={c.id} className="entry-card">
                <Paragraph>{c.body}</Paragraph>
                <Paragraph data-size="sm">{c.author.name} · {formatDateTime(c.writtenAt)}</Paragraph>
              </li>
            ))}
          </ul>
        )}
        {commentForm}
      </section>
      <Collapsible summary={t('plans.ui.history')} testId="plan-history">
        <ul className="plan-list">
          {[...plan.history].reverse().map((h, i) => (
            <li key={i}>{t('plans.ui.historyLine', { version: h.version, what: tx(`plans.ui.what.${h.what}`, h.what), name: h.by, date: formatDateTime(h.at) })}</li>
          ))}
        </ul>
      </Collapsible>
    </div>
  );
}
