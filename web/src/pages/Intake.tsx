// "Inntak": the team leader's queue of referrals with waiting time. The leader accepts, asks for
// more information or redirects, and schedules the meeting with the family at the child's arena.
import { Button, Card, Checkbox, Fieldset, Heading, Link, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatDateTime } from '../../../common/i18n/index.ts';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../components/Status.tsx';
import { toIsoInstant } from '../dates.ts';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { MeetingCandidatesResponse, MyIntakeResponse, Referral as ReferralItem } from '../../../common/contracts/teams.ts';

type Referral = ReferralItem;
type Intake = MyIntakeResponse;
type Candidates = MeetingCandidatesResponse;

function Schedule({ referral, onDone }: { referral: Referral; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const candidates = useApiQuery<Candidates>(`/api/referrals/${referral.id}/candidates`);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('12:00');
  const [place, setPlace] = useState('');
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const form = useSubmit(`schedule-${referral.id}`);
  const labels: Record<string, string> = { startsAt: t('meetings.ui.date'), place: t('meetings.ui.place'), personIds: t('meetings.ui.family'), staffIds: t('meetings.ui.professionals') };
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const startsAt = toIsoInstant(date, time);
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/referrals/${referral.id}/meetings`, { startsAt, place: place || undefined, staffIds, personIds }, () => {
      onDone(t('meetings.ui.scheduled'));
    })}>
      <Heading level={4} data-size="2xs">{t('meetings.ui.scheduleHeading')}</Heading>
      <FormErrors error={form.error} form={`schedule-${referral.id}`} labelFor={(f) => labels[f.split('.')[0]!] ?? null} attempt={form.attempt} />
      <DateField id={form.id('startsAt')} label={t('meetings.ui.date')} value={date} onChange={setDate} error={form.errors.startsAt} />
      <TextField id={form.id('time')} label={t('meetings.ui.time')} width="short" value={time} onChange={setTime} description={t('cases.ui.timeHint')} />
      <TextField id={form.id('place')} label={t('meetings.ui.place')} optional value={place} onChange={setPlace} description={candidates.data?.place ? t('meetings.ui.placeHint', { place: candidates.data.place }) : undefined} error={form.errors.place} />
      {candidates.data ? (
        <>
          <Fieldset className="form-fieldset" id={form.id('personIds')} tabIndex={-1}>
            <Fieldset.Legend>{t('meetings.ui.family')}</Fieldset.Legend>
            {candidates.data.family.map((f) => (
              <Checkbox key={f.id} id={form.id(`personIds-${f.id}`)} label={f.name} value={f.id} checked={personIds.includes(f.id)} onChange={(e) => setPersonIds(toggle(personIds, f.id, e.target.checked))} />
            ))}
            {form.errors.personIds ? <ValidationMessage>{form.errors.personIds}</ValidationMessage> : null}
          </Fieldset>
          <Fieldset className="form-fieldset" id={form.id('staffIds')} tabIndex={-1}>
            <Fieldset.Legend>{t('meetings.ui.professionals')}</Fieldset.Legend>
            <div className="check-columns">
              {candidates.data.staff.map((s) => (
                <Checkbox key={s.id} id={form.id(`staffIds-${s.id}`)} label={`${s.name}${s.unitName ? `, ${s.unitName}` : ''}`} value={s.id} checked={staffIds.includes(s.id)} onChange={(e) => setStaffIds(toggle(staffIds, s.id, e.target.checked))} />
              ))}
            </div>
            {Object.entries(form.errors).filter(([k]) => k.startsWith('staffIds')).map(([k, v]) => <ValidationMessage key={k}>{v}</ValidationMessage>)}
          </Fieldset>
        </>
      ) : null}
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('meetings.ui.scheduleSubmit')}</Button></div>
    </form>
  );
}

function Answer({ referral, teams, onDone }: { referral: Referral; teams: { id: string; name: string }[]; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [target, setTarget] = useState('');
  const form = useSubmit(`answer-${referral.id}`);
  return (
    <div className="form form--compact">
      <FormErrors error={form.error} form={`answer-${referral.id}`} labelFor={(f) => (f === 'note' ? t('meetings.ui.note') : f === 'teamId' ? t('meetings.ui.redirectTo') : null)} attempt={form.attempt} />
      <TextField id={form.id('note')} label={t('meetings.ui.note')} optional value={note} onChange={setNote} error={form.errors.note} />
      <div className="button-row">
        <Button type="button" disabled={form.busy} onClick={() => void form.run(null, `/api/referrals/${referral.id}/accept`, { note: note || undefined }, () => onDone(t('meetings.ui.accepted')))}>{t('meetings.ui.accept')}</Button>
        <Button type="button" variant="secondary" disabled={form.busy} onClick={() => void form.run(null, `/api/referrals/${referral.id}/more-info`, { note }, () => onDone(t('meetings.ui.askedMore')))}>{t('meetings.ui.askMore')}</Button>
      </div>
      <SelectField id={form.id('teamId')} label={t('meetings.ui.redirectTo')} value={target} onChange={setTarget} placeholder={t('meetings.ui.chooseTeam')} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} error={form.errors.teamId} />
      <div className="button-row">
        <Button type="button" variant="secondary" disabled={form.busy} onClick={() => void form.run(null, `/api/referrals/${referral.id}/redirect`, { teamId: target || undefined, note }, () => onDone(t('meetings.ui.redirected')))}>{t('meetings.ui.redirect')}</Button>
      </div>
    </div>
  );
}

export function IntakePage() {
  const { t } = useI18n();
  const intake = useApiQuery<Intake>('/api/intake');
  const allTeams = useApiQuery<{ teams: { id: string; name: string; kind: string }[] }>('/api/teams');
  const [message, setMessage] = useState('');
  const done = setMessage;
  return (
    <Page title={t('meetings.ui.intakeTitle')}>
      <Paragraph>{t('meetings.ui.intakeIntro')}</Paragraph>
      <LiveMessage>{message || null}</LiveMessage>
      <QueryFallback query={intake} />
      {intake.data?.teams.map(({ team, referrals }) => (
        <section key={team.id} aria-labelledby={`intake-${team.id}`} className="page-section">
          <Heading level={2} data-size="sm" id={`intake-${team.id}`}>{team.name}</Heading>
          {referrals.length === 0 ? <Paragraph>{t('meetings.ui.queueEmpty')}</Paragraph> : null}
          {referrals.map((r) => (
            <Card key={r.id} className="entry-card" data-testid="referral">
              <Heading level={3} data-size="xs">{r.person ? r.person.name : t('meetings.ui.anonymous', { age: r.ageYears ?? '–' })}</Heading>
              <Paragraph data-size="sm">
                <Tag data-color={r.status === 'accepted' ? 'success' : r.waitingDays > 14 ? 'danger' : 'warning'}>{t(`meetings.ui.referralStatus.${r.status}` as 'meetings.ui.referralStatus.waiting')}</Tag>{' '}
                {t('meetings.ui.waiting', { days: r.waitingDays, date: formatDate(r.receivedAt) })} · {t(`meetings.ui.source.${r.source}` as 'meetings.ui.source.professional', { name: r.referredBy })} · {t(`meetings.ui.basis.${r.basis}` as 'meetings.ui.basis.consent')}
              </Paragraph>
              <Paragraph>{r.reason}</Paragraph>
              {r.otherTeam ? <Paragraph data-size="sm" data-testid="other-team">{t('meetings.ui.otherTeam', { team: r.otherTeam.proposedTeamName, reason: r.otherTeam.reason })}</Paragraph> : null}
              {r.answerNote ? <Paragraph data-size="sm">{r.answerNote}</Paragraph> : null}
              {r.person ? <Paragraph data-size="sm"><Link asChild><RouterLink to={`/barn/${r.person.id}`}>{t('meetings.ui.openChild')}</RouterLink></Link></Paragraph> : null}
              {r.meetings.map((m) => (
                <Paragraph key={m.id} data-size="sm"><Link asChild><RouterLink to={`/moter/${m.id}`}>{t('meetings.ui.meetingOn', { when: formatDateTime(m.startsAt) })}</RouterLink></Link></Paragraph>
              ))}
              {r.status === 'waiting' || r.status === 'more_info' ? (
                <Answer referral={r} teams={(allTeams.data?.teams ?? []).filter((tm) => tm.kind === 'early_intervention' && tm.id !== team.id)} onDone={done} />
              ) : null}
              {r.status === 'accepted' && r.person ? <Schedule referral={r} onDone={done} /> : null}
            </Card>
          ))}
        </section>
      ))}
    </Page>
  );
}
