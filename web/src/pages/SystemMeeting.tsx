// One meeting of a system-level team: the minutes with the common template (background, the
// services' assessments, decisions) and the action plan (what, who, by when), closing, and the
// report — where it was sent and the PDF. The server refuses national identity numbers and names
// from the person register in any text, naming the field; nothing is stored then.
import { Alert, Button, Card, Field, Fieldset, Heading, Label, Link, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../common/i18n/index.ts';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { fieldId, FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../components/Status.tsx';
import { fromIsoDate, toIsoDate } from '../dates.ts';
import { useApiQuery, useSubmit } from '../query.tsx';
import type { VersionSaved } from '../../../common/contracts/shared.ts';
import type { CloseSystemMeetingResponse } from '../../../common/contracts/teams.ts';
import { useI18n } from '../i18n.tsx';
import { StatusTag } from './SystemMeetings.tsx';
import type { SystemMeetingResponse } from '../../../common/contracts/teams.ts';

type SystemMeetingDetails = SystemMeetingResponse;

const SECTIONS = ['background', 'assessments', 'decisions'] as const;
type Row = { what: string; ownerStaffId: string; dueOn: string };
const FORM = 'system-minutes';

function MinutesForm({ meeting, onDone }: { meeting: SystemMeetingDetails; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(SECTIONS.map((k) => [k, meeting.minutes[k] ?? ''])));
  const [rows, setRows] = useState<Row[]>(() => meeting.actionItems.map((a) => ({ what: a.what, ownerStaffId: a.owner.id, dueOn: fromIsoDate(a.dueOn) })));
  // The version this form last saved: closing after a save that succeeded names it.
  const [version, setVersion] = useState(meeting.version);
  const { error, attempt, busy, errors, send } = useSubmit(FORM);
  const id = (field: string) => fieldId(FORM, field);
  const labelFor = (f: string) => {
    const m = /^actionItems\.(\d+)\.(\w+)$/.exec(f);
    if (m) return `${t('teams.sys.itemWhatNumbered', { n: Number(m[1]) + 1 })}: ${t(m[2] === 'ownerStaffId' ? 'teams.sys.owner' : m[2] === 'dueOn' ? 'teams.sys.due' : 'teams.sys.what')}`;
    if (f === 'actionItems') return t('teams.sys.actionPlan');
    return SECTIONS.includes(f as (typeof SECTIONS)[number]) ? t(`teams.sys.${f as (typeof SECTIONS)[number]}`) : null;
  };
  const body = () => ({
    version,
    ...Object.fromEntries(SECTIONS.map((k) => [k, texts[k] || undefined])),
    actionItems: rows.map((r) => ({ what: r.what, ownerStaffId: r.ownerStaffId || undefined, dueOn: r.dueOn ? toIsoDate(r.dueOn) : undefined })),
  });
  const setRow = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  /** Saves the minutes; closing saves first, so what is closed is what is on the screen. */
  const submit = async (close: boolean) => {
    // Closing follows at once: the page is fetched again after the close, not in between.
    const saved = await send<VersionSaved>({ method: 'PUT', url: `/api/system-meetings/${meeting.id}/minutes`, body: body(), ...(close ? { invalidates: [] } : {}) });
    if (!saved) return;
    setVersion(saved.version);
    if (!close) return onDone(t('teams.sys.saved'));
    const closed = await send<CloseSystemMeetingResponse>({ url: `/api/system-meetings/${meeting.id}/close`, body: { version: saved.version } });
    if (closed) onDone(t('teams.sys.closedMessage', { n: closed.deliveries }));
  };

  return (
    <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(false); }}>
      <Heading level={2} data-size="sm">{t('teams.sys.minutesHeading')}</Heading>
      <FormErrors error={error} form={FORM} labelFor={labelFor} attempt={attempt} />
      {SECTIONS.map((k) => (
        <Field key={k} className="form-field form-field--full">
          <Label htmlFor={id(k)}>{t(`teams.sys.${k}`)}</Label>
          <Textarea id={id(k)} rows={4} value={texts[k]} aria-invalid={errors[k] ? true : undefined} onChange={(e) => setTexts({ ...texts, [k]: e.target.value })} />
          {errors[k] ? <ValidationMessage>{errors[k]}</ValidationMessage> : null}
        </Field>
      ))}
      <Fieldset className="form-fieldset" id={id('actionItems')} tabIndex={-1}>
        <Fieldset.Legend>{t('teams.sys.actionPlan')}</Fieldset.Legend>
        <Paragraph data-size="sm">{t('teams.sys.actionPlanHelp')}</Paragraph>
        {rows.map((r, i) => (
          <Card key={i} className="form-section" data-testid="system-action-row">
            <TextField id={id(`actionItems.${i}.what`)} label={`${t('teams.sys.itemWhatNumbered', { n: i + 1 })}: ${t('teams.sys.what')}`} value={r.what} onChange={(v) => setRow(i, { what: v })} error={errors[`actionItems.${i}.what`]} />
            <SelectField id={id(`actionItems.${i}.ownerStaffId`)} label={t('teams.sys.owner')} value={r.ownerStaffId} onChange={(v) => setRow(i, { ownerStaffId: v })} placeholder={t('teams.form.choose')}
              options={meeting.owners.map((o) => ({ value: o.id, label: o.unitName ? `${o.name}, ${o.unitName}` : o.name }))} error={errors[`actionItems.${i}.ownerStaffId`]} />
            <DateField id={id(`actionItems.${i}.dueOn`)} label={t('teams.sys.due')} value={r.dueOn} onChange={(v) => setRow(i, { dueOn: v })} error={errors[`actionItems.${i}.dueOn`]} />
            <div className="button-row">
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>{t('teams.sys.removeItem', { n: i + 1 })}</Button>
            </div>
          </Card>
        ))}
        {errors.actionItems ? <ValidationMessage>{errors.actionItems}</ValidationMessage> : null}
        <div className="button-row">
          <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { what: '', ownerStaffId: '', dueOn: '' }])}>{t('teams.sys.addItem')}</Button>
        </div>
      </Fieldset>
      <div className="button-row form-actions">
        <Button type="submit" disabled={busy}>{t('teams.sys.save')}</Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void submit(true)}>{t('teams.sys.close')}</Button>
      </div>
      <Paragraph data-size="sm">{t('teams.sys.closeHint')}</Paragraph>
    </form>
  );
}

