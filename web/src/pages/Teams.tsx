// The teams: early-intervention teams by age group and area, and the system-level teams. This is
// organisation data only; no child is named here.
import { Alert, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useApi } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { Team } from '../types.ts';

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

export function TeamsPage() {
  const { t, tx } = useI18n();
  const { me } = useSession();
  const teams = useApi<{ teams: Team[] }>('/api/teams');
  const role = me?.principal?.kind === 'staff' ? me.principal.activeRole : null;
  const areaText = (team: Team) => team.area ?? t(hasAreaSibling(team, teams.data?.teams ?? []) ? 'ui.teams.otherAreas' : 'ui.teams.allAreas');
  const kinds = [...new Set((teams.data?.teams ?? []).map((team) => team.kind))];

  return (
    <Page title={t('ui.teams.title')}>
      <Paragraph>{t('ui.teams.intro')}</Paragraph>
      {role === 'sbu_coordinator' || role === 'analyst' ? (
        <Alert data-color="info">
          <Paragraph>{t('ui.teams.indicatorNote')}</Paragraph>
        </Alert>
      ) : null}
      {teams.loading && !teams.data ? <Loading /> : null}
      {teams.error ? <LoadError error={teams.error} /> : null}
      {teams.data && teams.data.teams.length === 0 ? <Paragraph>{t('ui.teams.empty')}</Paragraph> : null}
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
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {teams.data!.teams.filter((team) => team.kind === kind).map((team) => (
                    <Table.Row key={team.id}>
                      <Table.Cell>
                        <span className="cell-strong">{team.name}</span>
                        {team.meetingPlace ? <span className="cell-meta">{team.meetingPlace}</span> : null}
                      </Table.Cell>
                      <Table.Cell className="nowrap">{ageGroup(team, t)}</Table.Cell>
                      <Table.Cell>{areaText(team)}</Table.Cell>
                      <Table.Cell>{team.leaderName ?? '–'}</Table.Cell>
                      <Table.Cell>{team.memberUnits.length ? team.memberUnits.join(', ') : '–'}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
            </div>
            <ul className="narrow-only team-cards">
              {teams.data!.teams.filter((team) => team.kind === kind).map((team) => (
                <li key={team.id}>
                  <Card className="team-card">
                    <Heading level={3} data-size="2xs">{team.name}</Heading>
                    <dl className="facts">
                      <div className="facts__row"><dt>{t('ui.teams.ageGroup')}</dt><dd>{ageGroup(team, t)}</dd></div>
                      <div className="facts__row"><dt>{t('ui.teams.area')}</dt><dd>{areaText(team)}</dd></div>
                      <div className="facts__row"><dt>{t('ui.teams.leader')}</dt><dd>{team.leaderName ?? '–'}</dd></div>
                      {team.meetingPlace ? <div className="facts__row"><dt>{t('ui.teams.meetingPlace')}</dt><dd>{team.meetingPlace}</dd></div> : null}
                      <div className="facts__row"><dt>{t('ui.teams.memberUnits')}</dt><dd>{team.memberUnits.length ? team.memberUnits.join(', ') : '–'}</dd></div>
                    </dl>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}
