// A team meeting: participants, the common minutes template (felles referatmal), the mandatory
// action plan (what, who, by when), the review of the plan from earlier meetings, closing — after
// which the minutes are in the child's relay log and every participant has the copy.
import { Button, Card, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../common/i18n/index.ts';
import { CONSENT_CATEGORIES } from '../../../common/consent.ts';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../components/Status.tsx';
import { fromIsoDate, toIsoDate } from '../dates.ts';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { MeetingResponse } from '../../../common/contracts/teams.ts';

type MeetingDetails = MeetingResponse;

const SECTIONS = ['background', 'childView', 'familyView', 'assessments', 'decisions'] as const;
const ATTENDANCE = ['present', 'absent', 'apologies'] as const;
// The owner as one select value: a professional (`staff:<id>`) or a guardian or youth taking part (`person:<id>`).
type Row = { what: string; owner: string; dueOn: string };

function Minutes({ meeting, onDone }: { meeting: MeetingDetails; onDone: (m: string) => void }) {
  const { t, tx } = useI18n();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(SECTIONS.map((k) => [k, meeting.minutes[k] ?? ''])));
  const [category, setCategory] = useState(meeting.category);
  const [rows, setRows] = useState<Row[]>(() => meeting.actionItems.map((a) => ({ what: a.what, owner: `${a.ownerKind === 'family' ? 'person' : 'staff'}:${a.owner.id}`, dueOn: fromIsoDate(a.dueOn) })));
  const [attendance, setAttendance] = useState<Record<string, string>>(() => Object.fromEntries(meeting.participants.map((p) => [p.id, p.attendance ?? ''])));
  const save = useSubmit('minutes');
  const close = useSubmit<{ inRelayLog: boolean }>('close-meeting');
  const owners = [
    ...meeting.participants.filter((p) => p.staffId).map((p) => ({ value: `staff:${p.staffId}`, label: `${p.name}${p.unitName ? `, ${p.unitName}` : ''}` })),
    ...meeting.participants.filter((p) => p.personId && (p.role === 'guardian' || p.role === 'youth')).map((p) => ({ value: `person:${p.personId}`, label: `${p.name} (${tx(`meetings.ui.role.${p.role}`, p.role)})` })),
  ];
  const labels: Record<string, string> = Object.fromEntries([...SECTIONS.map((k) => [k, t(`meetings.ui.${k}`)]), ['actionItems', t('meetings.ui.actionPlan')]]);
  const labelFor = (f: string) => {
    const m = /^actionItems\.(\d+)\.(\w+)$/.exec(f);
    if (m) return `${t('meetings.ui.itemN', { n: Number(m[1]) + 1 })}: ${t(m[2] === 'ownerStaffId' || m[2] === 'ownerPersonId' ? 'meetings.ui.owner' : m[2] === 'dueOn' ? 'meetings.ui.due' : 'meetings.ui.what')}`;
    return labels[f] ?? null;
  };
  const body = () => ({
    version: meeting.version, category,
    ...Object.fromEntries(SECTIONS.map((k) => [k, texts[k] || undefined])),
    actionItems: rows.map((r) => {
      const [kind, id] = r.owner.split(':');
      return { what: r.what, ...(kind === 'person' ? { ownerPersonId: id } : { ownerStaffId: id || undefined }), dueOn: r.dueOn ? toIsoDate(r.dueOn) : undefined };
    }),
    attendance: Object.entries(attendance).filter(([, a]) => a).map(([participantId, a]) => ({ participantId, attendance: a })),
  });
  const setRow = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <form className="form" noValidate onSubmit={(e) => void save.run(e, `/api/meetings/${meeting.id}/minutes`, body(), () => onDone(t('meetings.ui.saved')), 'PUT')}>
      <Heading level={2} data-size="sm">{t('meetings.ui.minutesHeading')}</Heading>
      <FormErrors error={save.error ?? close.error} form="minutes" labelFor={labelFor} attempt={save.attempt + close.attempt} />
      <Fieldset className="form-fieldset" id={save.id('attendance')} tabIndex={-1}>
        <Fieldset.Legend>{t('meetings.ui.attendanceLabel')}</Fieldset.Legend>
        <Paragraph data-size="sm">{t('meetings.ui.attendanceHelp')}</Paragraph>
        {meeting.participants.map((p) => (
          <SelectField key={p.id} id={save.id(`attendance.${p.id}`)} label={`${p.name} (${tx(`meetings.ui.role.${p.role}`, p.role)})`} value={attendance[p.id] ?? ''}
            onChange={(v) => setAttendance({ ...attendance, [p.id]: v })} placeholder={t('meetings.ui.attendance.unrecorded')}
            options={ATTENDANCE.map((a) => ({ value: a, label: t(`meetings.ui.attendance.${a}`) }))} />
        ))}
      </Fieldset>
      <SelectField id={save.id('category')} label={t('cases.ui.category')} value={category} onChange={setCategory} options={CONSENT_CATEGORIES.map((c) => ({ value: c, label: tx(`domain.consentCategory.${c}`, c) }))} />
      {SECTIONS.map((k) => (
        <Field key={k} className="form-field form-field--full">
          <Label htmlFor={save.id(k)}>{t(`meetings.ui.${k}`)}</Label>
          <Textarea id={save.id(k)} rows={3} value={texts[k]} aria-invalid={save.errors[k] ? true : undefined} onChange={(e) => setTexts({ ...texts, [k]: e.target.value })} />
          {save.errors[k] ? <ValidationMessage>{save.errors[k]}</ValidationMessage> : null}
        </Field>
      ))}
      <Fieldset className="form-fieldset" id={save.id('actionItems')} tabIndex={-1}>
        <Fieldset.Legend>{t('meetings.ui.actionPlan')}</Fieldset.Legend>
        <Paragraph data-size="sm">{t('meetings.ui.actionPlanHelp')}</Paragraph>
        {rows.map((r, i) => (
          <Card key={i} className="action-row" data-testid="action-row">
            <TextField id={save.id(`actionItems.${i}.what`)} label={`${t('meetings.ui.itemN', { n: i + 1 })}: ${t('meetings.ui.what')}`} value={r.what} onChange={(v) => setRow(i, { what: v })} error={save.errors[`actionItems.${i}.what`]} />
            <SelectField id={save.id(`actionItems.${i}.ownerStaffId`)} label={t('meetings.ui.owner')} value={r.owner} onChange={(v) => setRow(i, { owner: v })} placeholder={t('meetings.ui.chooseOwner')}
              options={owners} error={save.errors[`actionItems.${i}.ownerStaffId`] ?? save.errors[`actionItems.${i}.ownerPersonId`]} />
            <DateField id={save.id(`actionItems.${i}.dueOn`)} label={t('meetings.ui.due')} value={r.dueOn} onChange={(v) => setRow(i, { dueOn: v })} error={save.errors[`actionItems.${i}.dueOn`]} />
            <Button type="button" variant="tertiary" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>{t('meetings.ui.removeItem')}</Button>
          </Card>
        ))}
        {save.errors.actionItems ?? close.errors.actionItems ? <ValidationMessage>{save.errors.actionItems ?? close.errors.actionItems}</ValidationMessage> : null}
        <div className="button-row"><Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { what: '', owner: '', dueOn: '' }])}>{t('meetings.ui.addItem')}</Button></div>
      </Fieldset>
      <div className="button-row form-actions">
        <Button type="submit" disabled={save.busy}>{t('meetings.ui.save')}</Button>
        <Button type="button" variant="secondary" disabled={close.busy} onClick={() => void close.run(null, `/api/meetings/${meeting.id}/close`, {}, (closed) => onDone(t(closed.inRelayLog ? 'meetings.ui.closedMessage' : 'meetings.ui.closedMessageNotInLog')))}>{t('meetings.ui.close')}</Button>
      </div>
    </form>
  );
}

