// High absence: the rector of the school imports the school's absence figures; the contact
// teacher then sees exactly his pupils above 10 % with weak progress, with the first
// step of the action guide. A file with a bad row is refused whole, by line number, and changes
// nothing; other units see nothing; every child listed is in the family's access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../common/national-id.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { unitOf } from '../support/factories.ts';

let t: TestApp;
let school: string;
let henrik: { id: string; email: string };
let tone: { id: string; email: string };
const kids: Record<'above' | 'nine' | 'good' | 'ten' | 'otherTeacher' | 'notEnrolled', { id: string; nid: string; name: string }> = {} as never;
let unknownNid: string;

function nationalIdFor(birthDate: string, start: number): string {
  for (let serial = start; ; serial++) {
    const id = syntheticNationalId(birthDate, serial);
    if (id) return id;
  }
}

beforeAll(async () => {
  // No generated pupils: the demo's own absence import then holds only the demo mother's older child, with good figures.
  t = await startTestApp({ demoChildren: 0 });
  const db = t.database.db;
  // Henrik's school, where the rector works too.
  const unit = await unitOf(db, 'fagperson.skole');
  school = unit.id;
  const staff = (username: string) => db.selectFrom('staff_user').select(['id', 'email']).where('username', '=', username).executeTakeFirstOrThrow();
  henrik = await staff('fagperson.skole');
  tone = await staff('teamleder');

  const names = { above: 'Ola Fravær', nine: 'Kari Nistad', good: 'Per Godvik', ten: 'Tiril Tiende', otherTeacher: 'Eva Annen', notEnrolled: 'Nils Utenfor' } as const;
  let serial = 0;
  for (const [key, name] of Object.entries(names) as [keyof typeof kids, string][]) {
    const nid = nationalIdFor('2016-04-12', (serial += 7));
    const [given, family] = name.split(' ') as [string, string];
    const person = await db
      .insertInto('person')
      .values({ municipality_id: unit.municipalityId, national_id: nid, given_name: given, family_name: family, birth_date: '2016-04-12', kind: 'child' })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (key !== 'notEnrolled') await db.insertInto('enrolment').values({ person_id: person.id, service_unit_id: school, starts_on: '2022-08-15' }).execute();
    kids[key] = { id: person.id, nid, name };
  }
  unknownNid = nationalIdFor('2015-11-30', 3);

  // Two published versions of the guide: the newest one's first step is the one to show.
  const newest = await db.selectFrom('action_guide_version').select((eb) => eb.fn.max('version').as('v')).where('municipality_id', '=', unit.municipalityId).executeTakeFirst();
  let version = Number(newest?.v ?? 0);
  for (const title of ['Gammelt første steg', 'Snakk med barnet']) {
    version++;
    const v = await db.insertInto('action_guide_version').values({ municipality_id: unit.municipalityId, version }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('action_guide_step').values([
      {
        guide_version_id: v.id, level: 0, position: 1, step_key: 'talk_with_child', title_nb: title, title_nn: 'Snakk med barnet (nn)', title_en: 'Talk with the child',
        links: JSON.stringify([{ label: { nb: 'Rutine for samtale med barn', nn: 'Rutine for samtale med born', en: 'Routine for talking with children' }, url: '/handbok/samtale-med-barn' }]),
      },
      { guide_version_id: v.id, level: 0, position: 2, step_key: 'talk_with_parents', title_nb: 'Snakk med foreldrene', title_nn: 'Snakk med foreldra', title_en: 'Talk with the parents' },
      { guide_version_id: v.id, level: 1, position: 1, step_key: 'start_measures', title_nb: 'Start tiltak', title_nn: 'Start tiltak', title_en: 'Start measures' },
    ]).execute();
  }
});
afterAll(async () => {
  await t?.close();
});

const HEADER = 'fodselsnummer;fra;til;fravaer_prosent;progresjon;kontaktlaerer_epost';
const row = (nid: string, percent: string, progress: string, teacher = henrik.email, from = '2026-01-05', to = '2026-06-19') => `${nid};${from};${to};${percent};${progress};${teacher}`;

async function counts() {
  const db = t.database.db;
  const n = async (table: 'absence_record' | 'absence_import' | 'involvement' | 'notification') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { records: await n('absence_record'), imports: await n('absence_import'), involvements: await n('involvement'), notifications: await n('notification') };
}

describe('absence import and the contact teacher\'s list', () => {
  it('stores a good file and lists exactly the pupils above 10 % with weak progress, with the first step', async () => {
    const rector = await signedIn(t.app, 'teamleder');
    const csv = [
      HEADER,
      row(kids.above.nid, '12,5', 'svak'),
      row(kids.nine.nid, '9', 'svak'),
      row(kids.good.nid, '25', 'god'),
      row(kids.ten.nid, '10', 'svak'),
      row(kids.otherTeacher.nid, '30', 'svak', tone.email.toUpperCase()),
    ].join('\r\n');
    const imported = await rector.post('/api/absence/imports', { fileName: 'fravaer-var-2026.csv', csv });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ rows: 5, children: 5, highAbsence: 2 });

    const teacher = await signedIn(t.app, 'fagperson.skole');
    const list = await teacher.get('/api/absence/high');
    expect(list.statusCode).toBe(200);
    expect(list.json().children).toEqual([
      expect.objectContaining({ personId: kids.above.id, givenName: 'Ola', familyName: 'Fravær', absencePercent: 12.5, progress: 'weak', periodFrom: '2026-01-05', periodTo: '2026-06-19', period: '05.01.2026–19.06.2026' }),
    ]);
    expect(list.json().firstStep).toEqual({
      key: 'talk_with_child', title: 'Snakk med barnet', body: '', guideVersion: expect.any(Number),
      links: [{ label: 'Rutine for samtale med barn', url: '/handbok/samtale-med-barn' }],
    });
    const english = await signedIn(t.app, 'fagperson.skole', 'en');
    expect((await english.get('/api/absence/high')).json().firstStep.title).toBe('Talk with the child');

    // Henrik is now involved with Ola, so the child's page opens for him, and he was told.
    expect((await teacher.get(`/api/people/${kids.above.id}`)).statusCode).toBe(200);
    const notices = (await teacher.get('/api/notifications')).json().notifications;
    expect(notices.map((n: { text: string }) => n.text)).toContain('Ola Fravær har 12,5 % fravær og svak progresjon. Se første steg i handlingsveilederen.');

    // The rector's own list: the pupil she is contact teacher for.
    expect((await rector.get('/api/absence/high')).json().children.map((c: { personId: string }) => c.personId)).toEqual([kids.otherTeacher.id]);
  });

  it('records each listed child in the family\'s access log, and each imported child', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    expect((await teacher.get('/api/absence/high')).statusCode).toBe(200);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'subject_id', 'actor_id', 'outcome'])
      .where('action', 'in', ['absence.read', 'absence.import'])
      .where('subject_id', 'is not', null)
      .execute();
    expect(events).toContainEqual({ action: 'absence.read', subject_id: kids.above.id, actor_id: henrik.id, outcome: 'allowed' });
    expect(events.filter((e) => e.action === 'absence.read').map((e) => e.subject_id)).not.toContain(kids.nine.id);
    for (const key of ['above', 'nine', 'good', 'ten', 'otherTeacher'] as const) {
      expect(events).toContainEqual({ action: 'absence.import', subject_id: kids[key].id, actor_id: tone.id, outcome: 'allowed' });
    }
  });

  it('refuses a whole file with a negative percentage on line 3 and an unknown child on line 5, and changes nothing', async () => {
    const before = await counts();
    const teacher = await signedIn(t.app, 'fagperson.skole');
    const csv = [
      HEADER,
      row(kids.nine.nid, '15', 'svak'),
      row(kids.good.nid, '-4', 'svak'),
      row(kids.ten.nid, '20', 'svak'),
      row(unknownNid, '18', 'svak'),
      row(kids.above.nid, '2', 'god'),
    ].join('\n');
    const response = await teacher.post('/api/absence/imports', { csv });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.message).toBe('Fila ble ikke importert: 2 feil må rettes. Ingenting er lagret.');
    expect(error.fields).toEqual([
      { field: 'line.3', message: 'Linje 3: Fraværet kan ikke være negativt.' },
      { field: 'line.5', message: 'Linje 5: Barnet finnes ikke i registeret eller er ikke innskrevet ved enheten din i perioden.' },
    ]);
    expect(response.body).not.toContain(unknownNid);
    expect(await counts()).toEqual(before);
    // Nobody's list changed: the good rows of the refused file were not stored.
    expect((await teacher.get('/api/absence/high')).json().children.map((c: { personId: string }) => c.personId)).toEqual([kids.above.id]);
  });

  it('names every kind of bad row by line, and says the same for a child not in the register as for one not enrolled here', async () => {
    const before = await counts();
    const teacher = await signedIn(t.app, 'fagperson.skole', 'en');
    const badChecksum = `${kids.above.nid.slice(0, 10)}${(Number(kids.above.nid[10]) + 1) % 10}`;
    const csv = [
      HEADER,
      row(unknownNid, '18', 'svak'),
      row(kids.notEnrolled.nid, '18', 'svak'),
      row(badChecksum, '18', 'svak'),
      row(kids.nine.nid, '101', 'svak'),
      row(kids.nine.nid, 'tolv', 'middels', henrik.email, '2025-08-15', '2025-12-19'),
      row(kids.good.nid, '11', 'svak', henrik.email, '2026-06-19', '2026-01-05'),
      row(kids.good.nid, '11', 'svak', henrik.email, '31.02.2026', '2026-03-01'),
      row(kids.ten.nid, '11', 'svak', 'ukjent@fjordvik.kommune.no'),
      `${kids.ten.nid};2026-01-05;2026-06-19;11`,
      row(kids.otherTeacher.nid, '11', 'svak'),
      row(kids.otherTeacher.nid, '12', 'svak'),
    ].join('\n');
    const response = await teacher.post('/api/absence/imports', { csv });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual([
      'Line 2: The child is not in the register or not enrolled at your unit in the period.',
      'Line 3: The child is not in the register or not enrolled at your unit in the period.',
      'Line 4: The national identity number is not valid (the check digits do not match).',
      'Line 5: The absence cannot be over 100 %.',
      'Line 6: The absence must be a number, for example 12.5.',
      'Line 6: Progress must be “god” (good) or “svak” (weak).',
      'Line 7: “til” is before “fra”.',
      'Line 8: “fra” is not a valid date. Write the date as dd.mm.yyyy.',
      `Line 9: No one working at your unit has the e-mail address “ukjent@fjordvik.kommune.no”.`,
      'Line 10: The line has 4 fields, but the header has 6.',
      'Line 12: The child is listed with the same period on line 11.',
    ]);
    for (const nid of [unknownNid, kids.notEnrolled.nid, badChecksum]) expect(response.body).not.toContain(nid);
    expect(await counts()).toEqual(before);
  });

  it('accepts a comma-separated file with a BOM, Norwegian dates and quoted decimals, and lists by the latest period', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    const csv = `\uFEFFFødselsnummer,Fra,Til,Fravær_prosent,Progresjon,Kontaktlærer_epost,Klasse\r\n${kids.above.nid},01.08.2026,31.12.2026,"4,5",svak,${henrik.email},5B\r\n`;
    const response = await teacher.post('/api/absence/imports', { csv });
    expect(response.statusCode).toBe(201);
    expect(response.json().rows).toBe(1);
    // Ola's newest period is below 10 %: he leaves the list.
    expect((await teacher.get('/api/absence/high')).json().children).toEqual([]);
  });

  it('shows other units nothing and refuses units that do not import absence', async () => {
    const kindergarten = await signedIn(t.app, 'fagperson.barnehage');
    const own = await kindergarten.get('/api/absence/high');
    expect(own.statusCode).toBe(200);
    expect(own.json().children).toEqual([]);
    // A pupil of the school is unknown to the kindergarten's import.
    const ingrid = await t.database.db.selectFrom('staff_user').select('email').where('username', '=', 'fagperson.barnehage').executeTakeFirstOrThrow();
    const foreign = await kindergarten.post('/api/absence/imports', { csv: `${HEADER}\n${row(kids.otherTeacher.nid, '30', 'svak', ingrid.email)}` });
    expect(foreign.json().error.fields).toHaveLength(1);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].message).toMatch(/^Linje 2: Barnet finnes ikke/);

    for (const username of ['helsesykepleier', 'administrator', 'analytiker']) {
      const other = await signedIn(t.app, username);
      expect((await other.get('/api/absence/high')).statusCode, username).toBe(403);
      expect((await other.post('/api/absence/imports', { csv: `${HEADER}\n${row(kids.above.nid, '30', 'svak')}` })).statusCode, username).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/absence/high' })).statusCode).toBe(401);
    const citizen = await signedIn(t.app, 'forelder');
    expect((await citizen.get('/api/absence/high')).statusCode).toBe(403);
  });

  it('never writes a national id to the log', () => {
    const all = t.logs.join('\n');
    for (const kid of Object.values(kids)) expect(all).not.toContain(kid.nid);
    expect(all).not.toContain(unknownNid);
  });
});

describe('the demo municipality', () => {
  it('gives the demo contact teacher at the school a list of pupils with high absence', async () => {
    const demo = await startTestApp({ demoChildren: 120 });
    try {
      const teacher = await signedIn(demo.app, 'fagperson.skole');
      const list = (await teacher.get('/api/absence/high')).json();
      expect(list.children.length).toBeGreaterThanOrEqual(2);
      expect(list.children.every((c: { absencePercent: number; progress: string }) => c.absencePercent > 10 && c.progress === 'weak')).toBe(true);
      expect(list.firstStep).not.toBeNull();
      // He can open each listed pupil's page.
      for (const c of list.children) expect((await teacher.get(`/api/people/${c.personId}`)).statusCode).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