function ClosedMinutes({ meeting }: { meeting: SystemMeetingDetails }) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="report-heading" className="page-section">
        <Heading level={2} data-size="sm" id="report-heading">{t('teams.sys.reportHeading')}</Heading>
        {meeting.deliveries.length ? (
          <>
            <Paragraph>{t('teams.sys.sentTo')}</Paragraph>
            <ul data-testid="report-deliveries">
              {meeting.deliveries.map((d, i) => (
                <li key={i}>{d.kind === 'email' ? t('teams.sys.sentByEmail', { to: d.to }) : t('teams.sys.sentInApp', { to: d.to })} ({formatDateTime(d.sentAt)})</li>
              ))}
            </ul>
          </>
        ) : <Paragraph>{t('teams.sys.notSent')}</Paragraph>}
        <Paragraph>
          <Link href={`/api/system-meetings/${meeting.id}/report.pdf`}>{t('teams.sys.downloadReport')}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="minutes-heading" className="page-section">
        <Heading level={2} data-size="sm" id="minutes-heading">{t('teams.sys.minutesHeading')}</Heading>
        {SECTIONS.map((k) => (
          <div key={k}>
            <Heading level={3} data-size="2xs">{t(`teams.sys.${k}`)}</Heading>
            <Paragraph className="pre-line">{meeting.minutes[k] ?? '–'}</Paragraph>
          </div>
        ))}
        <Heading level={3} data-size="2xs">{t('teams.sys.actionPlan')}</Heading>
        <ol data-testid="system-action-plan">
          {meeting.actionItems.map((a) => (
            <li key={a.id}>{t('teams.sys.itemLine', { what: a.what, owner: a.owner.unitName ? `${a.owner.name}, ${a.owner.unitName}` : a.owner.name, due: formatDate(a.dueOn) })}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function SystemMeetingPage() {
  const { t, tx } = useI18n();
  const { id } = useParams();
  const meeting = useApiQuery<SystemMeetingDetails>(id ? `/api/system-meetings/${id}` : null);
  const [message, setMessage] = useState('');
  const [key, setKey] = useState(0);
  useEffect(() => setKey((k) => k + 1), [meeting.data?.version, meeting.data?.status]);
  const m = meeting.data;
  return (
    <Page title={m ? t('teams.sys.meetingTitle', { team: m.team.name }) : t('teams.sys.title')}>
      <Paragraph><Link asChild><RouterLink to="/systemteam">{t('teams.sys.back')}</RouterLink></Link></Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={meeting} />
      {m ? (
        <>
          <dl className="facts">
            <div className="facts__row"><dt>{t('teams.sys.topic')}</dt><dd>{m.topic ?? '–'}</dd></div>
            <div className="facts__row"><dt>{t('teams.sys.when')}</dt><dd>{formatDateTime(m.startsAt)}</dd></div>
            <div className="facts__row"><dt>{t('teams.sys.place')}</dt><dd>{m.place}</dd></div>
            <div className="facts__row"><dt>{t('teams.sys.chair')}</dt><dd>{m.chair}</dd></div>
            <div className="facts__row"><dt>{t('teams.sys.statusLabel')}</dt><dd><StatusTag status={m.status} /></dd></div>
          </dl>
          <section aria-labelledby="participants-heading" className="page-section">
            <Heading level={2} data-size="sm" id="participants-heading">{t('teams.sys.participants')}</Heading>
            <ul>
              {m.participants.map((p) => (
                <li key={p.id}>{p.name}{p.unitName ? `, ${p.unitName}` : ''}{p.role === 'chair' ? ` (${tx('teams.sys.chairRole', p.role)})` : ''}</li>
              ))}
            </ul>
          </section>
          {m.status === 'scheduled' && m.mayWrite ? (
            <>
              <Alert data-color="warning">
                <Paragraph>{t('teams.sys.noPersonalData')}</Paragraph>
              </Alert>
              <MinutesForm key={key} meeting={m} onDone={(text) => setMessage(text)} />
            </>
          ) : <ClosedMinutes meeting={m} />}
        </>
      ) : null}
    </Page>
  );
}
