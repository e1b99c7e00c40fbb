// The administrator configures the teams: a new early-intervention team with its age group, area,
// leader, services and members; an edit that names the version it read (a stale one is refused);
// invalid input refused with a clear message and nothing changed; nobody else may do it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { createServiceUnit, teamLedBy, unitOf } from '../support/factories.ts';

let t: TestApp;
let admin: Client;
let tone: Client;
const ids: Record<string, string> = {};
/** The staff's names as the app shows them (`staff_user.display_name`), read rather than spelt. */
const names: Record<'tone' | 'lars' | 'henrik' | 'admin', string> = { tone: '', lars: '', henrik: '', admin: '' };

const teamCount = async () => (await t.database.db.selectFrom('team').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const fields = (r: { json(): { error: { fields: unknown } } }) => r.json().error.fields;

/** A team's form; its name is never stored, so a refusal is never about a name another test took. */
function newTeam(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Tidlig innsatsteam som ikke lagres',
    kind: 'early_intervention',
    ageFromMonths: 12,
    ageToMonths: 71,
    area: 'Sentrum',
    leaderStaffId: ids.tone,
    unitIds: [ids.kindergarten, ids.ppt],
    memberStaffIds: [ids.lars],
    meetingPlace: 'I barnets barnehage',
    description: 'Barnehagene i Sentrum.',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 5 });
  [admin, tone] = await Promise.all([signedIn(t.app, 'administrator'), signedIn(t.app, 'teamleder')]);
  const db = t.database.db;
  const staff = async (u: string) => db.selectFrom('staff_user').select(['id', 'display_name']).where('username', '=', u).executeTakeFirstOrThrow();
  const [toneRow, larsRow, henrikRow] = [await staff('teamleder'), await staff('teammedlem'), await staff('fagperson.skole')];
  Object.assign(names, { tone: toneRow.display_name, lars: larsRow.display_name, henrik: henrikRow.display_name, admin: (await staff('administrator')).display_name });
  const tonesTeam = await teamLedBy(db, 'teamleder');
  Object.assign(ids, {
    tone: toneRow.id, lars: larsRow.id, henrik: henrikRow.id,
    tonesTeam: tonesTeam.id, tonesTeamName: tonesTeam.name,
    // Lars's service; the kindergarten and the school the forms add are the file's own.
    ppt: (await unitOf(db, 'teammedlem')).id,
    kindergarten: (await createServiceUnit(admin, 'Testbarnehage for teamskjema', { typeCode: 'kindergarten', area: 'Sentrum' })).id,
    school: (await createServiceUnit(admin, 'Testskole for teamskjema', { typeCode: 'school_primary', area: 'Nord' })).id,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('the administrator\'s team list', () => {
  it('shows every team with its version, and the people and services to choose from', async () => {
    const config = (await admin.get('/api/teams/config')).json();
    expect(config.teams).toHaveLength(await teamCount());
    const nord = config.teams.find((x: { id: string }) => x.id === ids.tonesTeam);
    // The team as its row has it: the demo's age group and area, whatever they are.
    const row = await t.database.db.selectFrom('team').select(['age_from_months', 'age_to_months', 'area']).where('id', '=', ids.tonesTeam!).executeTakeFirstOrThrow();
    expect(nord).toMatchObject({ kind: 'early_intervention', ageFromMonths: row.age_from_months, ageToMonths: row.age_to_months, area: row.area, leader: { id: ids.tone, name: names.tone }, version: 1, active: true });
    expect(nord.members).toContainEqual(expect.objectContaining({ id: ids.lars, name: names.lars }));
    expect(config.options.areas).toEqual(['Nord', 'Sentrum', 'Sør']);
    // The form's people and services come a page at a time from lists of their own.
    const staffChoices = (await admin.get('/api/teams/config/staff')).json();
    expect(staffChoices).toMatchObject({ hasMore: false, nextCursor: null });
    expect(staffChoices.staff.find((s: { name: string }) => s.name === names.tone)).toMatchObject({ id: ids.tone, teamLeader: true });
    // Only staff in a team role can be chosen: the contact teacher is not offered.
    expect(staffChoices.staff.some((s: { id: string }) => s.id === ids.henrik)).toBe(false);
    const unitChoices = (await admin.get('/api/teams/config/units')).json().units.map((u: { id: string }) => u.id);
    expect(unitChoices).toEqual(expect.arrayContaining([ids.ppt, ids.kindergarten, ids.school]));
  });

  it('is the administrator\'s alone', async () => {
    expect((await tone.get('/api/teams/config')).statusCode).toBe(403);
    expect((await tone.get('/api/teams/config/staff')).statusCode).toBe(403);
    expect((await tone.get('/api/teams/config/units')).statusCode).toBe(403);
    expect((await tone.post('/api/teams', newTeam())).statusCode).toBe(403);
    const sbu = await signedIn(t.app, 'sbu.koordinator');
    expect((await sbu.post('/api/teams', newTeam())).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/teams/config' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('creating a team', () => {
  it('refuses an age group that ends before it starts, and creates nothing', async () => {
    const before = await teamCount();
    const refused = await admin.post('/api/teams', newTeam({ ageFromMonths: 72, ageToMonths: 12 }));
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual([{ field: 'ageToMonths', message: 'Alder til må være lik eller høyere enn alder fra.' }]);
    expect(fields(await admin.post('/api/teams', newTeam({ ageFromMonths: -12 })))).toEqual([
      { field: 'ageFromMonths', message: 'Alder fra kan tidligst være 9 måneder før fødsel (-9).' },
    ]);
    expect(await teamCount()).toBe(before);
  });

  it('refuses a leader who cannot lead an early-intervention team, naming them', async () => {
    const before = await teamCount();
    expect(fields(await admin.post('/api/teams', newTeam({ leaderStaffId: ids.henrik })))).toEqual([
      { field: 'leaderStaffId', message: `${names.henrik} har ikke rollen teamleder. Gi rollen under Ansatte først.` },
    ]);
    expect(fields(await admin.post('/api/teams', newTeam({ leaderStaffId: '00000000-0000-4000-8000-000000000000' })))).toEqual([
      { field: 'leaderStaffId', message: 'Lederen må være en aktiv ansatt i kommunen.' },
    ]);
    expect(fields(await admin.post('/api/teams', newTeam({ leaderStaffId: undefined })))).toEqual([{ field: 'leaderStaffId', message: 'Velg hvem som leder teamet.' }]);
    expect(fields(await admin.post('/api/teams', newTeam({ memberStaffIds: [ids.lars, ids.henrik] })))).toEqual([
      { field: 'memberStaffIds.1', message: `${names.henrik} har ikke rollen teammedlem eller teamleder. Gi rollen under Ansatte først.` },
    ]);
    expect(await teamCount()).toBe(before);
  });

  it('refuses a name that is taken, whatever the case', async () => {
    expect(fields(await admin.post('/api/teams', newTeam({ name: ids.tonesTeamName!.toUpperCase() })))).toEqual([
      { field: 'name', message: 'Det finnes allerede et team med dette navnet.' },
    ]);
  });

  it('creates the team, which the teams page then lists with its leader and services', async () => {
    const created = await admin.post('/api/teams', newTeam({ name: 'Tidlig innsatsteam barnehage Sentrum' }));
    expect(created.statusCode).toBe(201);
    const teamId: string = created.json().id;
    const listed = (await tone.get('/api/teams')).json().teams.find((x: { id: string }) => x.id === teamId);
    expect(listed).toMatchObject({ name: 'Tidlig innsatsteam barnehage Sentrum', area: 'Sentrum', ageFromMonths: 12, ageToMonths: 71, leaderName: names.tone, meetingPlace: 'I barnets barnehage' });
    // By name, as they are called when listed: another test renames a service.
    const units = await t.database.db.selectFrom('service_unit').select('name').where('id', 'in', [ids.kindergarten!, ids.ppt!]).orderBy('name').execute();
    expect(listed.memberUnits).toEqual(units.map((u) => u.name));
    // The leader sits in the team too.
    const members = await t.database.db.selectFrom('team_member').select('staff_user_id').where('team_id', '=', teamId).execute();
    expect(members.map((m) => m.staff_user_id).sort()).toEqual([ids.lars, ids.tone].sort());
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_name']).where('entity_id', '=', teamId).execute();
    expect(audit).toEqual([{ action: 'team.edit', outcome: 'allowed', actor_name: names.admin }]);
  });
});

describe('editing a team', () => {
  let made = 0;
  /** A team of the test's own, made as the administrator makes one (version 1). */
  async function createTeam(): Promise<{ id: string; name: string }> {
    const name = `Tidlig innsatsteam ${++made} for redigering`;
    const created = await admin.post('/api/teams', newTeam({ name }));
    expect(created.statusCode).toBe(201);
    return { id: created.json().id, name };
  }

  it('saves an edit that names the version it read, and refuses a stale one without changing anything', async () => {
    const team = await createTeam();
    const edit = { ...newTeam({ name: team.name, area: undefined, unitIds: [ids.school], memberStaffIds: [] }), active: true, version: 1 };
    const saved = await admin.put(`/api/teams/${team.id}`, edit);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await admin.put(`/api/teams/${team.id}`, { ...edit, name: 'Et annet navn', version: 1 });
    expect(stale.statusCode).toBe(409);
    const row = await t.database.db.selectFrom('team').select(['name', 'area', 'version']).where('id', '=', team.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: team.name, area: null, version: 2 });
    const units = await t.database.db.selectFrom('team_service_unit').select('service_unit_id').where('team_id', '=', team.id).execute();
    expect(units.map((u) => u.service_unit_id)).toEqual([ids.school]);
  });

  it('refuses invalid input on an edit with nothing changed', async () => {
    const team = await createTeam();
    const refused = await admin.put(`/api/teams/${team.id}`, { ...newTeam({ name: team.name, ageToMonths: 0, ageFromMonths: 5 }), active: true, version: 1 });
    expect(fields(refused)).toEqual([{ field: 'ageToMonths', message: 'Alder til må være lik eller høyere enn alder fra.' }]);
    expect((await t.database.db.selectFrom('team').select('version').where('id', '=', team.id).executeTakeFirstOrThrow()).version).toBe(1);
  });

  it('takes an inactive team off the teams page, but keeps it for the administrator', async () => {
    const team = await createTeam();
    expect((await tone.get('/api/teams')).json().teams.some((x: { id: string }) => x.id === team.id)).toBe(true);
    const saved = await admin.put(`/api/teams/${team.id}`, { ...newTeam({ name: team.name }), active: false, version: 1 });
    expect(saved.json().version).toBe(2);
    expect((await tone.get('/api/teams')).json().teams.some((x: { id: string }) => x.id === team.id)).toBe(false);
    expect((await admin.get('/api/teams/config')).json().teams.find((x: { id: string }) => x.id === team.id)).toMatchObject({ active: false, version: 2 });
  });

  it('is seen at once after the administrator changes a team, or renames a service in it', async () => {
    const team = await createTeam();
    const teamsPage = async () => (await tone.get('/api/teams')).json().teams.find((x: { id: string }) => x.id === team.id);
    // Read once, so the configuration is kept, before each change.
    expect(await teamsPage()).toMatchObject({ name: team.name, area: 'Sentrum' });
    const renamed = `${team.name} (nytt navn)`;
    expect((await admin.put(`/api/teams/${team.id}`, { ...newTeam({ name: renamed, area: 'Sør' }), active: true, version: 1 })).statusCode).toBe(200);
    expect(await teamsPage()).toMatchObject({ name: renamed, area: 'Sør' });
    const config = (await admin.get('/api/teams/config')).json().teams.find((x: { id: string }) => x.id === team.id);
    expect(config).toMatchObject({ name: renamed, version: 2 });
    // A service the team has, renamed on the service-unit page: the team shows its new name.
    const unit = await t.database.db.selectFrom('service_unit').select(['name', 'type_code', 'area', 'version']).where('id', '=', ids.ppt!).executeTakeFirstOrThrow();
    const unitName = `${unit.name} Fjordvik`;
    expect((await admin.put(`/api/admin/service-units/${ids.ppt}`, { name: unitName, typeCode: unit.type_code, ...(unit.area ? { area: unit.area } : {}), active: true, version: unit.version })).statusCode).toBe(200);
    expect((await teamsPage()).memberUnits).toContain(unitName);
  });

  it('is kept for one database only: a transaction shares its database\'s entry, another database has its own', async () => {
    const { databaseIdentity } = await import('../../server/infra/db/database.ts');
    const { Kysely, PostgresDialect } = await import('kysely');
    const pg = (await import('pg')).default;
    const mine = databaseIdentity(t.database.db);
    expect(await t.database.db.transaction().execute(async (trx) => databaseIdentity(trx) === mine)).toBe(true);
    // Never connected: only its identity is asked for.
    const other = new Kysely<never>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
    expect(databaseIdentity(other as never)).not.toBe(mine);
    await other.destroy();
  });

  it('answers an unknown team as not found', async () => {
    expect((await admin.put('/api/teams/00000000-0000-4000-8000-000000000000', { ...newTeam(), active: true, version: 1 })).statusCode).toBe(404);
  });
});
