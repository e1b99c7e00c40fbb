// The level-2 whole-family effort (issue 17, part 3): a teacher asks for it, the level-2 intake
// (Koordinerende enhet) offers it to the NAV family coordinator, who accepts and becomes the family's
// one contact person on Min side; the effort holds the parent with parental responsibility and every
// child, while each child's log stays under that child's own consent — the leader and a service
// called in see one child's log and not the other's. It ends with an evaluation, and the leader's
// way in ends with it. Around it: refusals (audited, nothing changed), a stale version, a replay.
// Every test makes its own family.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';

let t: TestApp;

/** How the family sees its contact person: the leader's name, title, unit and address, as the database has them. */
async function contactOf(username: string) {
  const s = await t.database.db.selectFrom('staff_user as s').innerJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.display_name', 's.title', 's.email', 'u.name']).where('s.username', '=', username).executeTakeFirstOrThrow();
  return { name: s.display_name, title: s.title, unitName: s.name, email: s.email };
}
let teacher: Client; // fagperson.skole, the school's contact teacher
let intake: Client; // koordinerende.enhet: the level-2 intake
let nav: Client; // nav.veileder: NAV Fjordvik
let nurse: Client; // helsesykepleier: Helsestasjon Nord
let kindergarten: Client; // fagperson.barnehage: not involved
let youth: Client; // ungdom
let ids: Record<'teacher' | 'nav' | 'nurse' | 'kindergarten' | 'municipality', string>;
let n = 0;

interface Family { mother: Client; motherId: string; fatherId: string; first: string; second: string }

const count = async (table: 'family_effort' | 'family_effort_member') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

/**
 * A mother with parental responsibility for two children (the father has none), followed by the
 * teacher. The first child's consent reaches NAV and the health stations; the second's only schools.
 */
