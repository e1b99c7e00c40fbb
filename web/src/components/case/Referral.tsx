// On a child's page: refer to the early-intervention team for the child's age and area (the team is
// proposed; another team may be chosen, with the reason the receiving leader reads), and the team
// meetings about the child.
import { Button, Field, Fieldset, Label, Link, Paragraph, Radio, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../../../common/i18n/index.ts';
import { useAllApiPages, useApiPages, useApiQuery, useSubmit } from '../../query.tsx';
import { ShowMore } from '../ShowMore.tsx';
import { useI18n } from '../../i18n.tsx';
import { FormErrors } from '../FormErrors.tsx';
import { MeetingRating } from '../citizen/MeetingRating.tsx';
import type { MeetingsOfPersonResponse, ReferralProposalResponse } from '../../../../common/contracts/teams.ts';
import type { Teams } from '../../../../common/contracts/organisation.ts';
import { TextAreaField } from '../Fields.tsx';
import { PageSection } from '../PageSection.tsx';

type Proposal = ReferralProposalResponse;

export function ReferralForm({ personId, onChange }: { personId: string; onChange: (message: string) => void }) {
  const { t } = useI18n();
  const proposal = useApiQuery<Proposal>(`/api/people/${personId}/referral-proposal`);
  const [basis, setBasis] = useState('');
  const [reason, setReason] = useState('');
  const [teamId, setTeamId] = useState('');
  const [otherTeamReason, setOtherTeamReason] = useState('');
  // The choices: every page of the teams (the organisation bounds them).
  const teams = useAllApiPages('/api/teams', (page: Teams) => page.teams);
  const form = useSubmit<{ team: { name: string } }>('referral');
  if (!proposal.data?.team) return null;
  const proposed = proposal.data.team;
  const chosen = teamId || proposed.id;
  const otherTeam = chosen !== proposed.id;
  const choices = (teams.items ?? []).filter((tm) => tm.kind === 'early_intervention');
  const labels: Record<string, string> = { basis: t('meetings.ui.basis'), reason: t('meetings.ui.reason'), teamId: t('meetings.ui.team'), otherTeamReason: t('meetings.ui.otherTeamReason') };
  return (
    <form className="form form--compact" noValidate onSubmit={(e) => void form.run(e, `/api/people/${personId}/referrals`, {
      basis: basis || undefined, reason, teamId: chosen, otherTeamReason: otherTeam ? otherTeamReason : undefined,
    }, (r) => {
      setReason('');
      setBasis('');
      setTeamId('');
      setOtherTeamReason('');
      onChange(t('meetings.ui.referred', { team: r.team.name }));
    })}>
      <Paragraph data-size="sm" data-testid="proposed-team">{t('meetings.ui.proposedTeam', { team: proposed.name })}</Paragraph>
      <FormErrors error={form.error} form="referral" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
      {/* Radios, not a select: the teams' names differ only at the end, which a phone's select cuts off. */}
      {choices.length > 1 ? (
        <Fieldset className="form-fieldset" id={form.id('teamId')} tabIndex={-1}>
          <Fieldset.Legend>{t('meetings.ui.team')}</Fieldset.Legend>
          {[proposed, ...choices.filter((tm) => tm.id !== proposed.id)].map((tm) => (
            <Radio key={tm.id} id={form.id(`teamId-${tm.id}`)} name="referral-team" value={tm.id} checked={chosen === tm.id} onChange={() => setTeamId(tm.id)}
              label={tm.id === proposed.id ? t('meetings.ui.teamProposed', { team: tm.name }) : tm.name} />
          ))}
          {form.errors.teamId ? <ValidationMessage>{form.errors.teamId}</ValidationMessage> : null}
        </Fieldset>
      ) : null}
      {otherTeam ? (
        <TextAreaField id={form.id('otherTeamReason')} label={t('meetings.ui.otherTeamReason')} description={t('meetings.ui.otherTeamReasonHelp')}
          value={otherTeamReason} onChange={setOtherTeamReason} error={form.errors.otherTeamReason} />
      ) : null}
      <Fieldset className="form-fieldset" id={form.id('basis')} tabIndex={-1}>
        <Fieldset.Legend>{t('meetings.ui.basis')}</Fieldset.Legend>
        <Radio id={form.id('basis-family_present')} name="referral-basis" value="family_present" label={t('meetings.ui.basis.family_present')} checked={basis === 'family_present'} onChange={() => setBasis('family_present')} />
        <Radio id={form.id('basis-consent')} name="referral-basis" value="consent" label={t('meetings.ui.basis.consent')} checked={basis === 'consent'} onChange={() => setBasis('consent')} />
        {form.errors.basis ? <ValidationMessage>{form.errors.basis}</ValidationMessage> : null}
      </Fieldset>
      <Field className="form-field form-field--full">
        <Label htmlFor={form.id('reason')}>{t('meetings.ui.reason')}</Label>
        <Textarea id={form.id('reason')} rows={3} value={reason} aria-invalid={form.errors.reason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
        {form.errors.reason ? <ValidationMessage>{form.errors.reason}</ValidationMessage> : null}
      </Field>
      <div className="button-row"><Button type="submit" disabled={form.busy}>{t('meetings.ui.referSubmit')}</Button></div>
    </form>
  );
}

export function MeetingList({ personId, citizen }: { personId: string; citizen: boolean }) {
  const { t } = useI18n();
  const meetings = useApiPages(`/api/people/${personId}/meetings`, (page: MeetingsOfPersonResponse) => page.meetings);
  if (meetings.items.length === 0) return null;
  return (
    <PageSection id="meetings-heading" title={t('meetings.ui.meetingsHeading')}>
      <ul className="plain-list">
        {meetings.items.map((m) => (
          <li key={m.id} data-testid="meeting-item">
            {citizen ? (
              <span>{t('meetings.ui.meetingLine', { team: m.teamName, when: formatDateTime(m.startsAt), place: m.place })}</span>
            ) : (
              <Link asChild><RouterLink to={`/moter/${m.id}`}>{t('meetings.ui.meetingLine', { team: m.teamName, when: formatDateTime(m.startsAt), place: m.place })}</RouterLink></Link>
            )}{' '}
            <Tag data-color={m.status === 'closed' ? 'success' : 'info'}>{t(`meetings.ui.status.${m.status}` as 'meetings.ui.status.scheduled')}</Tag>
            {m.status === 'closed' ? <> {' '}<Link href={`/api/meetings/${m.id}/minutes.pdf`}>{t('meetings.ui.downloadMinutes')}</Link></> : null}
            {citizen && m.status === 'closed' ? <MeetingRating meetingId={m.id} headingLevel={3} /> : null}
          </li>
        ))}
      </ul>
      <ShowMore more={meetings.more} />
    </PageSection>
  );
}
