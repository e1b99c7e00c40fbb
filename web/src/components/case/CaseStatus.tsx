// The case at a glance for everyone involved: its level and the action guide's steps for it, who
// holds the baton (stafettpinnen) and any handover waiting for an answer, the transition ahead, and
// — for the relay holder — handing over, planning the transition and closing.
import { Alert, Button, Card, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatDateTime } from '../../../../common/i18n/index.ts';
import { needsChild } from '../../../../common/handbook.ts';
import { todayNorwegian, toIsoDate, toIsoInstant } from '../../dates.ts';
import { useSubmit } from '../../query.tsx';
import { useI18n } from '../../i18n.tsx';
import { PAGE_PATHS } from '../../navigation.ts';
import { useSession } from '../../session.tsx';
import { DateField, SelectField, TextField } from '../Fields.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { LoadError } from '../Status.tsx';
import { useAllServiceUnits } from '../../serviceUnits.ts';
import { ReferralForm } from './Referral.tsx';
import { BirthForm } from './BirthForm.tsx';
import { EffortRequest } from './EffortRequest.tsx';
import { CategoryChecks } from './shared.tsx';
import type { CaseStatus as Status, Colleague } from '../../../../common/contracts/cases.ts';
import { PageSection } from '../PageSection.tsx';
import { usePageReader } from '../citizen/reader.tsx';

type Props = { status: Status; citizen: boolean; onChange: (message: string) => void };
type OpenCase = NonNullable<Status['case']>;

/** A step's link: handbook pages and the app's forms open in the app (a form for "the child" on this child), law and routines elsewhere as ordinary links. */
function StepLink({ url, label, personId }: { url: string; label: string; personId: string }) {
  const to = url.replace(':child', encodeURIComponent(personId));
  return to.startsWith('/') && !to.startsWith('/api/')
    ? <Link asChild><RouterLink to={to}>{label}</RouterLink></Link>
    : <Link href={to}>{label}</Link>;
}