async function family(): Promise<Family> {
  n += 1;
  const db = t.database.db;
  const person = async (given: string, birthDate: string, kind: 'child' | 'adult') =>
    (await db.insertInto('person').values({ municipality_id: ids.municipality, given_name: given, family_name: `Innsats${n}`, birth_date: birthDate, kind, area: 'Nord' }).returning('id').executeTakeFirstOrThrow()).id;
  const motherId = await person('Mor', '1988-04-02', 'adult');
  const fatherId = await person('Far', '1986-01-20', 'adult');
  const first = await person('Eldste', '2016-03-11', 'child');
  const second = await person('Yngste', '2019-09-30', 'child');
  await db.insertInto('guardianship').values([first, second].flatMap((child) => [
    { child_id: child, guardian_id: motherId, relation: 'mother' as const, parental_responsibility: true },
    { child_id: child, guardian_id: fatherId, relation: 'father' as const, parental_responsibility: false, lives_with_child: false },
  ])).execute();
  await db.insertInto('involvement').values([first, second].map((child) => ({ person_id: child, staff_user_id: ids.teacher, kind: 'registrant' as const }))).execute();
  await db.insertInto('citizen_account').values([{ person_id: motherId, username: `innsats.mor.${n}` }, { person_id: fatherId, username: `innsats.far.${n}` }]).execute();
  for (const [child, types] of [[first, ['nav', 'health_station', 'school_primary']], [second, ['school_primary']]] as const) {
    const recorded = await teacher.post(`/api/people/${child}/consents`, {
      method: 'paper', giverIds: [motherId], purposes: ['collaboration'], categories: ['family_situation', 'development'],
      recipientUnitTypes: types, validFrom: today(), validTo: daysFromToday(200), childView: 'Synes det er greit.',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
  }
  return { mother: await signedIn(t.app, `innsats.mor.${n}`), motherId, fatherId, first, second };
}

async function requested(f: Family): Promise<string> {
  const response = await teacher.post('/api/family-efforts', { personId: f.first, reason: 'Familien har dårlig råd, mor er uten jobb og de må flytte.' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

/** An effort the NAV coordinator leads: offered by the intake and accepted. */
async function led(f: Family): Promise<string> {
  const id = await requested(f);
  expect((await intake.post(`/api/family-efforts/${id}/leader`, { staffUserId: ids.nav, version: 1 })).statusCode).toBe(200);
  expect((await nav.post(`/api/family-efforts/${id}/accept`, { version: 2 })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, intake, nav, nurse, kindergarten, youth] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'koordinerende.enhet'), signedIn(t.app, 'nav.veileder'),
    signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'ungdom'),
  ]);
  const staffId = async (username: string) => (await t.database.db.selectFrom('staff_user').select(['id', 'municipality_id']).where('username', '=', username).executeTakeFirstOrThrow());
  const teacherRow = await staffId('fagperson.skole');
  ids = {
    teacher: teacherRow.id, municipality: teacherRow.municipality_id, nav: (await staffId('nav.veileder')).id,
    nurse: (await staffId('helsesykepleier')).id, kindergarten: (await staffId('fagperson.barnehage')).id,
  };
});
afterAll(async () => {
  await t?.close();
});

describe('the level-2 path', () => {
  it('goes from the teacher\'s request through the intake to the leader who accepts, and the family sees one contact person', async () => {
    const f = await family();
    const id = await requested(f);
    const queue = (await intake.get('/api/family-efforts')).json().efforts as { id: string; status: string; members: { id: string; role: string }[] }[];
    const mine = queue.find((e) => e.id === id)!;
    expect(mine.status).toBe('requested');
    // The parent with parental responsibility and every child; not the father without it.
    expect(mine.members.map((m) => [m.id, m.role]).sort()).toEqual([[f.first, 'child'], [f.motherId, 'parent'], [f.second, 'child']].sort());
    expect((await f.mother.get('/api/my-family-efforts')).json().efforts[0]).toMatchObject({ id, status: 'requested', contact: null });

    const details = (await intake.get(`/api/family-efforts/${id}`)).json();
    expect(details.abilities).toEqual({ appoint: true, accept: false, callIn: false, close: false });
    expect(details.leaderCandidates.map((c: { id: string }) => c.id)).toContain(ids.nav);
    const offered = await intake.post(`/api/family-efforts/${id}/leader`, { staffUserId: ids.nav, version: details.version });
    expect(offered.json()).toEqual({ status: 'offered', version: 2 });
    // Until the leader accepts, the family has no contact person.
    expect((await f.mother.get('/api/my-family-efforts')).json().efforts[0].contact).toBeNull();
    expect((await nav.get(`/api/family-efforts/${id}`)).json().abilities).toMatchObject({ accept: true, close: false });
    const accepted = await nav.post(`/api/family-efforts/${id}/accept`, { version: 2 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await f.mother.get('/api/my-family-efforts')).json().efforts[0]).toMatchObject({
      status: 'active', contact: await contactOf('nav.veileder'),
    });
  });

  it('keeps each child\'s log under its own consent: the leader and a service called in see the first child\'s log and not the second\'s', async () => {
    const f = await family();
    const id = await led(f);
    const members = (await nav.get(`/api/family-efforts/${id}`)).json().members as { id: string; logOpen: boolean }[];
    expect(Object.fromEntries(members.map((m) => [m.id, m.logOpen]))).toEqual({ [f.motherId]: false, [f.first]: true, [f.second]: false });
    expect((await nav.get(`/api/people/${f.first}/case`)).statusCode).toBe(200);
    expect((await nav.get(`/api/people/${f.second}/case`)).statusCode).toBe(403);

    // Only a service some member's consent covers can be called in, and only to that member.
    const details = (await nav.get(`/api/family-efforts/${id}`)).json();
    expect(details.serviceCandidates.map((c: { id: string }) => c.id)).toContain(ids.nurse);
    expect(details.serviceCandidates.map((c: { id: string }) => c.id)).not.toContain(ids.kindergarten);
    const refused = await nav.post(`/api/family-efforts/${id}/services`, { staffUserId: ids.kindergarten });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'staffUserId', message: 'Ingen i familien har gitt samtykke som dekker denne tjenesten. Innhent samtykke først.' }]);
    const called = await nav.post(`/api/family-efforts/${id}/services`, { staffUserId: ids.nurse });
    expect(called.statusCode, called.body).toBe(201);
    expect((await nurse.get(`/api/people/${f.first}/case`)).statusCode).toBe(200);
    expect((await nurse.get(`/api/people/${f.second}`)).statusCode).toBe(403);
    expect((await nurse.get(`/api/family-efforts/${id}`)).json().members.find((m: { id: string }) => m.id === f.second).logOpen).toBe(false);
  });

  it('ends with an evaluation the family sees, and the leader\'s way into the children ends with it', async () => {
    const f = await family();
    const id = await led(f);
    const stale = await nav.post(`/api/family-efforts/${id}/close`, { outcome: 'partly_reached', evaluation: 'Bolig på plass.', version: 2 });
    expect(stale.statusCode).toBe(409);
    const empty = await nav.post(`/api/family-efforts/${id}/close`, { outcome: 'partly_reached', evaluation: ' ', version: 3 });
    expect(empty.statusCode).toBe(400);
    expect((await nav.get(`/api/family-efforts/${id}`)).json().status).toBe('active');
    const closed = await nav.post(`/api/family-efforts/${id}/close`, { outcome: 'partly_reached', evaluation: 'Bolig og økonomi er på plass; jobb gjenstår.', version: 3 });
    expect(closed.json()).toEqual({ status: 'closed', version: 4 });
    expect((await f.mother.get('/api/my-family-efforts')).json().efforts[0]).toMatchObject({ status: 'closed', outcome: 'partly_reached', evaluation: 'Bolig og økonomi er på plass; jobb gjenstår.' });
    expect((await nav.get(`/api/people/${f.first}`)).statusCode).toBe(403);
    // A new effort may be asked for once the old one has ended: here by the mother herself.
    const again = await f.mother.post('/api/family-efforts', { reason: 'Vi trenger hjelp igjen.' });
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe('refusals, repeats and stale versions change nothing', () => {
  it('refuses the request of another unit\'s colleague, a father without parental responsibility, a youth and the anonymous — audited', async () => {
    const f = await family();
    const father = await signedIn(t.app, `innsats.far.${n}`);
    const before = await count('family_effort');
    const body = { personId: f.first, reason: 'Test' };
    const statuses = [
      (await kindergarten.post('/api/family-efforts', body)).statusCode,
      (await father.post('/api/family-efforts', body)).statusCode,
      (await youth.post('/api/family-efforts', body)).statusCode,
      (await new Client(t.app).post('/api/family-efforts', body)).statusCode,
    ];
    expect(statuses).toEqual([403, 403, 403, 401]);
    expect(await count('family_effort')).toBe(before);
    const audited = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'familyEffort.request').where('outcome', '=', 'denied').where('subject_id', '=', f.first).orderBy('id').execute();
    expect(audited.map((a) => a.reason)).toEqual(['not_involved', 'guardian_without_parental_responsibility', 'not_related']);
  });

  it('lets only the intake appoint, only the offered leader accept and only the leader call in or close; a stale version is refused', async () => {
    const f = await family();
    const id = await requested(f);
    expect((await teacher.post(`/api/family-efforts/${id}/leader`, { staffUserId: ids.teacher, version: 1 })).statusCode).toBe(403);
    expect((await kindergarten.get(`/api/family-efforts/${id}`)).statusCode).toBe(403);
    expect((await f.mother.get(`/api/family-efforts/${id}`)).statusCode).toBe(403);
    const notCaseWorker = await intake.post(`/api/family-efforts/${id}/leader`, { staffUserId: (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', 'analytiker').executeTakeFirstOrThrow()).id, version: 1 });
    expect(notCaseWorker.statusCode).toBe(400);
    expect((await intake.post(`/api/family-efforts/${id}/leader`, { staffUserId: ids.nav, version: 1 })).statusCode).toBe(200);
    expect((await intake.post(`/api/family-efforts/${id}/leader`, { staffUserId: ids.nurse, version: 1 })).statusCode).toBe(409);
    expect((await teacher.post(`/api/family-efforts/${id}/accept`, { version: 2 })).statusCode).toBe(403);
    expect((await nav.post(`/api/family-efforts/${id}/services`, { staffUserId: ids.nurse })).statusCode).toBe(403);
    expect((await nav.get(`/api/family-efforts/${id}`)).json()).toMatchObject({ status: 'offered', version: 2, services: [] });
    const denied = await t.database.db.selectFrom('audit_event').select(['action', 'reason']).where('entity_id', '=', id).where('outcome', '=', 'denied').orderBy('id').execute();
    expect(denied).toEqual([
      { action: 'familyEffort.appoint', reason: 'role_required:coordinating_unit' },
      { action: 'familyEffort.read', reason: 'not_in_effort' },
      { action: 'familyEffort.accept', reason: 'not_offered' },
      { action: 'familyEffort.callIn', reason: 'effort_not_active' },
    ]);
  });

  it('answers a replayed request with the first answer and refuses a second effort for a family that has one open', async () => {
    const f = await family();
    const send = () => t.app.inject({
      method: 'POST', url: '/api/family-efforts', payload: { personId: f.second, reason: 'Trenger samordnet hjelp.' }, cookies: teacher.cookies,
      headers: { 'x-csrf-token': teacher.csrfToken ?? '', 'idempotency-key': `effort-${f.second}` },
    });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const before = { efforts: await count('family_effort'), members: await count('family_effort_member') };
    expect((await send()).json()).toEqual(first.json());
    const second = await f.mother.post('/api/family-efforts', { reason: 'Vi vil ha hjelp.' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('Familien har allerede en innsats på nivå 2 som ikke er avsluttet.');
    expect({ efforts: await count('family_effort'), members: await count('family_effort_member') }).toEqual(before);
  });
});
