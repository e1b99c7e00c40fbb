// The municipality's team configuration as requests read it — every team with its leader, members
// and member services — kept in memory instead of rebuilt on every request (decision 0036, as the
// action guide's steps and the catalogue's vocabulary). It changes only when an administrator
// creates or edits a team (the team's version moves) or renames a member or a service (their
// versions move), so each request reads one short fingerprint of those versions and rebuilds only
// when it moved: every server process sees an administrator's change at its next request. Entries are
// kept per opened database and municipality, so neither two databases nor two municipalities share one.
import { sql } from 'kysely';
import { databaseIdentity, type Db, type Tx } from '../../infra/db/database.ts';
import type { TeamConfig } from '../../../common/contracts/teams.ts';

/** The kept team is the shape the administrator's list answers with: one contract, not a copy. */
export type KeptTeam = TeamConfig;

/** Municipalities kept per database; one installation serves a few. */
const KEPT_MUNICIPALITIES = 64;

const kept = new WeakMap<object, Map<string, { version: string; teams: Promise<KeptTeam[]> }>>();

/** Moves with every change to a team, its membership, or the name of its leader, a member or a service. */
async function configurationVersion(db: Db | Tx, municipalityId: string): Promise<string> {
  const result = await sql<{ version: string | null }>`
    WITH t AS (SELECT id, version, leader_staff_user_id FROM team WHERE municipality_id = ${municipalityId})
    SELECT md5(string_agg(part, ',' ORDER BY part)) AS version FROM (
      SELECT 't' || id || ':' || version AS part FROM t
      UNION ALL
      SELECT 's' || s.id || ':' || s.version FROM staff_user s
      WHERE s.id IN (SELECT leader_staff_user_id FROM t UNION SELECT tm.staff_user_id FROM team_member tm WHERE tm.team_id IN (SELECT id FROM t))
      UNION ALL
      SELECT 'u' || u.id || ':' || u.version FROM service_unit u
      WHERE u.id IN (SELECT tu.service_unit_id FROM team_service_unit tu WHERE tu.team_id IN (SELECT id FROM t))
    ) parts`.execute(db);
  return result.rows[0]?.version ?? '';
}

/** Where a team stands in the administrator's list: by kind, age group and name, and id so equal names keep one order. */
export function teamOrderKey(team: Pick<KeptTeam, 'kind' | 'ageFromMonths' | 'name' | 'id'>): [string, number, string, string] {
  return [team.kind, team.ageFromMonths, team.name, team.id];
}

/** Compares two order keys; the list and a page's cursor both go by it, so no page skips or repeats a team. */
export function compareTeamKeys(a: readonly [string, number, string, string], b: readonly [string, number, string, string]): number {
  return (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1] || a[2].localeCompare(b[2], 'nb') || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

async function build(db: Db | Tx, municipalityId: string): Promise<KeptTeam[]> {
  const teams = await db
    .selectFrom('team as t')
    .leftJoin('staff_user as l', 'l.id', 't.leader_staff_user_id')
    .select([
      't.id', 't.name', 't.kind', 't.age_from_months', 't.age_to_months', 't.area', 't.leader_staff_user_id', 'l.display_name as leader_name',
      't.meeting_place', 't.description', 't.active', 't.version',
    ])
    .where('t.municipality_id', '=', municipalityId)
    .execute();
  const ids = teams.map((t) => t.id);
  const members = ids.length
    ? await db.selectFrom('team_member as tm').innerJoin('staff_user as s', 's.id', 'tm.staff_user_id').select(['tm.team_id', 's.id', 's.display_name']).where('tm.team_id', 'in', ids).orderBy('s.display_name').orderBy('s.id').execute()
    : [];
  const units = ids.length
    ? await db.selectFrom('team_service_unit as tu').innerJoin('service_unit as u', 'u.id', 'tu.service_unit_id').select(['tu.team_id', 'u.id', 'u.name']).where('tu.team_id', 'in', ids).orderBy('u.name').orderBy('u.id').execute()
    : [];
  const all: KeptTeam[] = teams.map((t) => ({
    id: t.id, name: t.name, kind: t.kind, ageFromMonths: t.age_from_months, ageToMonths: t.age_to_months, area: t.area,
    leader: t.leader_staff_user_id ? { id: t.leader_staff_user_id, name: t.leader_name ?? '' } : null,
    members: members.filter((x) => x.team_id === t.id).map((x) => ({ id: x.id, name: x.display_name })),
    units: units.filter((x) => x.team_id === t.id).map((x) => ({ id: x.id, name: x.name })),
    meetingPlace: t.meeting_place, description: t.description, active: t.active, version: t.version,
  }));
  return all.sort((a, b) => compareTeamKeys(teamOrderKey(a), teamOrderKey(b)));
}

/** Every team of the municipality, active or not, as configured now. Callers must not change what they get. */
export async function teamConfiguration(db: Db | Tx, municipalityId: string): Promise<readonly KeptTeam[]> {
  const identity = databaseIdentity(db);
  let ofDatabase = kept.get(identity);
  if (!ofDatabase) kept.set(identity, (ofDatabase = new Map()));
  const version = await configurationVersion(db, municipalityId);
  let entry = ofDatabase.get(municipalityId);
  if (entry?.version !== version) {
    const teams = build(db, municipalityId);
    const fresh = { version, teams };
    // A failed read is not kept.
    teams.catch(() => {
      if (ofDatabase.get(municipalityId) === fresh) ofDatabase.delete(municipalityId);
    });
    ofDatabase.delete(municipalityId);
    if (ofDatabase.size >= KEPT_MUNICIPALITIES) ofDatabase.delete(ofDatabase.keys().next().value!);
    ofDatabase.set(municipalityId, fresh);
    entry = fresh;
  }
  return entry.teams;
}
