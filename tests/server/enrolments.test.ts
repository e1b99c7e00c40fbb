// Enrolments (issue 17): the rector of a school imports the school's enrolments from its
// administrative system; a teacher there then finds a pupil by name or birth date — name and birth
// date only, each one shown recorded for the family — and notes a worry, which makes her involved.
// A file with a bad line is refused whole, naming its lines, and stores nothing; staff of another
// unit find none of the school's pupils and may not note a worry about one (refused, audited).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { nationalIdBornOn, unitOf } from '../support/factories.ts';
import { today } from '../support/clock.ts';

let t: TestApp;
let school: string;
// Names no demo child has, so a search finds only these.
const kids: Record<'a' | 'b' | 'c' | 'other', { id: string; nid: string; given: string; family: string; born: string }> = {} as never;
let notAChildNid: string;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0 });
  const db = t.database.db;
  // The school the teacher who searches works at.
  const unit = await unitOf(db, 'fagperson.skole');
  school = unit.id;
  const people = { a: ['Tuva', 'Innskrivsen', '2017-03-09'], b: ['Odin', 'Innskrivsen', '2016-10-21'], c: ['Live', 'Skulestad', '2017-03-09'], other: ['Brage', 'Annenskole', '2016-05-02'] } as const;
  let serial = 11;
  for (const [key, [given, family, born]] of Object.entries(people) as [keyof typeof kids, readonly [string, string, string]][]) {
    const nid = nationalIdBornOn(born, (serial += 13));
    const p = await db.insertInto('person').values({ municipality_id: unit.municipalityId, national_id: nid, given_name: given, family_name: family, birth_date: born, kind: 'child' })
      .returning('id').executeTakeFirstOrThrow();
    kids[key] = { id: p.id, nid, given, family, born };
  }
  // Brage is enrolled elsewhere (the kindergarten whose staff play the other unit below): never found from the school.
  const kindergarten = await unitOf(db, 'fagperson.barnehage');
  await db.insertInto('enrolment').values({ person_id: kids.other.id, service_unit_id: kindergarten.id, starts_on: '2020-08-15' }).execute();
  notAChildNid = nationalIdBornOn('1980-01-01', 31);
  await db.insertInto('person').values({ municipality_id: unit.municipalityId, national_id: notAChildNid, given_name: 'Voksen', family_name: 'Person', birth_date: '1980-01-01', kind: 'adult' }).execute();
});
afterAll(async () => {
  await t?.close();
});

const HEADER = 'fodselsnummer;fornavn;etternavn;startdato;sluttdato';
const line = (k: { nid: string; given: string; family: string }, start = '15.08.2023', end = '') => `${k.nid};${k.given};${k.family};${start};${end}`;

async function counts() {
  const db = t.database.db;
  const n = async (table: 'enrolment' | 'enrolment_import' | 'worry' | 'help_case') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { enrolments: await n('enrolment'), imports: await n('enrolment_import'), worries: await n('worry'), cases: await n('help_case') };
}

const post = (client: Client, url: string, payload: unknown, key?: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', ...(key ? { 'idempotency-key': key } : {}) } });

async function imported(): Promise<void> {
  const rector = await signedIn(t.app, 'teamleder');
  const answer = await rector.post('/api/enrolments/imports', { fileName: 'elevar.csv', csv: [HEADER, line(kids.a), line(kids.b), line(kids.c, '2023-08-15', '2099-06-20')].join('\r\n') });
  if (answer.statusCode !== 201) throw new Error(answer.body);
}

describe('the enrolment import', () => {
  it('refuses a whole file with bad lines, naming each line in the user\'s language, and stores nothing', async () => {
    const before = await counts();
    const rector = await signedIn(t.app, 'teamleder');
    const csv = [
      HEADER,
      line(kids.a), // 2: fine
      `12345678901;Feil;Nummer;15.08.2023;`, // 3: check digits
      line({ nid: notAChildNid, given: 'Voksen', family: 'Person' }), // 4: not a child of the municipality
      line(kids.b, '15.08.2023', '01.08.2023'), // 5: ends before it starts
      line(kids.c, '31.02.2023'), // 6: no such date
      line(kids.a), // 7: Tuva again
    ].join('\n');
    const answer = await rector.post('/api/enrolments/imports', { csv });
    expect(answer.statusCode).toBe(400);
    const error = answer.json().error;
    expect(error.message).toBe('Fila ble ikke importert: 5 feil må rettes. Ingenting er lagret.');
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual(['line.3', 'line.4', 'line.5', 'line.6', 'line.7']);
    expect(error.fields.map((f: { message: string }) => f.message)).toEqual([
      'Linje 3: Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke).',
      'Linje 4: Finner ikke barnet blant barna registrert i kommunen.',
      'Linje 5: «sluttdato» er før «startdato».',
      'Linje 6: «startdato» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.',
      'Linje 7: Barnet står også på linje 2.',
    ]);
    // No national id in the answer.
    expect(answer.body).not.toContain(kids.a.nid);
    expect(await counts()).toEqual(before);

    const nynorsk = await signedIn(t.app, 'teamleder', 'nn');
    const missing = await nynorsk.post('/api/enrolments/imports', { csv: 'fodselsnummer;namn\n12345678901;X' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].message).toBe('Overskriftslinja manglar kolonnane: startdato.');
    expect(await counts()).toEqual(before);
  });

  it('stores a good file once, even when the request is replayed, and records each child for the family', async () => {
    const before = await counts();
    const rector = await signedIn(t.app, 'teamleder');
    const key = randomUUID();
    const csv = [HEADER, line(kids.a), line(kids.b)].join('\n');
    const first = await post(rector, '/api/enrolments/imports', { csv }, key);
    expect(first.statusCode).toBe(201);
    const replay = await post(rector, '/api/enrolments/imports', { csv }, key);
    expect(replay.json()).toEqual(first.json());
    const after = await counts();
    expect(after.imports - before.imports).toBe(1);
    // Imported again, an enrolment is updated, not doubled.
    const again = await rector.post('/api/enrolments/imports', { csv: [HEADER, line(kids.a, '2023-08-15', '2099-06-20')].join('\n') });
    expect(again.json()).toMatchObject({ rows: 1, updated: 1, added: 0 });
    const tuva = await t.database.db.selectFrom('enrolment').select(['starts_on', 'ends_on']).where('person_id', '=', kids.a.id).where('service_unit_id', '=', school).execute();
    expect(tuva).toEqual([{ starts_on: '2023-08-15', ends_on: '2099-06-20' }]);
    const audit = await t.database.db.selectFrom('audit_event').select('subject_id').where('action', '=', 'enrolment.import').where('outcome', '=', 'allowed').execute();
    expect(audit.map((a) => a.subject_id)).toEqual(expect.arrayContaining([kids.a.id, kids.b.id]));
  });

  it('is refused at a unit without enrolments (the health station), audited', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const before = await counts();
    expect((await nurse.post('/api/enrolments/imports', { csv: [HEADER, line(kids.a)].join('\n') })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const denied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'enrolment.import').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.reason)).toContain('unit_without_enrolments');
  });
});