function Review({ meeting, onDone }: { meeting: MeetingDetails; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const open = meeting.toReview.filter((i) => i.status === 'open');
  const [answers, setAnswers] = useState<Record<string, { status: string; note: string }>>({});
  const form = useSubmit('review');
  const items = Object.entries(answers).filter(([, a]) => a.status).map(([id, a]) => ({ id, status: a.status, note: a.note || undefined }));
  return (
    <section aria-labelledby="review-heading" className="page-section">
      <Heading level={2} data-size="sm" id="review-heading">{t('meetings.ui.reviewHeading')}</Heading>
      {meeting.toReview.filter((i) => i.status !== 'open').map((i) => (
        <Paragraph key={i.id} data-size="sm"><Tag data-color={i.status === 'done' ? 'success' : 'danger'}>{t(`meetings.ui.itemStatus.${i.status}` as 'meetings.ui.itemStatus.done')}</Tag> {i.what}{i.reviewNote ? ` – ${i.reviewNote}` : ''}</Paragraph>
      ))}
      {open.length && meeting.abilities.writeMinutes && meeting.status === 'scheduled' ? (
        <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/meetings/${meeting.id}/review`, { items }, () => { setAnswers({}); onDone(t('meetings.ui.reviewed')); })}>
          <FormErrors error={form.error} form="review" labelFor={(f) => { const m = /^items\.(\d+)/.exec(f); return m ? items[Number(m[1])] ? open.find((o) => o.id === items[Number(m[1])]!.id)?.what ?? null : null : null; }} attempt={form.attempt} />
          {open.map((i) => (
            <Card key={i.id} className="action-row" data-testid="review-item">
              <Fieldset className="form-fieldset">
                <Fieldset.Legend>{i.what} ({i.owner.name}, {formatDate(i.dueOn)}){i.overdue ? ` – ${t('cases.ui.tasks.overdue')}` : ''}</Fieldset.Legend>
                {(['done', 'not_done'] as const).map((s) => (
                  <Radio key={s} id={`review-${i.id}-${s}`} name={`review-${i.id}`} value={s} label={t(`meetings.ui.itemStatus.${s}`)} checked={answers[i.id]?.status === s}
                    onChange={() => setAnswers({ ...answers, [i.id]: { status: s, note: answers[i.id]?.note ?? '' } })} />
                ))}
              </Fieldset>
              <TextField id={`review-${i.id}-note`} label={t('meetings.ui.whyNot')} optional value={answers[i.id]?.note ?? ''} onChange={(v) => setAnswers({ ...answers, [i.id]: { status: answers[i.id]?.status ?? '', note: v } })} />
            </Card>
          ))}
          <div className="button-row"><Button type="submit" variant="secondary" disabled={form.busy}>{t('meetings.ui.saveReview')}</Button></div>
        </form>
      ) : null}
    </section>
  );
}

export function MeetingPage() {
  const { t, tx } = useI18n();
  const { id } = useParams();
  const meeting = useApiQuery<MeetingDetails>(id ? `/api/meetings/${id}` : null);
  const [message, setMessage] = useState('');
  const [key, setKey] = useState(0);
  useEffect(() => setKey((k) => k + 1), [meeting.data?.version, meeting.data?.status]);
  const done = setMessage;
  const m = meeting.data;
  return (
    <Page title={m ? (m.team ? t('meetings.ui.meetingTitle', { team: m.team.name }) : t('plans.ui.meetings.title')) : t('meetings.ui.meetingsHeading')}>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={meeting} />
      {m ? (
        <>
          <dl className="facts">
            {m.person ? <div className="facts__row"><dt>{t('meetings.ui.concerns')}</dt><dd><Link asChild><RouterLink to={`/barn/${m.person.id}`}>{m.person.name}</RouterLink></Link></dd></div> : null}
            <div className="facts__row"><dt>{t('meetings.ui.when')}</dt><dd>{formatDateTime(m.startsAt)}</dd></div>
            <div className="facts__row"><dt>{t('meetings.ui.place')}</dt><dd>{m.place}</dd></div>
            <div className="facts__row"><dt>{t('meetings.ui.statusLabel')}</dt><dd><Tag data-color={m.status === 'closed' ? 'success' : 'info'}>{t(`meetings.ui.status.${m.status}` as 'meetings.ui.status.scheduled')}</Tag></dd></div>
          </dl>
          <section aria-labelledby="participants-heading" className="page-section">
            <Heading level={2} data-size="sm" id="participants-heading">{t('meetings.ui.participants')}</Heading>
            <ul className="plain-list" data-testid="participants">
              {m.participants.map((p) => (
                <li key={p.id}>
                  {p.name}{p.unitName ? `, ${p.unitName}` : ''} ({tx(`meetings.ui.role.${p.role}`, p.role)})
                  {p.attendance ? <> {' '}<Tag data-color={p.attendance === 'present' ? 'success' : 'neutral'}>{t(`meetings.ui.attendance.${p.attendance}`)}</Tag></> : null}
                  {p.copySentAt ? <> {' '}<Tag data-color="success">{t('meetings.ui.copySent')}</Tag></> : null}
                </li>
              ))}
            </ul>
          </section>
          {m.toReview.length ? <Review meeting={m} onDone={done} /> : null}
          {m.status === 'scheduled' && m.abilities.writeMinutes ? <Minutes key={key} meeting={m} onDone={done} /> : (
            <section aria-labelledby="minutes-heading" className="page-section">
              <Heading level={2} data-size="sm" id="minutes-heading">{t('meetings.ui.minutesHeading')}</Heading>
              {SECTIONS.map((k) => (m.minutes[k] ? <div key={k}><Heading level={3} data-size="2xs">{t(`meetings.ui.${k}`)}</Heading><Paragraph>{m.minutes[k]}</Paragraph></div> : null))}
              <Heading level={3} data-size="xs">{t('meetings.ui.actionPlan')}</Heading>
              <ol className="plain-list" data-testid="action-plan">
                {m.actionItems.map((a) => (
                  <li key={a.id}>{a.what} – {a.owner.name}{a.owner.unitName ? `, ${a.owner.unitName}` : ''}, {formatDate(a.dueOn)}{' '}
                    <Tag data-color={a.status === 'done' ? 'success' : a.overdue ? 'danger' : 'neutral'}>{a.overdue ? t('cases.ui.tasks.overdue') : t(`meetings.ui.itemStatus.${a.status}` as 'meetings.ui.itemStatus.done')}</Tag>
                  </li>
                ))}
              </ol>
              {m.status === 'closed' ? <Paragraph><Link href={`/api/meetings/${m.id}/minutes.pdf`}>{t('meetings.ui.downloadMinutes')}</Link></Paragraph> : null}
            </section>
          )}
        </>
      ) : null}
    </Page>
  );
}
