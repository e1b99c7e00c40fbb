// The collaboration survey (issue 16): the SBU coordinator schedules a round, staff answer it
// anonymously, a second answer from one person is refused, and results show only for groups of 5
// or more, per round and service type. The schema itself keeps answers apart from people: no table
// that holds answers names a staff user, a time or an order. Each test schedules its own round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { createServiceUnit, createStaffUser, staffForm } from '../support/factories.ts';
import { surveyResults } from '../../server/modules/questionnaires/survey-results.ts';

let t: TestApp;
let eirik: Client; // sbu.koordinator
let nora: Client; // analytiker
let ingrid: Client; // fagperson.barnehage
let sofie: Client; // forelder
let ppt: Client[]; // five new staff of one PP service
let municipalityId: string;

const ITEMS = ['know', 'reach', 'roles', 'info', 'family'];
const answers = (...scores: number[]) => scores.map((score, i) => ({ linkId: ITEMS[i]!, score }));
const count = async (table: 'survey_participation' | 'survey_tally' | 'survey_respondents') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

async function scheduleRound(opensOn = today(), closesOn = daysFromToday(14)): Promise<string> {
  const created = await eirik.post('/api/surveys', { title: `Runde ${Math.random()}`, opensOn, closesOn });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  const admin = await signedIn(t.app, 'administrator');
  [eirik, nora, ingrid, sofie] = await Promise.all([signedIn(t.app, 'sbu.koordinator'), signedIn(t.app, 'analytiker'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'forelder')]);
  const unit = await createServiceUnit(admin, 'PP-tjenesten Test', { typeCode: 'ppt' });
  ppt = [];
  for (let i = 0; i < 5; i++) {
    const username = `ppt.survey.${i}`;
    await createStaffUser(admin, staffForm(username, `PPT ${i}`, unit.id, `1980-03-1${i}`));
    ppt.push(await signedIn(t.app, username));
  }
  municipalityId = (await t.database.db.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

describe('a survey round', () => {
  it('stands in a staff member\'s task list while open and unanswered, and leaves it once answered', async () => {
    const round = await scheduleRound();
    const later = await scheduleRound(daysFromToday(30), daysFromToday(44));
    const tasks = async (c: Client) => ((await c.get('/api/tasks')).json().surveys as { id: string }[]).map((r) => r.id);
    expect(await tasks(ingrid)).toContain(round);
    expect(await tasks(ingrid)).not.toContain(later);
    expect((await ingrid.post(`/api/surveys/${round}/answers`, { answers: answers(3, 3, 3, 3, 3) })).statusCode).toBe(201);
    expect(await tasks(ingrid)).not.toContain(round);
  });

  it('shows results for a service type only from its fifth answer, and refuses a second answer from one person', async () => {
    const round = await scheduleRound();
    expect((await ppt[0]!.get('/api/surveys')).json().rounds.find((r: { id: string }) => r.id === round)).toMatchObject({ open: true, answered: false });
    const scores = [[5, 4, 3, 2, 1], [4, 4, 3, 2, 1], [3, 4, 3, 2, 1], [2, 4, 3, 2, 1]];
    for (const [i, s] of scores.entries()) expect((await ppt[i]!.post(`/api/surveys/${round}/answers`, { answers: answers(...s) })).statusCode).toBe(201);
    // Four answers: nothing is shown, not even how many.
    let shown = (await eirik.get('/api/surveys/results')).json().rounds.find((r: { id: string }) => r.id === round);
    expect(shown).toMatchObject({ respondents: null, groups: [], hiddenGroups: 1 });

    const before = { participation: await count('survey_participation'), tally: await count('survey_tally') };
    const twice = await ppt[0]!.post(`/api/surveys/${round}/answers`, { answers: answers(1, 1, 1, 1, 1) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Du har allerede svart i denne runden.');
    expect({ participation: await count('survey_participation'), tally: await count('survey_tally') }).toEqual(before);

    expect((await ppt[4]!.post(`/api/surveys/${round}/answers`, { answers: answers(1, 4, 3, 2, 1) })).statusCode).toBe(201);
    shown = (await nora.get('/api/surveys/results')).json().rounds.find((r: { id: string }) => r.id === round);
    expect(shown).toMatchObject({ respondents: 5, hiddenGroups: 0, groups: [{ serviceType: 'ppt', respondents: 5 }] });
    expect(shown.groups[0].items.map((i: { linkId: string; mean: number }) => [i.linkId, i.mean])).toEqual([['know', 3], ['reach', 4], ['roles', 3], ['info', 2], ['family', 1]]);
    // The indicator register reads the same figures.
    const plain = (await surveyResults(t.database.db, municipalityId)).find((r) => r.roundId === round)!;
    // 25 item answers: the indicator's "agree" share counts them by answer.
    expect(plain.groups).toEqual([{ serviceType: 'ppt', respondents: 5, means: { know: 3, reach: 4, roles: 3, info: 2, family: 1 }, answerCounts: { 1: 6, 2: 6, 3: 6, 4: 6, 5: 1 } }]);
    expect((await ppt[0]!.get(`/api/surveys/${round}`)).json()).toMatchObject({ answered: true, open: true });
  });

  it('hides a group of five too when the total beside it would give away a single small group', async () => {
    const round = await scheduleRound();
    for (const c of ppt) expect((await c.post(`/api/surveys/${round}/answers`, { answers: answers(3, 3, 3, 3, 3) })).statusCode).toBe(201);
    expect((await ingrid.post(`/api/surveys/${round}/answers`, { answers: answers(1, 1, 1, 1, 1) })).statusCode).toBe(201);
    const shown = (await eirik.get('/api/surveys/results')).json().rounds.find((r: { id: string }) => r.id === round);
    expect(shown).toMatchObject({ respondents: 6, groups: [], hiddenGroups: 2 });
  });

  it('refuses an answer outside the options, a missing item and a round not yet open, and stores nothing', async () => {
    const round = await scheduleRound();
    const later = await scheduleRound(daysFromToday(30), daysFromToday(44));
    const before = { participation: await count('survey_participation'), tally: await count('survey_tally'), respondents: await count('survey_respondents') };
    const outside = await ingrid.post(`/api/surveys/${round}/answers`, { answers: answers(6, 3, 3, 3, 3) });
    expect(outside.json().error.fields).toEqual([{ field: 'answers.0.score', message: 'Svaret er ikke et av alternativene.' }]);
    const missing = await ingrid.post(`/api/surveys/${round}/answers`, { answers: answers(3, 3, 3, 3) });
    expect(missing.json().error.fields).toEqual([{ field: 'item.family', message: 'Svar på dette spørsmålet.' }]);
    const early = await ingrid.post(`/api/surveys/${later}/answers`, { answers: answers(3, 3, 3, 3, 3) });
    expect([early.statusCode, early.json().error.message]).toEqual([409, 'Runden er ikke åpen for svar nå.']);
    expect({ participation: await count('survey_participation'), tally: await count('survey_tally'), respondents: await count('survey_respondents') }).toEqual(before);
  });

  it('is scheduled by the SBU coordinator only; results are for the coordinator and the analyst; citizens have no part', async () => {
    expect((await ingrid.post('/api/surveys', { title: 'Vår', opensOn: today(), closesOn: daysFromToday(14) })).statusCode).toBe(403);
    const backwards = await eirik.post('/api/surveys', { title: 'Vår', opensOn: daysFromToday(14), closesOn: today() });
    expect(backwards.json().error.fields).toEqual([{ field: 'closesOn', message: 'Runden kan ikke stenge før den åpner.' }]);
    expect((await ingrid.get('/api/surveys/results')).statusCode).toBe(403);
    const round = await scheduleRound();
    expect((await sofie.get('/api/surveys')).statusCode).toBe(403);
    expect((await sofie.post(`/api/surveys/${round}/answers`, { answers: answers(3, 3, 3, 3, 3) })).statusCode).toBe(403);
  });
});

describe('anonymity in the schema', () => {
  it('keeps who answered apart from the answers: the answer tables name no staff user, no time, no order', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name in ('survey_participation', 'survey_respondents', 'survey_tally')
      order by table_name, ordinal_position`.execute(t.database.db);
    expect(columns.rows.map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`)).toEqual([
      'survey_participation.round_id:uuid', 'survey_participation.staff_user_id:uuid',
      'survey_respondents.round_id:uuid', 'survey_respondents.service_type:text', 'survey_respondents.respondents:integer',
      'survey_tally.round_id:uuid', 'survey_tally.service_type:text', 'survey_tally.link_id:text', 'survey_tally.answer:integer', 'survey_tally.answers:integer',
    ]);
    // And no table but the participation refers to a staff user from the survey's side.
    const references = await sql<{ table_name: string; target: string }>`
      select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as target from pg_constraint c
      where c.contype = 'f' and c.conrelid::regclass::text in ('survey_participation', 'survey_respondents', 'survey_tally') order by 1, 2`.execute(t.database.db);
    expect(references.rows).toEqual([
      { table_name: 'survey_participation', target: 'staff_user' }, { table_name: 'survey_participation', target: 'survey_round' },
      { table_name: 'survey_respondents', target: 'survey_round' }, { table_name: 'survey_tally', target: 'survey_round' },
    ]);
  });
});
