// The system-level teams' meetings (systemteam): the meetings of the teams the user works in (the SBU
// coordinator: all of them, with their reports) and a form to schedule one. No personal data here.
import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formatDateTime } from '../../../common/i18n/index.ts';
import { DateField, SelectField, TextField } from '../components/Fields.tsx';
import { FormErrors } from '../components/FormErrors.tsx';
import { Page } from '../components/Page.tsx';
import { QueryFallback } from '../components/Status.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { toIsoInstant } from '../dates.ts';
import { useApiQuery, useSubmit } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { ListSystemMeetingsResponse } from '../../../common/contracts/teams.ts';

export type SystemTeam = ListSystemMeetingsResponse['teams'][number];

type SystemMeetingRow = ListSystemMeetingsResponse['meetings'][number];

export function StatusTag({ status }: { status: string }) {
  const { tx } = useI18n();
  return <Tag data-color={status === 'closed' ? 'success' : status === 'cancelled' ? 'neutral' : 'info'} data-size="sm">{tx(`teams.sys.status.${status}`, status)}</Tag>;
}

function ScheduleForm({ teams }: { teams: SystemTeam[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [teamId, setTeamId] = useState(teams.length === 1 ? teams[0]!.id : '');
  const [topic, setTopic] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [place, setPlace] = useState('');
  const form = useSubmit<{ id: string }>('system-schedule');
  const team = teams.find((x) => x.id === teamId);
  const labels: Record<string, string> = { teamId: t('teams.sys.team'), topic: t('teams.sys.topic'), startsAt: t('teams.sys.date'), endsAt: t('teams.sys.date'), place: t('teams.sys.place') };
  const startsAt = toIsoInstant(date, time);
  return (
    <section aria-labelledby="schedule-heading" className="page-section">
      <Heading level={2} data-size="sm" id="schedule-heading">{t('teams.sys.scheduleHeading')}</Heading>
      <form className="form" noValidate onSubmit={(e) => void form.run(e, '/api/system-meetings', { teamId: teamId || undefined, topic, startsAt, place: place || undefined }, (r) => void navigate(`/systemteam/${r.id}`))}>
        <FormErrors error={form.error} form="system-schedule" labelFor={(f) => labels[f] ?? null} attempt={form.attempt} />
        <SelectField id={form.id('teamId')} label={labels.teamId!} value={teamId} onChange={setTeamId} error={form.errors.teamId}
          placeholder={teams.length > 1 ? t('teams.form.choose') : undefined} options={teams.map((x) => ({ value: x.id, label: x.name }))} />
        <TextField id={form.id('topic')} label={labels.topic!} description={t('teams.sys.topicHint')} value={topic} onChange={setTopic} error={form.errors.topic} />
        <DateField id={form.id('startsAt')} label={labels.startsAt!} value={date} onChange={setDate} error={form.errors.startsAt} />
        <TextField id={form.id('time')} label={t('teams.sys.time')} width="short" description={t('teams.sys.timeHint')} value={time} onChange={setTime} />
        <TextField id={form.id('place')} label={labels.place!} optional value={place} onChange={setPlace} error={form.errors.place}
          description={team?.meetingPlace ? t('teams.sys.placeHint', { place: team.meetingPlace }) : undefined} />
        <div className="button-row form-actions">
          <Button type="submit" disabled={form.busy}>{t('teams.sys.schedule')}</Button>
        </div>
      </form>
    </section>
  );
}

export function SystemMeetingsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const data = useApiQuery<{ teams: SystemTeam[]; meetings: SystemMeetingRow[] }>('/api/system-meetings');
  const isSbu = me?.abilities.seeEveryTeam === true;
  const teams = data.data?.teams ?? [];
  const meetings = data.data?.meetings ?? [];
  return (
    <Page title={t('teams.sys.title')}>
      <Paragraph>{t(isSbu ? 'teams.sys.introSbu' : 'teams.sys.intro')}</Paragraph>
      <Alert data-color="warning">
        <Paragraph>{t('teams.sys.noPersonalData')}</Paragraph>
      </Alert>
      <QueryFallback query={data} />
      {data.data && teams.length === 0 ? <Paragraph>{t('teams.sys.noTeams')}</Paragraph> : null}
      {teams.length > 0 ? <ScheduleForm teams={teams} /> : null}
      {data.data && teams.length > 0 ? (
        <section aria-labelledby="system-meetings-list" className="page-section">
          <Heading level={2} data-size="sm" id="system-meetings-list">{t('teams.sys.listHeading')}</Heading>
          {meetings.length === 0 ? <Paragraph>{t('teams.sys.noMeetings')}</Paragraph> : (
            <TableScroll label={t('teams.sys.listHeading')}>
              <Table zebra className="data-table">
                <caption className="sr-only">{t('teams.sys.listHeading')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('teams.sys.when')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('teams.sys.topic')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('teams.sys.team')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('teams.sys.statusLabel')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {meetings.map((m) => (
                    <Table.Row key={m.id}>
                      <Table.Cell className="nowrap">{formatDateTime(m.startsAt)}</Table.Cell>
                      <Table.Cell>
                        <Link asChild><RouterLink to={`/systemteam/${m.id}`}>{m.topic ?? t('teams.sys.noTopic')}</RouterLink></Link>
                      </Table.Cell>
                      <Table.Cell>{m.teamName}</Table.Cell>
                      <Table.Cell><StatusTag status={m.status} /></Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>
      ) : null}
    </Page>
  );
}
