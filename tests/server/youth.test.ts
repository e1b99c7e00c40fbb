// The youth's path (issue 17): a youth consents alone from 16 (15 in child-welfare matters); a
// 15-year-old's Min side is told by the API what she may open, so no section is asked for and
// refused; a youth of consent age decides whether guardians see the case, and only they may; and at
// 18 the case goes to adult services on the young adult's own consent — a guardian's consent does
// not carry it — with the baton accepted on the receiving side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { nationalIdBornOn, unitOf } from '../support/factories.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { pdfText } from '../support/pdf-text.ts';

let t: TestApp;
let municipalityId: string;
const people: Record<'y15' | 'y16' | 'y17' | 'y18' | 'mother', string> = {} as never;
const units: Record<'ke' | 'mentalHealth', string> = {} as never;
let caseId: string;
let coordinator: Client;

/** Born `years` years and `days` days before today. */
function bornYearsAgo(years: number, days: number): string {
  const t0 = today();
  const birthday = `${Number(t0.slice(0, 4)) - years}${t0.slice(4)}`.replace('-02-29', '-02-28');
  const d = new Date(`${birthday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function citizen(key: keyof typeof people, given: string, kind: 'child' | 'adult', born: string, serial: number) {
  const db = t.database.db;
  const p = await db.insertInto('person').values({ municipality_id: municipalityId, national_id: nationalIdBornOn(born, serial), given_name: given, family_name: 'Ungsti', birth_date: born, kind })
    .returning('id').executeTakeFirstOrThrow();
  people[key] = p.id;
  await db.insertInto('citizen_account').values({ person_id: p.id, username: `ungsti.${key}` }).execute();
}

const consentCount = async () => (await t.database.db.selectFrom('consent').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const oneYearOn = () => daysFromToday(360);

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0 });
  const db = t.database.db;
  municipalityId = (await db.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id;
  // The unit that takes the baton at 18 is Hanne's; the one the youth consents to is the coordinator's.
  units.ke = (await unitOf(db, 'koordinerende.enhet')).id;
  units.mentalHealth = (await unitOf(db, 'koordinator')).id;
  await citizen('mother', 'Mor', 'adult', bornYearsAgo(45, 10), 41);
  await citizen('y15', 'Femten', 'child', bornYearsAgo(15, 100), 43);
  await citizen('y16', 'Seksten', 'child', bornYearsAgo(16, 30), 47);
  // Turns 18 in three weeks: the transition to adult services is due.
  await citizen('y17', 'Sytten', 'child', bornYearsAgo(17, 344), 53);
  // Turned 18 ten days ago; at 16 she let her mother see her case, and the register still names the mother.
  await citizen('y18', 'Atten', 'child', bornYearsAgo(18, 10), 59);
  await db.updateTable('person').set({ guardians_see_case: true }).where('id', '=', people.y18).execute();
  for (const child of [people.y15, people.y16, people.y17, people.y18]) {
    await db.insertInto('guardianship').values({ child_id: child, guardian_id: people.mother, relation: 'mother', parental_responsibility: true, lives_with_child: true }).execute();
  }
  // The mental-health team's coordinator works with the three and holds the 17-year-old's case.
  const marte = await db.selectFrom('staff_user').select('id').where('username', '=', 'koordinator').executeTakeFirstOrThrow();
  for (const child of [people.y15, people.y16, people.y17]) await db.insertInto('involvement').values({ person_id: child, staff_user_id: marte.id, kind: 'registrant' }).execute();
  coordinator = await signedIn(t.app, 'koordinator');
  const worry = await coordinator.post('/api/worries', { personId: people.y17, categories: ['health', 'behaviour'], description: 'Angst og økende bruk av hasj.', noticedOn: today() });
  expect(worry.statusCode).toBe(201);
  caseId = worry.json().caseId;
});
afterAll(async () => {
  await t?.close();
});

describe('the consent ages', () => {
  it('lets a youth of 16 consent alone, and refuses a 15-year-old and the guardian of a 16-year-old (nothing stored)', async () => {
    const body = { purposes: ['collaboration'], categories: ['health'], recipientUnitIds: [units.mentalHealth], validTo: oneYearOn() };
    const y16 = await signedIn(t.app, 'ungsti.y16');
    const given = await y16.post(`/api/people/${people.y16}/consents/digital`, body);
    expect(given.statusCode, given.body).toBe(201);
    const givers = await t.database.db.selectFrom('consent_giver').select(['person_id', 'capacity']).where('consent_id', '=', given.json().id).execute();
    expect(givers).toEqual([{ person_id: people.y16, capacity: 'youth' }]);

    const before = await consentCount();
    const y15 = await signedIn(t.app, 'ungsti.y15');
    expect((await y15.post(`/api/people/${people.y15}/consents/digital`, body)).statusCode).toBe(403);
    const mother = await signedIn(t.app, 'ungsti.mother');
    expect((await mother.post(`/api/people/${people.y16}/consents/digital`, body)).statusCode).toBe(403);
    expect(await consentCount()).toBe(before);
    const denied = await t.database.db.selectFrom('audit_event').select(['subject_id', 'reason']).where('action', '=', 'consent.give').where('outcome', '=', 'denied').execute();
    expect(denied).toEqual(expect.arrayContaining([{ subject_id: people.y15, reason: 'below_consent_age' }, { subject_id: people.y16, reason: 'youth_decides' }]));
  });

  it('tells a 15-year-old\'s Min side what she may open: not the case (her guardians\'), but child-welfare matters from 15', async () => {
    const y15 = await signedIn(t.app, 'ungsti.y15');
    const me = (await y15.get(`/api/people/${people.y15}`)).json();
    expect(me.citizen).toMatchObject({
      reader: 'self', decides: false, setsGuardianVisibility: false,
      abilities: { readCase: false, readConsents: false, askTeam: false, readReports: true, readAccessLog: false },
      decisionAges: { general: 16, childWelfare: 15 },
    });
    // The section the answer opens does open; the ones it closes stay closed.
    expect((await y15.get(`/api/people/${people.y15}/child-welfare-reports`)).statusCode).toBe(200);
    expect((await y15.get(`/api/people/${people.y15}/case-status`)).statusCode).toBe(403);
    // Her mother sees the case until Femten turns 16.
    const mother = await signedIn(t.app, 'ungsti.mother');
    expect((await mother.get(`/api/people/${people.y15}`)).json().citizen.abilities).toMatchObject({ readCase: true, readConsents: true, askTeam: true });
    // The 16-year-old opens it all himself.
    const y16 = await signedIn(t.app, 'ungsti.y16');
    expect((await y16.get(`/api/people/${people.y16}`)).json().citizen.abilities).toEqual({ readCase: true, readConsents: true, askTeam: true, readReports: true, readAccessLog: true, readPlan: true });
  });
});

describe('the youth decides whether guardians see the case', () => {
  it('closes the case to the guardian by default and opens it only when the youth turns it on, and closes it again', async () => {
    const y16 = await signedIn(t.app, 'ungsti.y16');
    const mother = await signedIn(t.app, 'ungsti.mother');
    expect((await mother.get(`/api/people/${people.y16}/case-status`)).statusCode).toBe(403);
    expect((await mother.get(`/api/people/${people.y16}`)).json().citizen.abilities.readCase).toBe(false);
    const version = async () => (await y16.get(`/api/people/${people.y16}`)).json().citizen.version as number;
    // Other tests switch it too: count the two switches this test makes.
    const allowed = async () => (await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'guardianVisibility.set').where('subject_id', '=', people.y16).where('outcome', '=', 'allowed').execute()).length;
    const before = await allowed();
    const v1 = await version();
    expect((await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: true, version: v1 })).json()).toEqual({ guardiansSeeCase: true, version: v1 + 1 });
    expect((await mother.get(`/api/people/${people.y16}/case-status`)).statusCode).toBe(200);
    expect((await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: false, version: await version() })).statusCode).toBe(200);
    expect((await mother.get(`/api/people/${people.y16}/case-status`)).statusCode).toBe(403);
    expect(await allowed()).toBe(before + 2);
  });

  it('ends at 18: the mother no longer finds, opens or reads her daughter\'s case, and the switch is gone', async () => {
    const mother = await signedIn(t.app, 'ungsti.mother');
    const y18 = await signedIn(t.app, 'ungsti.y18');
    const family = (await mother.get('/api/people')).json().people.map((p: { id: string }) => p.id);
    expect(family).toContain(people.y17);
    expect(family).not.toContain(people.y18);
    expect((await mother.get(`/api/people/${people.y17}`)).statusCode).toBe(200);
    expect((await mother.get(`/api/people/${people.y18}`)).statusCode).toBe(403);
    expect((await mother.get(`/api/people/${people.y18}/case-status`)).statusCode).toBe(403);
    const refusals = await t.database.db.selectFrom('audit_event').select(['action', 'reason']).where('subject_id', '=', people.y18).where('actor_kind', '=', 'citizen').where('outcome', '=', 'denied').execute();
    expect(refusals).toEqual(expect.arrayContaining([{ action: 'person.read', reason: 'of_age' }, { action: 'caseStatus.read', reason: 'of_age' }]));
    // She reads her own case, and has nothing left to decide about her guardians.
    const own = (await y18.get(`/api/people/${people.y18}`)).json();
    expect(own.citizen.abilities.readCase).toBe(true);
    expect(own.citizen.setsGuardianVisibility).toBe(false);
    expect((await y18.post(`/api/people/${people.y18}/guardian-visibility`, { guardiansSeeCase: false, version: own.citizen.version })).statusCode).toBe(403);
    expect((await t.database.db.selectFrom('person').select('guardians_see_case').where('id', '=', people.y18).executeTakeFirstOrThrow()).guardians_see_case).toBe(true);
  });

  it('ends at 18 for the services too: the consent form is for the young adult alone, not for the mother the register still names', async () => {
    const db = t.database.db;
    const marte = await db.selectFrom('staff_user').select('id').where('username', '=', 'koordinator').executeTakeFirstOrThrow();
    await db.insertInto('involvement').values({ person_id: people.y18, staff_user_id: marte.id, kind: 'registrant' }).execute();
    const formOf = async (id: string) => {
      const form = await coordinator.get(`/api/people/${id}/consent-form.pdf`);
      expect(form.statusCode).toBe(200);
      return pdfText(form.rawPayload);
    };
    // At 17 the mother still signs; ten days after 18 the register still names her, but she does not.
    expect(await formOf(people.y17)).toContain('Mor Ungsti');
    const adult = await formOf(people.y18);
    expect(adult).toContain('Atten Ungsti');
    expect(adult).not.toContain('Mor Ungsti');
  });

  it('refuses the switch to a guardian, to a youth under the consent age and to a professional, and changes nothing', async () => {
    const seen = async (id: string) => (await t.database.db.selectFrom('person').select('guardians_see_case').where('id', '=', id).executeTakeFirstOrThrow()).guardians_see_case;
    const mother = await signedIn(t.app, 'ungsti.mother');
    const y15 = await signedIn(t.app, 'ungsti.y15');
    expect((await mother.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: true, version: 1 })).statusCode).toBe(403);
    expect((await y15.post(`/api/people/${people.y15}/guardian-visibility`, { guardiansSeeCase: true, version: 1 })).statusCode).toBe(403);
    expect((await coordinator.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: true, version: 1 })).statusCode).toBe(403);
    expect(await seen(people.y16)).toBe(false);
    expect(await seen(people.y15)).toBe(false);
    const denied = await t.database.db.selectFrom('audit_event').select(['subject_id', 'reason']).where('action', '=', 'guardianVisibility.set').where('outcome', '=', 'denied').execute();
    expect(denied).toEqual(expect.arrayContaining([{ subject_id: people.y16, reason: 'not_self' }, { subject_id: people.y15, reason: 'not_youth_of_consent_age' }]));
  });
});

describe('the guardian-visibility switch against stale pages and replays', () => {
  it('refuses a choice made on a page read before the last change (409), and one with no version (428); nothing changes', async () => {
    const db = t.database.db;
    const y16 = await signedIn(t.app, 'ungsti.y16');
    const seen = async () => (await db.selectFrom('person').select(['guardians_see_case', 'version']).where('id', '=', people.y16).executeTakeFirstOrThrow());
    // Two tabs read the page; the first turns guardians' sight on.
    const read = (await y16.get(`/api/people/${people.y16}`)).json().citizen.version as number;
    expect((await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: true, version: read })).statusCode).toBe(200);
    const after = await seen();
    expect(after).toEqual({ guardians_see_case: true, version: read + 1 });
    // The second tab, still on the old page, turns it off: refused, so the youth sees what is true first.
    const stale = await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: false, version: read });
    expect(stale.statusCode).toBe(409);
    expect(await seen()).toEqual(after);
    // The same request again (a replay) is stale too.
    expect((await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: false, version: read })).statusCode).toBe(409);
    expect((await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: false })).statusCode).toBe(428);
    expect(await seen()).toEqual(after);
    // A guardian who learned the version cannot use it.
    const mother = await signedIn(t.app, 'ungsti.mother');
    expect((await mother.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: false, version: after.version })).statusCode).toBe(403);
    expect(await seen()).toEqual(after);
    // Put back as the other tests expect it.
    expect((await y16.post(`/api/people/${people.y16}/guardian-visibility`, { guardiansSeeCase: false, version: after.version })).statusCode).toBe(200);
  });
});

describe('at 18 the case moves to adult services on the young adult\'s own consent', () => {
  it('refuses the transition on a consent the guardian gave, plans it on the youth\'s own, and the receiving side accepts the baton', async () => {
    const db = t.database.db;
    // A transfer consent the mother signed on paper years ago: it does not carry the case past 18.
    const text = await db.selectFrom('consent_text').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
    const marte = await db.selectFrom('staff_user').select('id').where('username', '=', 'koordinator').executeTakeFirstOrThrow();
    const old = await db.insertInto('consent').values({
      subject_id: people.y17, consent_text_id: text.id, method: 'paper', purposes: ['transition', 'collaboration'], categories: ['health'],
      valid_from: daysFromToday(-400), valid_to: oneYearOn(), recorded_by: marte.id,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('consent_giver').values({ consent_id: old.id, person_id: people.mother, capacity: 'guardian' }).execute();
    await db.insertInto('consent_recipient').values({ consent_id: old.id, service_unit_id: units.ke }).execute();

    const refused = await coordinator.post(`/api/cases/${caseId}/transitions`, { toUnitId: units.ke });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'toUnitId', message: 'Overgangen til tjenester for voksne krever samtykke fra ungdommen selv, til overføring til denne enheten. Et samtykke fra foresatte følger ikke med over 18 år.' }]);
    expect(await db.selectFrom('transition').select('id').where('case_id', '=', caseId).execute()).toEqual([]);

    // The youth gives her own consent on Min side: the transfer to the coordinating unit.
    const y17 = await signedIn(t.app, 'ungsti.y17');
    const own = await y17.post(`/api/people/${people.y17}/consents/digital`, { purposes: ['transition'], categories: ['health', 'behaviour'], recipientUnitIds: [units.ke], validTo: oneYearOn() });
    expect(own.statusCode).toBe(201);

    const planned = await coordinator.post(`/api/cases/${caseId}/transitions`, { toUnitId: units.ke });
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({ toStage: 'adult' });
    const hanne = await db.selectFrom('staff_user').select('id').where('username', '=', 'koordinerende.enhet').executeTakeFirstOrThrow();
    const offered = await coordinator.post(`/api/cases/${caseId}/handovers`, { toStaffId: hanne.id, transitionId: planned.json().id, message: 'Sytten fyller 18 om tre uker.' });
    expect(offered.statusCode).toBe(201);

    const receiver = await signedIn(t.app, 'koordinerende.enhet');
    const accepted = await receiver.post(`/api/handovers/${offered.json().id}/accept`, {});
    expect(accepted.json()).toEqual({ status: 'accepted' });
    const after = await db.selectFrom('help_case').select('relay_holder_id').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(after.relay_holder_id).toBe(hanne.id);
    expect((await db.selectFrom('transition').select('status').where('id', '=', planned.json().id).executeTakeFirstOrThrow()).status).toBe('completed');
  });
});
