import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNationalId } from '../../common/national-id.ts';
import { openDatabase, type Database, type Db } from '../../server/infra/db/database.ts';
import { migrate } from '../../server/infra/db/migrate.ts';
import { DemoDataExistsError, generateDemoData, type DemoSummary } from '../../server/demo/generate.ts';
import { DEMO_CITIZENS, DEMO_STAFF } from '../../server/modules/identity/demo-users.ts';
import { surveyResults } from '../../server/modules/questionnaires/survey-results.ts';

async function freshDatabase(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database.db);
  return database;
}

async function people(db: Db) {
  return db
    .selectFrom('person')
    .select(['national_id', 'given_name', 'family_name', 'birth_date', 'kind', 'area', 'address'])
    .orderBy('national_id')
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('birth_date')
    .execute();
}

describe('demo data for Fjordvik kommune', () => {
  let database: Database;
  let db: Db;
  let summary: DemoSummary;

  beforeAll(async () => {
    database = await freshDatabase();
    db = database.db;
    summary = await generateDemoData(db, { children: 60, activityYears: 3 });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('has one municipality with a unit of every service unit type', async () => {
    const municipalities = await db.selectFrom('municipality').select(['code', 'name']).execute();
    expect(municipalities).toEqual([{ code: '9901', name: 'Fjordvik kommune' }]);
    const types = await db.selectFrom('service_unit_type').select('code').execute();
    expect(types).toHaveLength(16);
    const unitTypes = new Set((await db.selectFrom('service_unit').select('type_code').execute()).map((u) => u.type_code));
    for (const { code } of types) expect(unitTypes, code).toContain(code);
  });

  it('has every demo staff user with their roles and unit', async () => {
    for (const demo of DEMO_STAFF) {
      const user = await db
        .selectFrom('staff_user')
        .innerJoin('service_unit', 'service_unit.id', 'staff_user.service_unit_id')
        .select(['staff_user.id', 'staff_user.display_name', 'staff_user.email', 'service_unit.name as unit'])
        .where('staff_user.username', '=', demo.username)
        .executeTakeFirstOrThrow();
      expect(user.display_name).toBe(demo.displayName);
      expect(user.email).toBe(`${demo.username}@fjordvik.kommune.no`);
      expect(user.unit).toBe(demo.unitName);
      const roles = await db.selectFrom('staff_role').select('role').where('staff_user_id', '=', user.id).execute();
      expect(roles.map((r) => r.role).sort()).toEqual([...demo.roles].sort());
    }
    expect(DEMO_STAFF.map((u) => u.username).sort()).toEqual([
      'administrator', 'analytiker', 'barnevern.mottak', 'fagperson.barnehage', 'fagperson.skole', 'helsesykepleier',
      'jordmor', 'koordinator', 'koordinerende.enhet', 'nav.veileder', 'revisor', 'sbu.koordinator', 'teamleder', 'teammedlem',
    ]);
  });

  it('gives staff unique usernames and e-mails and no national ids', async () => {
    const staff = await db.selectFrom('staff_user').select(['username', 'email', 'national_id']).execute();
    expect(staff.length).toBeGreaterThanOrEqual(50);
    expect(new Set(staff.map((s) => s.email.toLowerCase())).size).toBe(staff.length);
    for (const s of staff) {
      expect(s.username).toMatch(/^[a-z0-9][a-z0-9._-]{1,62}$/);
      expect(s.national_id).toBeNull();
    }
  });

  it('has the seven early-intervention teams and four system-level teams, each with a leader', async () => {
    const teams = await db.selectFrom('team').select(['id', 'name', 'kind', 'area', 'leader_staff_user_id']).execute();
    expect(teams.filter((t) => t.kind === 'early_intervention')).toHaveLength(7);
    const systemTeams = teams.filter((t) => t.kind === 'system_level');
    expect(systemTeams).toHaveLength(4);
    for (const t of systemTeams) expect(t.area).toBeNull();
    for (const t of teams) expect(t.leader_staff_user_id, t.name).not.toBeNull();
    const led = await db
      .selectFrom('team')
      .innerJoin('staff_user', 'staff_user.id', 'team.leader_staff_user_id')
      .select(['team.id', 'team.area', 'team.kind'])
      .where('staff_user.username', '=', 'teamleder')
      .execute();
    // The team leader leads one team: the early-intervention team for the primary schools in Nord.
    expect(led).toEqual([{ id: expect.any(String), area: 'Nord', kind: 'early_intervention' }]);
    const served = await db.selectFrom('team_service_unit as tu').innerJoin('service_unit as u', 'u.id', 'tu.service_unit_id').select('u.type_code').distinct()
      .where('tu.team_id', '=', led[0]!.id).execute();
    expect(served.map((u) => u.type_code)).toContain('school_primary');
  });

  it('stores only valid, synthetic national ids, and some people without one', async () => {
    const rows = await db.selectFrom('person').select(['national_id', 'birth_date']).execute();
    expect(rows.length).toBe(summary.person);
    for (const { national_id, birth_date } of rows) {
      if (national_id === null) continue;
      const parsed = parseNationalId(national_id);
      expect(parsed, national_id).toMatchObject({ valid: true, synthetic: true, birthDate: birth_date });
    }
  });

  it('generates the requested number of children aged 0–23 with guardians', async () => {
    const children = await db.selectFrom('person').select(['id', 'birth_date']).where('kind', '=', 'child').execute();
    expect(children).toHaveLength(60);
    for (const c of children) {
      expect(c.birth_date >= '2002-08-16' && c.birth_date <= '2026-08-15', c.birth_date).toBe(true);
    }
    const withGuardian = await db.selectFrom('guardianship').select('child_id').distinct().execute();
    expect(withGuardian).toHaveLength(60);
  });

  it('has the five citizen demo log-ins, and the father has no parental responsibility for the mother\'s younger child', async () => {
    const accounts = await db
      .selectFrom('citizen_account')
      .innerJoin('person', 'person.id', 'citizen_account.person_id')
      .select(['citizen_account.username', 'person.id', 'person.given_name', 'person.family_name', 'person.kind'])
      .execute();
    expect(accounts.map((a) => a.username).sort()).toEqual(DEMO_CITIZENS.map((c) => c.username).sort());
    const byUsername = new Map(accounts.map((a) => [a.username, a]));
    for (const c of DEMO_CITIZENS) {
      const a = byUsername.get(c.username)!;
      expect(`${a.given_name} ${a.family_name}`).toBe(c.displayName);
    }
    expect(byUsername.get('gravid')!.kind).toBe('pregnant');
    expect(byUsername.get('ungdom')!.kind).toBe('child');

    // The younger of the two children the mother who signs in as `forelder` is guardian of (born later is younger).
    const mothersChildren = await db.selectFrom('guardianship').innerJoin('person', 'person.id', 'guardianship.child_id')
      .select(['person.id', 'person.birth_date', 'person.area']).where('guardianship.guardian_id', '=', byUsername.get('forelder')!.id).orderBy('person.birth_date', 'desc').execute();
    expect(mothersChildren).toHaveLength(2);
    const younger = mothersChildren[0]!;
    expect(younger.area).toBe('Nord');
    expect(younger.birth_date.slice(0, 4)).toBe('2021');
    const links = await db.selectFrom('guardianship').selectAll().where('child_id', '=', younger.id).execute();
    const mother = links.find((l) => l.guardian_id === byUsername.get('forelder')!.id);
    const father = links.find((l) => l.guardian_id === byUsername.get('forelder.uten.ansvar')!.id);
    expect(mother).toMatchObject({ relation: 'mother', parental_responsibility: true, lives_with_child: true });
    expect(father).toMatchObject({ relation: 'father', parental_responsibility: false, lives_with_child: false });

    const teachers = await db
      .selectFrom('involvement')
      .innerJoin('staff_user', 'staff_user.id', 'involvement.staff_user_id')
      .select('staff_user.username')
      .where('involvement.person_id', '=', younger.id)
      .execute();
    expect(teachers.map((i) => i.username)).toContain('fagperson.barnehage');
  });

  it('shows the work: a relay log held by the school teacher, and a referral waiting in the team\'s intake', async () => {
    const teacher = await db.selectFrom('staff_user').select('id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow();
    const cases = await db.selectFrom('help_case').select(['id', 'level', 'person_id']).where('relay_holder_id', '=', teacher.id).orderBy('level', 'desc').execute();
    expect(cases.map((c) => c.level)).toEqual([1, 0]);
    const entries = await db.selectFrom('relay_log_entry').select('kind').where('case_id', '=', cases[0]!.id).execute();
    expect(entries.map((e) => e.kind).sort()).toEqual(['development_area', 'goal', 'measure', 'strength']);
    const consent = await db.selectFrom('consent').select('id').where('subject_id', '=', cases[0]!.person_id).executeTakeFirst();
    expect(consent).toBeDefined();
    // Waiting in the intake of the team the team leader leads.
    const waiting = await db.selectFrom('referral as r').innerJoin('team as t', 't.id', 'r.team_id').innerJoin('staff_user as s', 's.id', 't.leader_staff_user_id')
      .select(['s.username', 'r.status', 'r.person_id']).where('r.status', '<>', 'accepted').execute();
    expect(waiting).toEqual([{ username: 'teamleder', status: 'waiting', person_id: cases[1]!.person_id }]);
  });

  it('has the health nurse\'s screenings and one completed collaboration survey round with results', async () => {
    const screenings = await db.selectFrom('screening').select(['status', 'score', 'threshold_key']).orderBy('requested_at').execute();
    expect(screenings).toEqual([
      { status: 'answered', score: 14, threshold_key: 'probable_depression' },
      { status: 'answered', score: 6, threshold_key: null },
      { status: 'sent', score: null, threshold_key: null },
    ]);
    const municipality = await db.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
    const [round] = await surveyResults(db, municipality.id);
    expect(round!.respondents).toBeGreaterThanOrEqual(5);
    expect(round!.groups.length).toBeGreaterThan(0);
  });

  it('holds three years of team work and the register, so the first annual report shows trends', async () => {
    const municipality = await db.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
    const figure = (key: string) => db.selectFrom('indicator_figure').select(['year', 'numerator', 'denominator'])
      .where('municipality_id', '=', municipality.id).where('computed_key', '=', key).where('scope_kind', '=', 'municipality').orderBy('year').execute();
    // The reference date is in 2026: the three full years before it each have cases, attendance, ratings and action plans.
    for (const key of ['team_cases', 'family_present_share', 'good_help_share', 'action_items_on_time_share']) {
      const years = (await figure(key)).filter((f) => f.denominator > 0).map((f) => f.year);
      expect(years, key).toEqual(expect.arrayContaining([2023, 2024, 2025]));
    }
    // Every past meeting is closed with the guardian's attendance recorded; no referral of it waits.
    const open = await db.selectFrom('team_meeting as m').innerJoin('meeting_participant as p', 'p.meeting_id', 'm.id')
      .select('m.id').where('p.role', '=', 'guardian').where('m.status', '=', 'closed').where('p.attendance', 'is', null).execute();
    expect(open).toEqual([]);
    const register = await db.selectFrom('indicator').select(['code', 'source', 'baseline_year']).where('municipality_id', '=', municipality.id).orderBy('code').execute();
    expect(register.map((r) => r.code)).toEqual(['foresatte-til-stede', 'god-hjelp', 'tidlig-innsats-saker', 'tiltak-i-tide', 'ungdata-trives']);
    expect(new Set(register.map((r) => r.baseline_year))).toEqual(new Set([2022]));
    const entries = await db.selectFrom('indicator_entry').select('year').orderBy('year').execute();
    expect(entries.map((e) => e.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(await db.selectFrom('indicator_version').select('version').execute()).toHaveLength(5);
  });

  it('refuses to run on a database that already has a municipality', async () => {
    await expect(generateDemoData(db, { children: 5 })).rejects.toBeInstanceOf(DemoDataExistsError);
  });

  it('gives the same people for the same seed', async () => {
    const other = await freshDatabase();
    try {
      await generateDemoData(other.db, { children: 60, seed: 2026 });
      expect(await people(other.db)).toEqual(await people(db));
    } finally {
      await other.close();
    }
  });
});