describe('finding the children enrolled at one\'s own unit', () => {
  beforeAll(imported);

  it('finds a pupil by name or birth date, with the name and birth date only, and records each one shown', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    const byName = await teacher.get('/api/enrolments?q=innskrivsen');
    expect(byName.statusCode).toBe(200);
    expect(byName.json().children).toEqual([
      { personId: kids.b.id, givenName: 'Odin', familyName: 'Innskrivsen', birthDate: '2016-10-21' },
      { personId: kids.a.id, givenName: 'Tuva', familyName: 'Innskrivsen', birthDate: '2017-03-09' },
    ]);
    expect(byName.json().abilities).toEqual({ noteWorry: true });
    expect((await teacher.get('/api/enrolments?q=tuva%20innskr')).json().children.map((c: { personId: string }) => c.personId)).toEqual([kids.a.id]);
    const byDate = (await teacher.get('/api/enrolments?q=09.03.2017')).json().children.map((c: { personId: string }) => c.personId);
    expect(byDate.sort()).toEqual([kids.a.id, kids.c.id].sort());
    // Enrolled elsewhere: not found from here.
    expect((await teacher.get('/api/enrolments?q=annenskole')).json().children).toEqual([]);

    const events = await t.database.db.selectFrom('audit_event').select(['subject_id', 'reason']).where('action', '=', 'enrolment.search').where('outcome', '=', 'allowed').where('subject_id', 'is not', null).execute();
    expect(events).toContainEqual({ subject_id: kids.a.id, reason: 'enrolled_at_own_unit' });
    expect(events).toContainEqual({ subject_id: kids.c.id, reason: 'enrolled_at_own_unit' });
    expect(events.map((e) => e.subject_id)).not.toContain(kids.other.id);
  });

  it('never takes a national identity number in the address', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    const answer = await teacher.get(`/api/enrolments?q=${kids.a.nid}`);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.fields[0].message).toBe('Søk med navn eller fødselsdato, ikke fødselsnummer.');
  });

  it('opens nothing of the pupil\'s case: the child\'s page stays closed until the teacher notes a worry', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    expect((await teacher.get(`/api/people/${kids.b.id}`)).statusCode).toBe(403);
    const before = await counts();
    const worry = await teacher.post(`/api/enrolments/${kids.b.id}/worries`, { categories: ['social'], description: 'Trekker seg unna i friminuttene.', noticedOn: today() });
    expect(worry.statusCode).toBe(201);
    expect(worry.json().caseId).toEqual(expect.any(String));
    expect((await counts()).worries - before.worries).toBe(1);
    // She opened the case and holds the baton: the child's page now opens for her.
    expect((await teacher.get(`/api/people/${kids.b.id}`)).statusCode).toBe(200);
    const allowed = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'enrolment.worry').where('subject_id', '=', kids.b.id).where('outcome', '=', 'allowed').execute();
    expect(allowed.map((a) => a.reason)).toContain('enrolled_at_own_unit');
  });

  it('refuses another unit\'s staff: they find none of the pupils and may not note a worry about one (audited, nothing changed)', async () => {
    const kindergarten = await signedIn(t.app, 'fagperson.barnehage');
    expect((await kindergarten.get('/api/enrolments?q=innskrivsen')).json().children).toEqual([]);
    const before = await counts();
    const worry = await kindergarten.post(`/api/enrolments/${kids.a.id}/worries`, { categories: ['social'], description: 'Prøver å skrive om en annen skoles elev.', noticedOn: today() });
    expect(worry.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const denied = await t.database.db.selectFrom('audit_event').select(['reason']).where('action', '=', 'enrolment.worry').where('subject_id', '=', kids.a.id).where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.reason)).toContain('not_enrolled_at_own_unit');

    // A unit without enrolments may not search at all; nor may a citizen or the anonymous.
    const nurse = await signedIn(t.app, 'helsesykepleier');
    expect((await nurse.get('/api/enrolments?q=innskrivsen')).statusCode).toBe(403);
    const searchDenied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'enrolment.search').where('outcome', '=', 'denied').execute();
    expect(searchDenied.map((d) => d.reason)).toContain('unit_without_enrolments');
    const youth = await signedIn(t.app, 'ungdom');
    expect((await youth.get('/api/enrolments?q=innskrivsen')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/enrolments?q=innskrivsen' })).statusCode).toBe(401);
  });
});