function Steps({ c, personId, citizen, editable, onChange }: { c: OpenCase; personId: string; citizen: boolean; editable: boolean; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { error, send } = useSubmit('case-steps');
  // The box follows the click at once; the server's answer confirms it or puts it back.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const toggle = async (stepKey: string, done: boolean) => {
    setPending((p) => ({ ...p, [stepKey]: done }));
    const saved = await send({ url: `/api/cases/${c.id}/steps`, body: { level: c.level, stepKey, done }, onDone: () => onChange(t(done ? 'cases.ui.stepDone' : 'cases.ui.stepUndone')) });
    if (!saved) setPending(({ [stepKey]: _, ...rest }) => rest);
  };
  return (
    <section aria-labelledby="case-steps" className="page-section">
      <Heading level={3} data-size="xs" id="case-steps">{t('cases.ui.stepsHeading', { level: c.level })}</Heading>
      {error ? <LoadError error={error} /> : null}
      <ol className="guide-steps">
        {c.steps.map((s) => (
          <li key={s.stepKey} className="guide-step">
            {!editable || c.closedAt ? (
              <Paragraph><strong>{s.title}</strong>{s.done ? ` – ${t('cases.ui.doneBy', { name: s.done.by, date: formatDate(s.done.at) })}` : ''}</Paragraph>
            ) : (
              <Checkbox
                id={`step-${s.stepKey}`}
                label={s.title}
                description={s.done ? t('cases.ui.doneBy', { name: s.done.by, date: formatDate(s.done.at) }) : s.body}
                checked={pending[s.stepKey] ?? s.done !== null}
                onChange={(e) => void toggle(s.stepKey, e.target.checked)}
              />
            )}
            {s.links.length ? (
              <ul className="step-links">
                {/* The family is not sent to staff forms. */}
                {s.links.filter((l) => !(citizen && needsChild(l.url))).map((l) => (
                  <li key={l.url}><StepLink url={l.url} label={l.label} personId={personId} /></li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {/* The guide's steps are municipal content; the way to child welfare is the app's own, beside them for staff who may ask. */}
      {me?.pages.includes('cwConsult') ? (
        <Paragraph data-size="sm"><Link asChild><RouterLink to={PAGE_PATHS.cwConsult}>{t('reports.guide.consult')}</RouterLink></Link></Paragraph>
      ) : null}
    </section>
  );
}

function LevelForm({ c, onChange }: { c: OpenCase; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const [toLevel, setToLevel] = useState('');
  const [reason, setReason] = useState('');
  const form = useSubmit('level');
  const labels: Record<string, string> = { toLevel: t('cases.ui.newLevel'), reason: t('cases.ui.reason') };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${c.id}/level`, { toLevel: toLevel === '' ? undefined : Number(toLevel), reason, version: c.version }, () => {
      setReason('');
      setToLevel('');
      onChange(t('cases.ui.levelChanged'));
    })}>
      <FormErrors error={form.error} form="level" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <SelectField id={form.id('toLevel')} label={t('cases.ui.newLevel')} value={toLevel} onChange={setToLevel} placeholder={t('cases.ui.chooseLevel')}
        options={[0, 1, 2, 3].filter((l) => l !== c.level).map((l) => ({ value: String(l), label: t('cases.ui.levelName', { level: l, name: t(`cases.ui.level${l}` as 'cases.ui.level0') }) }))} error={form.errors.toLevel} />
      <Field className="form-field form-field--full">
        <Label htmlFor={form.id('reason')}>{t('cases.ui.reason')}</Label>
        <Textarea id={form.id('reason')} rows={2} value={reason} aria-invalid={form.errors.reason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
        {form.errors.reason ? <ValidationMessage>{form.errors.reason}</ValidationMessage> : null}
      </Field>
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.changeLevelSubmit')}</Button></div>
    </form>
  );
}

function HandoverForm({ c, colleagues, onChange }: { c: OpenCase; colleagues: Colleague[]; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const [toStaffId, setToStaffId] = useState('');
  const [message, setMessage] = useState('');
  const form = useSubmit('handover');
  const planned = c.transitions.find((tr) => tr.id === c.plannedTransitionId);
  const chosen = colleagues.find((s) => s.id === toStaffId);
  // A handover to the receiving unit of the planned transition completes that transition.
  const transitionId = planned && chosen && chosen.unitId === planned.toUnitId ? planned.id : undefined;
  const labels: Record<string, string> = { toStaffId: t('cases.ui.handoverTo'), message: t('cases.ui.message') };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${c.id}/handovers`, { toStaffId: toStaffId || undefined, message: message || undefined, transitionId }, () => {
      setToStaffId('');
      setMessage('');
      onChange(t('cases.ui.handoverRequested'));
    })}>
      <Paragraph data-size="sm">{t('cases.ui.handoverHelp')}</Paragraph>
      <FormErrors error={form.error} form="handover" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <SelectField id={form.id('toStaffId')} label={t('cases.ui.handoverTo')} value={toStaffId} onChange={setToStaffId} placeholder={t('cases.ui.chooseColleague')}
        options={colleagues.map((s) => ({ value: s.id, label: `${s.name}, ${s.unitName}` }))} error={form.errors.toStaffId} />
      <TextField id={form.id('message')} label={t('cases.ui.message')} optional value={message} onChange={setMessage} error={form.errors.message} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('cases.ui.handoverSubmit')}</Button></div>
    </form>
  );
}

function AnswerHandover({ handoverId, onChange }: { handoverId: string; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const form = useSubmit('answer');
  return (
    <div className="button-row">
      {form.error ? <LoadError error={form.error} /> : null}
      <Button type="button" disabled={form.busy} onClick={() => void form.run(null, `/api/handovers/${handoverId}/accept`, {}, () => onChange(t('cases.ui.handoverAccepted')))}>{t('cases.ui.accept')}</Button>
      <Button type="button" variant="secondary" disabled={form.busy} onClick={() => void form.run(null, `/api/handovers/${handoverId}/decline`, {}, () => onChange(t('cases.ui.handoverDeclined')))}>{t('cases.ui.decline')}</Button>
    </div>
  );
}

function TransitionPlan({ c, onChange }: { c: OpenCase; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const proposal = c.proposedTransition!;
  const [toUnitId, setToUnitId] = useState(proposal.enrolledUnitId ?? '');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const form = useSubmit('transition');
  const labels: Record<string, string> = { toUnitId: t('cases.ui.receivingUnit'), meetingAt: t('cases.ui.meetingDate'), meetingPlace: t('cases.ui.meetingPlace') };
  const meetingAt = date ? toIsoInstant(date, time || '09:00') : undefined;
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${c.id}/transitions`, { toUnitId: toUnitId || undefined, meetingAt, meetingPlace: place || undefined }, () => onChange(t('cases.ui.transitionPlanned')))}>
      <FormErrors error={form.error} form="transition" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <SelectField id={form.id('toUnitId')} label={t('cases.ui.receivingUnit')} value={toUnitId} onChange={setToUnitId} placeholder={t('cases.ui.chooseUnit')}
        options={proposal.suggestedUnits.map((u) => ({ value: u.id, label: u.name }))} error={form.errors.toUnitId} />
      <DateField id={form.id('meetingAt')} label={t('cases.ui.meetingDate')} optional value={date} onChange={setDate} error={form.errors.meetingAt} />
      <TextField id={form.id('meetingTime')} label={t('cases.ui.meetingTime')} optional width="short" value={time} onChange={setTime} description={t('cases.ui.timeHint')} />
      <TextField id={form.id('meetingPlace')} label={t('cases.ui.meetingPlace')} optional value={place} onChange={setPlace} error={form.errors.meetingPlace} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('cases.ui.planTransitionSubmit')}</Button></div>
    </form>
  );
}

/** A less frequent action, folded away until it is needed (the summary names it). */
function Panel({ title, open = false, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="action-panel" open={open || undefined}>
      <summary>{title}</summary>
      <div className="action-panel__body">{children}</div>
    </details>
  );
}

function EnrolmentForm({ personId, onChange }: { personId: string; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const units = useAllServiceUnits();
  const [unitId, setUnitId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const form = useSubmit('enrolment');
  const labels: Record<string, string> = { serviceUnitId: t('cases.ui.enrolmentUnit'), startsOn: t('cases.ui.startsOn') };
  const options = (units.items ?? []).filter((u) => u.active && ['health_station', 'kindergarten', 'school_primary', 'school_lower_secondary', 'school_upper_secondary'].includes(u.typeCode));
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${personId}/enrolments`, { serviceUnitId: unitId || undefined, startsOn: toIsoDate(startsOn) }, () => {
      setUnitId('');
      setStartsOn('');
      onChange(t('cases.ui.enrolled'));
    })}>
      <FormErrors error={form.error} form="enrolment" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <SelectField id={form.id('serviceUnitId')} label={t('cases.ui.enrolmentUnit')} value={unitId} onChange={setUnitId} placeholder={t('cases.ui.chooseUnit')}
        options={options.map((u) => ({ value: u.id, label: u.name }))} error={form.errors.serviceUnitId} />
      <DateField id={form.id('startsOn')} label={t('cases.ui.startsOn')} value={startsOn} onChange={setStartsOn} error={form.errors.startsOn} />
      <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('cases.ui.enrolSubmit')}</Button></div>
    </form>
  );
}

function CloseForm({ c, onChange }: { c: OpenCase; onChange: Props['onChange'] }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useSubmit('close');
  const labels: Record<string, string> = { reason: t('cases.ui.closeReason'), note: t('cases.ui.closeNote') };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/cases/${c.id}/close`, { reason: reason || undefined, note }, () => onChange(t('cases.ui.closed')))}>
      <Paragraph data-size="sm">{t('cases.ui.closeHelp')}</Paragraph>
      <FormErrors error={form.error} form="close" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <Fieldset className="form-fieldset" id={form.id('reason')} tabIndex={-1}>
        <Fieldset.Legend>{t('cases.ui.closeReason')}</Fieldset.Legend>
        {(['goals_reached', 'family_withdrew', 'moved', 'other'] as const).map((r) => (
          <Radio key={r} id={form.id(`reason-${r}`)} name="close-reason" value={r} label={t(`cases.ui.closeReason.${r}`)} checked={reason === r} onChange={() => setReason(r)} />
        ))}
        {form.errors.reason ? <ValidationMessage>{form.errors.reason}</ValidationMessage> : null}
      </Fieldset>
      <Field className="form-field form-field--full">
        <Label htmlFor={form.id('note')}>{t('cases.ui.closeNote')}</Label>
        <Textarea id={form.id('note')} rows={2} value={note} aria-invalid={form.errors.note ? true : undefined} onChange={(e) => setNote(e.target.value)} />
        {form.errors.note ? <ValidationMessage>{form.errors.note}</ValidationMessage> : null}
      </Field>
      <div className="button-row"><Button type="submit" variant="secondary" data-color="danger" disabled={form.busy}>{t('cases.ui.closeSubmit')}</Button></div>
    </form>
  );
}

export function WorryForm({ personId, onChange, titled = false }: { personId: string; onChange: Props['onChange']; titled?: boolean }) {
  const { t } = useI18n();
  const [categories, setCategories] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [noticedOn, setNoticedOn] = useState(todayNorwegian());
  const form = useSubmit('worry');
  const labels: Record<string, string> = { categories: t('cases.ui.signs'), description: t('cases.ui.worryText'), noticedOn: t('cases.ui.noticedOn') };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, '/api/worries', { personId, categories, description, noticedOn: toIsoDate(noticedOn) }, () => {
      setCategories([]);
      setDescription('');
      onChange(t('cases.ui.worryNoted'));
    })}>
      {titled ? <Heading level={3} data-size="xs">{t('cases.ui.noteWorry')}</Heading> : null}
      <Paragraph data-size="sm">{t('cases.ui.noteWorryHelp')}</Paragraph>
      <FormErrors error={form.error} form="worry" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      <CategoryChecks id={form.id('categories')} legend={t('cases.ui.signs')} values={categories} onChange={setCategories} error={form.errors.categories} />
      <Field className="form-field form-field--full">
        <Label htmlFor={form.id('description')}>{t('cases.ui.worryText')}</Label>
        <Textarea id={form.id('description')} rows={3} value={description} aria-invalid={form.errors.description ? true : undefined} onChange={(e) => setDescription(e.target.value)} />
        {form.errors.description ? <ValidationMessage>{form.errors.description}</ValidationMessage> : null}
      </Field>
      <DateField id={form.id('noticedOn')} label={t('cases.ui.noticedOn')} value={noticedOn} onChange={setNoticedOn} error={form.errors.noticedOn} />
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('cases.ui.noteWorrySubmit')}</Button></div>
    </form>
  );
}

export function CaseStatusSection({ status, citizen, onChange, colleagues }: Props & { colleagues: Colleague[] }) {
  const { t, tx } = useI18n();
  const reader = usePageReader();
  const c = status.case;
  const may = status.abilities;
  const birth = may.registerBirth ? <BirthForm motherId={status.person.id} familyName={status.person.familyName} onChange={onChange} /> : null;
  if (!c) {
    return (
      <>
      {birth}
      <PageSection id="case-heading" title={t('cases.ui.caseHeading')}>
        <Paragraph>{!citizen || !reader ? t('cases.ui.noCase') : reader.self ? t('cases.ui.citizenNoCaseSelf') : t('cases.ui.citizenNoCase', { name: reader.name })}</Paragraph>
        {may.changeStatus || may.refer || may.requestEffort ? (
          <div className="case-actions">
            {may.changeStatus ? <WorryForm personId={status.person.id} onChange={onChange} titled /> : null}
            {may.refer ? <Panel title={t('meetings.ui.referHeading')}><ReferralForm personId={status.person.id} onChange={onChange} /></Panel> : null}
            {may.requestEffort && !citizen ? <Panel title={t('paths.efforts.requestHeading')}><EffortRequest personId={status.person.id} onChange={onChange} /></Panel> : null}
          </div>
        ) : null}
      </PageSection>
      </>
    );
  }
  const open = !c.closedAt;
  const planned = c.transitions.find((tr) => tr.id === c.plannedTransitionId);
  return (
    <>
    {birth}
    <PageSection id="case-heading" title={t('cases.ui.caseHeading')}>
      <Card className="case-summary" data-testid="case-summary">
        <dl className="facts">
          <div className="facts__row"><dt>{t('cases.ui.level')}</dt><dd><Tag data-color="info">{t('cases.ui.levelName', { level: c.level, name: t(`cases.ui.level${c.level}` as 'cases.ui.level0') })}</Tag></dd></div>
          <div className="facts__row"><dt>{t('cases.ui.relayHolder')}</dt><dd data-testid="relay-holder">{`${c.relayHolder.name}${c.relayHolder.unitName ? `, ${c.relayHolder.unitName}` : ''}`}</dd></div>
          <div className="facts__row"><dt>{t('cases.ui.stage')}</dt><dd>{tx(`cases.ui.stage.${status.stage}`, status.stage)}</dd></div>
          <div className="facts__row"><dt>{t('cases.ui.opened')}</dt><dd>{formatDate(c.openedAt)}</dd></div>
        </dl>
      </Card>
      {c.closedAt ? (
        <Alert data-color="info">
          <Paragraph>{t('cases.ui.closedInfo', { date: formatDate(c.closedAt), reason: t(`cases.ui.closeReason.${c.closeReason ?? 'other'}` as 'cases.ui.closeReason.other'), until: c.retainUntil ? formatDate(c.retainUntil) : '–' })}</Paragraph>
          {c.closeNote ? <Paragraph>{c.closeNote}</Paragraph> : null}
        </Alert>
      ) : null}
      {c.pendingHandover ? (
        <Alert data-color="warning" data-testid="pending-handover">
          <Paragraph>{t(c.pendingHandover.forMe ? 'cases.ui.handoverForYou' : 'cases.ui.handoverWaiting', { from: c.relayHolder.name, to: c.pendingHandover.to.name, date: formatDate(c.pendingHandover.requestedAt) })}</Paragraph>
          {c.pendingHandover.message ? <Paragraph>«{c.pendingHandover.message}»</Paragraph> : null}
          {may.answerHandover ? <AnswerHandover handoverId={c.pendingHandover.id} onChange={onChange} /> : null}
        </Alert>
      ) : null}
      {c.proposedTransition && !citizen ? (
        <Alert data-color="info" data-testid="proposed-transition">
          <Paragraph>{t(c.proposedTransition.because === 'enrolment' ? 'cases.ui.transitionByEnrolment' : 'cases.ui.transitionByAge', {
            to: tx(`cases.ui.stage.${c.proposedTransition.toStage}`, c.proposedTransition.toStage), date: formatDate(c.proposedTransition.dueOn),
          })}</Paragraph>
        </Alert>
      ) : null}
      {c.transitions.length ? (
        <section aria-labelledby="case-transitions">
          <Heading level={3} data-size="xs" id="case-transitions">{t('cases.ui.transitions')}</Heading>
          <ul className="plain-list">
            {c.transitions.map((tr) => (
              <li key={tr.id}>
                {t('cases.ui.transitionLine', { from: tx(`cases.ui.stage.${tr.fromStage}`, tr.fromStage), to: tx(`cases.ui.stage.${tr.toStage}`, tr.toStage), unit: tr.toUnitName, date: formatDate(tr.dueOn) })}
                {' '}<Tag data-color={tr.status === 'completed' ? 'success' : 'neutral'}>{t(`cases.ui.transitionStatus.${tr.status}` as 'cases.ui.transitionStatus.planned')}</Tag>
                {tr.meetingAt ? <Paragraph data-size="sm">{t('cases.ui.transferMeeting', { when: formatDateTime(tr.meetingAt), place: tr.meetingPlace ?? '–' })}</Paragraph> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.steps.length ? <Steps c={c} personId={status.person.id} citizen={citizen} editable={may.changeStatus} onChange={onChange} /> : null}
      <details className="level-history">
        <summary>{t('cases.ui.levelHistory')}</summary>
        <ul className="plain-list">
          {c.levelHistory.map((l) => (
            <li key={l.at}>{t('cases.ui.levelHistoryLine', { date: formatDateTime(l.at), name: l.by, to: l.to, reason: l.reason })}</li>
          ))}
        </ul>
      </details>
      {open && (may.changeStatus || may.refer || may.hold) ? (
        <div className="case-actions">
          <Heading level={3} data-size="xs">{t('cases.ui.actions')}</Heading>
          {may.hold && c.proposedTransition && !planned ? (
            <Panel title={t('cases.ui.planTransition')}><TransitionPlan key={c.proposedTransition.enrolledUnitId ?? c.proposedTransition.toStage} c={c} onChange={onChange} /></Panel>
          ) : null}
          {may.hold && !c.pendingHandover && may.readLog ? <Panel title={t('cases.ui.handoverHeading')}><HandoverForm c={c} colleagues={colleagues} onChange={onChange} /></Panel> : null}
          {may.changeStatus ? <Panel title={t('cases.ui.changeLevel')}><LevelForm c={c} onChange={onChange} /></Panel> : null}
          {may.changeStatus ? <Panel title={t('cases.ui.noteWorry')}><WorryForm personId={status.person.id} onChange={onChange} /></Panel> : null}
          {may.refer ? <Panel title={t('meetings.ui.referHeading')}><ReferralForm personId={status.person.id} onChange={onChange} /></Panel> : null}
          {may.requestEffort && !citizen ? <Panel title={t('paths.efforts.requestHeading')}><EffortRequest personId={status.person.id} onChange={onChange} /></Panel> : null}
          {may.enrol ? <Panel title={t('cases.ui.enrolHeading')}><EnrolmentForm personId={status.person.id} onChange={onChange} /></Panel> : null}
          {may.hold ? <Panel title={t('cases.ui.closeHeading')}><CloseForm c={c} onChange={onChange} /></Panel> : null}
        </div>
      ) : null}
    </PageSection>
    </>
  );
}
