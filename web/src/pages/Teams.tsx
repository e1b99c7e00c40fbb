// The teams: early-intervention teams by age group and area, and the system-level teams. This is
// organisation data only; no child is named here. The administrator creates and edits teams here;
// a team's leader (and the SBU coordinator) sees the team overview.
import { Alert, Button, Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { LiveMessage, LoadError, QueryFallback } from '../components/Status.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { TeamForm } from '../components/teams/TeamForm.tsx';
import { TeamOverviews } from '../components/teams/TeamOverview.tsx';
import { useAllApiPages, useApiPages } from '../query.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { Team, Teams } from '../../../common/contracts/organisation.ts';
import type { ListTeamConfigResponse, TeamConfig, TeamOptions, TeamStaffChoices, TeamUnitChoices } from '../../../common/contracts/teams.ts';

/** "Før fødsel–1 år", "1–5 år", "6–12 år": the seed's age groups, from the months stored. */
export function ageGroup(team: Pick<Team, 'ageFromMonths' | 'ageToMonths'>, t: ReturnType<typeof useI18n>['t']): string {
  const from = team.ageFromMonths < 0 ? t('ui.teams.beforeBirth') : String(Math.floor(team.ageFromMonths / 12));
  const to = team.ageToMonths < 12 ? 1 : Math.floor(team.ageToMonths / 12);
  return t('ui.teams.ageRange', { from, to });
}

/** A team without an area covers the areas that have no team of their own for the same ages. */
function hasAreaSibling(team: Team, all: Team[]): boolean {
  return all.some((o) => o.id !== team.id && o.kind === team.kind && o.area !== null && o.ageFromMonths === team.ageFromMonths && o.ageToMonths === team.ageToMonths);
}

type Row = Team & { active: boolean; config: TeamConfig | null };

function fromConfig(c: TeamConfig): Row {
  return {
    id: c.id, name: c.name, kind: c.kind, ageFromMonths: c.ageFromMonths, ageToMonths: c.ageToMonths, area: c.area, meetingPlace: c.meetingPlace,
    description: c.description, leaderName: c.leader?.name ?? null, memberUnits: c.units.map((u) => u.name), active: c.active, config: c,
  };
}

export function TeamsPage() {
  const { t, tx } = useI18n();
  const { me } = useSession();
  const isAdmin = me?.abilities.editTeams === true;
  // The administrator sees every team, active or not, a page at a time, with what the edit form needs:
  // every page of its staff and service units (the organisation bounds them) and the known areas.
  const teams = useApiPages(isAdmin ? null : '/api/teams', (page: Teams) => page.teams);
  const config = useApiPages(isAdmin ? '/api/teams/config' : null, (page: ListTeamConfigResponse) => page.teams);
  const staffChoices = useAllApiPages(isAdmin ? '/api/teams/config/staff' : null, (page: TeamStaffChoices) => page.staff);
  const unitChoices = useAllApiPages(isAdmin ? '/api/teams/config/units' : null, (page: TeamUnitChoices) => page.units);
  const options: TeamOptions | undefined = config.first && staffChoices.items && unitChoices.items
    ? { staff: staffChoices.items, units: unitChoices.items, areas: config.first.options.areas }
    : undefined;
  const choicesError = staffChoices.error ?? unitChoices.error;
  const [editing, setEditing] = useState<TeamConfig | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const loaded = isAdmin ? config : teams;
  const rows: Row[] | null = isAdmin
    ? config.first ? config.items.map(fromConfig) : null
    : teams.first ? teams.items.map((team) => ({ ...team, active: true, config: null })) : null;
  const areaText = (team: Team) => team.area ?? t(hasAreaSibling(team, (rows ?? []).filter((r) => r.active)) ? 'ui.teams.otherAreas' : 'ui.teams.allAreas');
  const kinds = [...new Set((rows ?? []).map((team) => team.kind))];
  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  const editButton = (team: Row) => (team.config ? (
    <Button type="button" variant="tertiary" data-size="sm" aria-label={t('ui.common.editNamed', { name: team.name })} onClick={() => { setMessage(null); setEditing(team.config); }}>
      {t('ui.common.edit')}
    </Button>
  ) : null);
  const status = (team: Row) => (isAdmin ? <Tag data-color={team.active ? 'success' : 'neutral'} data-size="sm">{t(team.active ? 'ui.common.active' : 'ui.common.inactive')}</Tag> : null);

  return (
    <Page title={t('ui.teams.title')}>
      <Paragraph>{t('ui.teams.intro')}</Paragraph>
      {me?.abilities.indicatorsOnly ? (
        <Alert data-color="info">
          <Paragraph>{t('ui.teams.indicatorNote')}</Paragraph>
        </Alert>
      ) : null}
      {me?.abilities.teamOverviews ? <TeamOverviews /> : null}
      {isAdmin ? <LiveMessage>{message}</LiveMessage> : null}
      {isAdmin && options ? (
        editing === null ? (
          <div className="button-row">
            <Button type="button" onClick={() => { setMessage(null); setEditing('new'); }}>{t('teams.form.newButton')}</Button>
          </div>
        ) : (
          <TeamForm
            key={editing === 'new' ? 'new' : editing.id}
            team={editing === 'new' ? null : editing}
            options={options}
            onSaved={(name) => saved(t(editing === 'new' ? 'teams.form.created' : 'teams.form.updated', { name }))}
            onCancel={() => setEditing(null)}
          />
        )
      ) : null}
      <QueryFallback query={loaded} />
      {isAdmin && choicesError ? <LoadError error={choicesError} /> : null}
      {rows && rows.length === 0 ? <Paragraph>{t('ui.teams.empty')}</Paragraph> : null}
      {kinds.map((kind) => {
        const heading = tx(`ui.teams.kind.${kind}`, kind);
        const headingId = `teams-${kind}`;
        return (
          <section key={kind} aria-labelledby={headingId} className="page-section">
            <Heading level={2} data-size="sm" id={headingId}>{heading}</Heading>
            <div className="wide-only">
            <TableScroll label={heading}>
              <Table zebra className="data-table data-table--wide">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('ui.teams.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('ui.teams.ageGroup')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('ui.teams.area')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('ui.teams.leader')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('ui.teams.memberUnits')}</Table.HeaderCell>
                    {isAdmin ? <Table.HeaderCell>{t('ui.units.status')}</Table.HeaderCell> : null}
                    {isAdmin ? <Table.HeaderCell><span className="sr-only">{t('ui.common.actions')}</span></Table.HeaderCell> : null}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows!.filter((team) => team.kind === kind).map((team) => (
                    <Table.Row key={team.id}>
                      <Table.Cell>
                        <span className="cell-strong">{team.name}</span>
                        {team.meetingPlace ? <span className="cell-meta">{team.meetingPlace}</span> : null}
                      </Table.Cell>
                      <Table.Cell className="nowrap">{ageGroup(team, t)}</Table.Cell>
                      <Table.Cell>{areaText(team)}</Table.Cell>
                      <Table.Cell>{team.leaderName ?? '–'}</Table.Cell>
                      <Table.Cell>{team.memberUnits.length ? team.memberUnits.join(', ') : '–'}</Table.Cell>
                      {isAdmin ? <Table.Cell>{status(team)}</Table.Cell> : null}
                      {isAdmin ? <Table.Cell>{editButton(team)}</Table.Cell> : null}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
            </div>
            <ul className="narrow-only team-cards">
              {rows!.filter((team) => team.kind === kind).map((team) => (
                <li key={team.id}>
                  <Card className="team-card">
                    <Heading level={3} data-size="2xs">{team.name}</Heading>
                    <dl className="facts">
                      <div className="facts__row"><dt>{t('ui.teams.ageGroup')}</dt><dd>{ageGroup(team, t)}</dd></div>
                      <div className="facts__row"><dt>{t('ui.teams.area')}</dt><dd>{areaText(team)}</dd></div>
                      <div className="facts__row"><dt>{t('ui.teams.leader')}</dt><dd>{team.leaderName ?? '–'}</dd></div>
                      {team.meetingPlace ? <div className="facts__row"><dt>{t('ui.teams.meetingPlace')}</dt><dd>{team.meetingPlace}</dd></div> : null}
                      <div className="facts__row"><dt>{t('ui.teams.memberUnits')}</dt><dd>{team.memberUnits.length ? team.memberUnits.join(', ') : '–'}</dd></div>
                      {isAdmin ? <div className="facts__row"><dt>{t('ui.units.status')}</dt><dd>{status(team)}</dd></div> : null}
                    </dl>
                    {isAdmin ? <div className="button-row">{editButton(team)}</div> : null}
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <ShowMore more={loaded.more} />
    </Page>
  );
}
