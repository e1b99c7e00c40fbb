// "Inntak": the team leader's queue of referrals with waiting time. The leader accepts, asks for
// more information or redirects, and schedules the meeting with the family at the child's arena.
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatDateTime } from '../../../common/i18n/index.ts';
import { SelectField, TextField } from '../components/Fields.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { LiveMessage, QueryFallback } from '../components/Status.tsx';
import { ScheduleMeeting } from '../components/teams/ScheduleMeeting.tsx';
import { useAllApiPages, useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import type { MeetingCandidatesResponse, MyIntakeResponse, Referral as ReferralItem } from '../../../common/contracts/teams.ts';
import type { Teams } from '../../../common/contracts/organisation.ts';

type Referral = ReferralItem;
type Intake = MyIntakeResponse;
type Candidates = MeetingCandidatesResponse;

function Schedule({ referral, onDone }: { referral: Referral; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const candidates = useApiQuery<Candidates>(`/api/referrals/${referral.id}/candidates`);
  if (!candidates.data) return null;
  return (
    <ScheduleMeeting formName={`schedule-${referral.id}`} url={`/api/referrals/${referral.id}/meetings`} heading={t('meetings.ui.scheduleHeading')} submit={t('meetings.ui.scheduleSubmit')}
      family={candidates.data.family} staff={candidates.data.staff} placeHint={candidates.data.place ? t('meetings.ui.placeHint', { place: candidates.data.place }) : undefined}
      onDone={() => onDone(t('meetings.ui.scheduled'))} />
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
  // The teams a referral can be sent on to: every page (the organisation bounds them).
  const allTeams = useAllApiPages('/api/teams', (page: Teams) => page.teams);
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
                <Answer referral={r} teams={(allTeams.items ?? []).filter((tm) => tm.kind === 'early_intervention' && tm.id !== team.id)} onDone={done} />
              ) : null}
              {r.status === 'accepted' && r.person ? <Schedule referral={r} onDone={done} /> : null}
            </Card>
          ))}
        </section>
      ))}
    </Page>
  );
}
