// From concern to action, through the API: a kindergarten teacher's worry about Emma, discussed
// anonymously and then tied to her; levels and action-guide steps; the relay log opening with the
// mother's consent; measures, an evaluation and a correction; the baton handed to the health nurse;
// and the transition to school that moves the baton with only what the family consented to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { testClock, today as todayInOslo } from '../support/clock.ts';

let t: TestApp;
let teacher: Client; // Ingrid Solheim, Solsikken barnehage
let nurse: Client; // Kari Nygård, Helsestasjon Nord
let schoolTeacher: Client; // Henrik Aasen, Fjellbekken skole
let mother: Client; // Sofie Nordli
let emmaId: string;
let caseId: string;
let ids: Record<string, string> = {};

const today = todayInOslo();
const plusDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const inOneYear = plusDays(365);

async function idOf(table: 'staff_user' | 'service_unit', column: 'username' | 'name', value: string) {
  return (await t.database.db.selectFrom(table).select('id').where(column as never, '=', value as never).executeTakeFirstOrThrow()).id as string;
}
async function count(table: 'relay_log_entry' | 'relay_handover' | 'case_level_change' | 'worry' | 'transition') {
  return (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}
const status = async (client: Client) => (await client.get(`/api/people/${emmaId}/case-status`)).json();
const fields = (response: { json(): { error: { fields: unknown } } }) => response.json().error.fields;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse, schoolTeacher, mother] = await Promise.all([
    signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'forelder'),
  ]);
  emmaId = (await t.database.db.selectFrom('person').select('id').where('given_name', '=', 'Emma').where('family_name', '=', 'Nordli').executeTakeFirstOrThrow()).id;
  ids = {
    teacher: await idOf('staff_user', 'username', 'fagperson.barnehage'),
    nurse: await idOf('staff_user', 'username', 'helsesykepleier'),
    schoolTeacher: await idOf('staff_user', 'username', 'fagperson.skole'),
    solsikken: await idOf('service_unit', 'name', 'Solsikken barnehage'),
    fjellbekken: await idOf('service_unit', 'name', 'Fjellbekken skole'),
    sofie: (await t.database.db.selectFrom('person').select('id').where('given_name', '=', 'Sofie').where('family_name', '=', 'Nordli').executeTakeFirstOrThrow()).id,
  };
});
afterAll(async () => {
  await t?.close();
});

describe('a worry', () => {
  let worryId: string;

  it('is noted anonymously with signs in categories, storing no identity', async () => {
    const response = await teacher.post('/api/worries', { categories: ['language', 'social'], description: 'Sier lite, leker mest alene.', noticedOn: today, ageYears: 5 });
    expect(response.statusCode).toBe(201);
    worryId = response.json().worryId;
    const row = await t.database.db.selectFrom('worry').selectAll().where('id', '=', worryId).executeTakeFirstOrThrow();
    expect(row.person_id).toBeNull();
    expect(row.case_id).toBeNull();
  });

  it('refuses a worry without a category or noticed in the future, and stores nothing', async () => {
    const before = await count('worry');
    expect(fields(await teacher.post('/api/worries', { categories: [], description: 'x', noticedOn: today }))).toEqual([{ field: 'categories', message: 'Velg minst ett område.' }]);
    expect(fields(await teacher.post('/api/worries', { categories: ['health'], description: 'x', noticedOn: plusDays(3) }))).toEqual([
      { field: 'noticedOn', message: 'Datoen du la merke til dette, kan ikke være frem i tid.' },
    ]);
    expect(await count('worry')).toBe(before);
  });

  it('is discussed with a colleague, who sees it; others do not', async () => {
    expect((await teacher.post(`/api/worries/${worryId}/discussions`, { withStaffId: ids.nurse, note: 'Foreslår å snakke med foreldrene.' })).statusCode).toBe(201);
    const forNurse = (await nurse.get('/api/worries')).json().worries;
    expect(forNurse).toEqual([expect.objectContaining({ id: worryId, noticedBy: 'Ingrid Solheim', mine: false, discussions: [expect.objectContaining({ note: 'Foreslår å snakke med foreldrene.' })] })]);
    expect((await schoolTeacher.get('/api/worries')).json().worries).toEqual([]);
    expect((await nurse.post(`/api/worries/${worryId}/link`, { personId: emmaId })).statusCode).toBe(403);
  });

  it('is tied to Emma once the family has been spoken to, opening her case at level 0 with the teacher as relay holder', async () => {
    const response = await teacher.post(`/api/worries/${worryId}/link`, { personId: emmaId });
    expect(response.statusCode).toBe(200);
    caseId = response.json().caseId;
    const s = await status(teacher);
    expect(s.case).toMatchObject({ id: caseId, level: 0, relayHolder: { name: 'Ingrid Solheim', unitName: 'Solsikken barnehage' }, guideVersion: 1 });
    expect(s.abilities).toMatchObject({ hold: true, changeStatus: true });
    expect(s.case.steps.map((step: { stepKey: string }) => step.stepKey)).toEqual(['note_observations', 'talk_with_child', 'talk_with_parents', 'consult', 'consider_child_welfare']);
    expect(s.case.steps[4].links[0].url).toContain('lovdata.no');
    expect(s.abilities.readLog).toBe(false);
    expect((await t.database.db.selectFrom('worry').select(['person_id', 'age_years']).where('id', '=', worryId).executeTakeFirstOrThrow())).toEqual({ person_id: emmaId, age_years: null });
  });
});

describe('levels and the action guide', () => {
  it('marks a step done, with who and when', async () => {
    expect((await teacher.post(`/api/cases/${caseId}/steps`, { level: 0, stepKey: 'talk_with_parents', done: true })).statusCode).toBe(200);
    const step = (await status(teacher)).case.steps.find((s: { stepKey: string }) => s.stepKey === 'talk_with_parents');
    expect(step.done).toMatchObject({ by: 'Ingrid Solheim' });
    expect((await teacher.post(`/api/cases/${caseId}/steps`, { level: 0, stepKey: 'no_such_step', done: true })).statusCode).toBe(400);
  });

  it('moves up a level recording who, when and why; refuses the same level and a stale version', async () => {
    const s = await status(teacher);
    const before = await count('case_level_change');
    expect(fields(await teacher.post(`/api/cases/${caseId}/level`, { toLevel: 0, reason: 'x', version: s.case.version }))).toEqual([{ field: 'toLevel', message: 'Saken er allerede på dette nivået.' }]);
    expect((await teacher.post(`/api/cases/${caseId}/level`, { toLevel: 1, reason: 'x', version: s.case.version + 5 })).statusCode).toBe(409);
    expect(await count('case_level_change')).toBe(before);
    expect((await teacher.post(`/api/cases/${caseId}/level`, { toLevel: 1, reason: 'Foreldrene ønsker tiltak i barnehagen.', version: s.case.version })).statusCode).toBe(200);
    const after = await status(teacher);
    expect(after.case.level).toBe(1);
    expect(after.case.levelHistory.at(-1)).toMatchObject({ from: 0, to: 1, reason: 'Foreldrene ønsker tiltak i barnehagen.', by: 'Ingrid Solheim' });
    expect(after.case.steps[0].stepKey).toBe('get_consent');
  });

  it('is not open to a professional who is not involved', async () => {
    expect((await schoolTeacher.get(`/api/people/${emmaId}/case-status`)).statusCode).toBe(403);
    expect((await schoolTeacher.post(`/api/cases/${caseId}/level`, { toLevel: 2, reason: 'x', version: 1 })).statusCode).toBe(403);
  });
});

describe('the relay log', () => {
  let measureKey: string;
  let goalKey: string;

  it('stays closed until the family consents', async () => {
    expect((await teacher.get(`/api/people/${emmaId}/case`)).statusCode).toBe(403);
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'goal', category: 'language', title: 'x' })).statusCode).toBe(403);
  });

  it('opens with the mother\'s paper consent', async () => {
    const common = { method: 'paper', giverIds: [ids.sofie], validFrom: today, validTo: inOneYear };
    expect((await teacher.post(`/api/people/${emmaId}/consents`, {
      ...common, purposes: ['collaboration'], categories: ['development', 'language', 'social', 'health'], recipientUnitIds: [ids.solsikken], recipientUnitTypes: ['health_station'],
    })).statusCode).toBe(201);
    // For the move to school she consents to pass on language and development only.
    expect((await teacher.post(`/api/people/${emmaId}/consents`, {
      ...common, purposes: ['transition'], categories: ['development', 'language'], recipientUnitTypes: ['school_primary'],
    })).statusCode).toBe(201);
    expect((await status(teacher)).abilities.readLog).toBe(true);
  });

  it('holds development areas, goals and measures, each with a responsible person and dates', async () => {
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'development_area', category: 'language', title: 'Språk og samspill' })).statusCode).toBe(201);
    const goal = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'goal', category: 'language', title: 'Emma tar ordet i samlingsstund' });
    goalKey = goal.json().entryKey;
    const measure = await teacher.post(`/api/cases/${caseId}/entries`, {
      kind: 'measure', category: 'language', title: 'Språkgruppe to ganger i uka', responsibleStaffId: ids.teacher, startsOn: today, evaluateOn: plusDays(42),
    });
    expect(measure.statusCode).toBe(201);
    measureKey = measure.json().entryKey;
    const second = await teacher.post(`/api/cases/${caseId}/entries`, {
      kind: 'measure', category: 'health', title: 'Hørselstest på helsestasjonen', responsibleStaffId: ids.nurse, startsOn: today, evaluateOn: plusDays(30),
    });
    expect(second.statusCode).toBe(201);
    const log = (await teacher.get(`/api/people/${emmaId}/case`)).json();
    // Newest first.
    expect(log.entries.map((e: { kind: string; title: string }) => `${e.kind}:${e.title}`)).toEqual([
      'measure:Hørselstest på helsestasjonen', 'measure:Språkgruppe to ganger i uka', 'goal:Emma tar ordet i samlingsstund', 'development_area:Språk og samspill',
    ]);
    expect(log.hasMore).toBe(false);
    expect(log.entries[0]).toMatchObject({ responsible: { name: 'Kari Nygård', unitName: 'Helsestasjon Nord' }, author: { kind: 'staff', name: 'Ingrid Solheim' } });
    // The nurse responsible for a measure is involved from then on.
    expect((await nurse.get(`/api/people/${emmaId}/case`)).statusCode).toBe(200);
  });

  it('refuses an evaluation date before the start, a measure without a responsible person or with one outside the consent; nothing is written', async () => {
    const before = await count('relay_log_entry');
    const base = { kind: 'measure', category: 'language', title: 'Tiltak', startsOn: today, evaluateOn: plusDays(10), responsibleStaffId: ids.teacher };
    expect(fields(await teacher.post(`/api/cases/${caseId}/entries`, { ...base, evaluateOn: plusDays(-1) }))).toEqual([{ field: 'evaluateOn', message: 'Evalueringsdatoen kan ikke være før startdatoen.' }]);
    expect(fields(await teacher.post(`/api/cases/${caseId}/entries`, { ...base, responsibleStaffId: undefined }))).toEqual([{ field: 'responsibleStaffId', message: 'Et tiltak må ha en ansvarlig person.' }]);
    expect(fields(await teacher.post(`/api/cases/${caseId}/entries`, { ...base, responsibleStaffId: ids.schoolTeacher }))).toEqual([
      { field: 'responsibleStaffId', message: 'Den ansvarlige må jobbe i en tjeneste som samtykket omfatter.' },
    ]);
    const english = await new (teacher.constructor as typeof Client)(t.app, 'en').signIn('fagperson.barnehage');
    expect(fields(await english.post(`/api/cases/${caseId}/entries`, { ...base, evaluateOn: plusDays(-1) }))).toEqual([{ field: 'evaluateOn', message: 'The evaluation date cannot be before the start date.' }]);
    expect(await count('relay_log_entry')).toBe(before);
  });

  it('records an evaluation with the family\'s and the child\'s view', async () => {
    const response = await teacher.post(`/api/cases/${caseId}/entries`, {
      kind: 'evaluation', category: 'language', title: 'Evaluering av språkgruppa', measureKey, outcome: 'partly', familyView: 'Hun snakker mer hjemme.', childView: 'Gøy med sanger.',
    });
    expect(response.statusCode).toBe(201);
    const evaluation = (await teacher.get(`/api/people/${emmaId}/case`)).json().entries.find((e: { kind: string }) => e.kind === 'evaluation');
    expect(evaluation).toMatchObject({ measureKey, outcome: 'partly', familyView: 'Hun snakker mer hjemme.', childView: 'Gøy med sanger.' });
  });

  it('corrects an entry as a new version and keeps the history visible', async () => {
    const stale = await teacher.post(`/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'language', title: 'Ny tekst', basedOnVersion: 7 });
    expect(stale.statusCode).toBe(409);
    const corrected = await teacher.post(`/api/cases/${caseId}/entries/${goalKey}`, { kind: 'goal', category: 'language', title: 'Emma tar ordet i samlingsstund minst én gang om dagen', basedOnVersion: 1 });
    expect(corrected.json()).toEqual({ entryKey: goalKey, version: 2 });
    const goal = (await teacher.get(`/api/people/${emmaId}/case`)).json().entries.find((e: { entryKey: string }) => e.entryKey === goalKey);
    expect(goal).toMatchObject({ version: 2, title: 'Emma tar ordet i samlingsstund minst én gang om dagen' });
    const history = (await teacher.get(`/api/cases/${caseId}/entries/${goalKey}/history`)).json().versions;
    expect(history.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [1, 'Emma tar ordet i samlingsstund'], [2, 'Emma tar ordet i samlingsstund minst én gang om dagen'],
    ]);
  });

  it('lets the mother add a strength and a note, but not a measure', async () => {
    const strength = await mother.post(`/api/cases/${caseId}/entries`, { kind: 'strength', category: 'social', title: 'Emma er god til å trøste lillebroren sin' });
    expect(strength.statusCode).toBe(201);
    expect(fields(await mother.post(`/api/cases/${caseId}/entries`, { kind: 'measure', category: 'language', title: 'x', responsibleStaffId: ids.teacher, startsOn: today, evaluateOn: today }))).toEqual([
      { field: 'kind', message: 'Du kan ikke skrive denne typen innførsel.' },
    ]);
    const entry = (await teacher.get(`/api/people/${emmaId}/case`)).json().entries.find((e: { kind: string }) => e.kind === 'strength');
    expect(entry.author).toEqual({ kind: 'family', name: 'Sofie Nordli', unitName: null });
    // She was told in the app of what the kindergarten wrote, and the teacher of what she wrote.
    expect(JSON.stringify((await mother.get('/api/notifications')).json())).toContain('Ingrid Solheim har skrevet i stafettloggen for Emma Nordli.');
    expect(JSON.stringify((await teacher.get('/api/notifications')).json())).toContain('Sofie Nordli har skrevet i stafettloggen for Emma Nordli.');
  });
});

describe('the relay holder', () => {
  let handoverId: string;

  it('refuses a handover to oneself or to someone outside the consent, changing nothing', async () => {
    const before = await count('relay_handover');
    expect(fields(await teacher.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.teacher }))).toEqual([{ field: 'toStaffId', message: 'Du kan ikke gi stafettpinnen til deg selv.' }]);
    expect(fields(await teacher.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.schoolTeacher }))).toEqual([
      { field: 'toStaffId', message: 'Mottakeren må jobbe i en tjeneste som samtykket omfatter.' },
    ]);
    expect(await count('relay_handover')).toBe(before);
  });

  it('is a request: the old holder keeps the baton until the receiver accepts', async () => {
    const response = await teacher.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.nurse, message: 'Kan du ta over?' });
    expect(response.statusCode).toBe(201);
    handoverId = response.json().id;
    const s = await status(teacher);
    expect(s.case.relayHolder.name).toBe('Ingrid Solheim');
    expect(s.case.pendingHandover).toMatchObject({ to: { name: 'Kari Nygård' }, message: 'Kan du ta over?' });
    expect((await teacher.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.nurse })).statusCode).toBe(409);
    // Only the receiver answers.
    expect((await teacher.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(403);
    const tasks = (await nurse.get('/api/tasks')).json();
    expect(tasks.handovers).toEqual([expect.objectContaining({ id: handoverId, fromName: 'Ingrid Solheim', person: { id: emmaId, name: 'Emma Nordli' } })]);
  });

  it('passes when the receiver accepts; there is exactly one holder', async () => {
    expect((await nurse.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(200);
    const s = await status(nurse);
    expect(s.case).toMatchObject({ relayHolder: { name: 'Kari Nygård' }, pendingHandover: null });
    expect(s.abilities.hold).toBe(true);
    expect((await status(teacher)).abilities.hold).toBe(false);
    expect((await nurse.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(409);
    // The family sees who holds the baton and can comment on it.
    expect((await status(mother)).case.relayHolder.name).toBe('Kari Nygård');
    expect((await mother.post(`/api/cases/${caseId}/entries`, { kind: 'holder_comment', category: 'other', title: 'Fint at helsesykepleier tar over' })).statusCode).toBe(201);
  });
});

describe('the transition to school', () => {
  it('is proposed when Emma is enrolled at a school', async () => {
    const nextAugust = `${Number(today.slice(0, 4)) + (today.slice(5) > '08-15' ? 1 : 0)}-08-15`;
    expect((await nurse.post(`/api/people/${emmaId}/enrolments`, { serviceUnitId: ids.fjellbekken, startsOn: nextAugust })).statusCode).toBe(201);
    const proposal = (await status(nurse)).case.proposedTransition;
    expect(proposal).toMatchObject({ fromStage: 'kindergarten', toStage: 'primary_school', because: 'enrolment', enrolledUnitId: ids.fjellbekken, dueOn: nextAugust });
  });

  it('moves the baton to the school, which sees only what the transition consent covers', async () => {
    expect(fields(await nurse.post(`/api/cases/${caseId}/transitions`, { toUnitId: ids.solsikken }))).toEqual([{ field: 'toUnitId', message: 'Velg en mottakende enhet for neste trinn.' }]);
    const planned = await nurse.post(`/api/cases/${caseId}/transitions`, { toUnitId: ids.fjellbekken, meetingAt: `${plusDays(14)}T10:00:00+01:00`, meetingPlace: 'Solsikken barnehage' });
    expect(planned.statusCode).toBe(201);
    const transitionId = planned.json().id;
    const handover = await nurse.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.schoolTeacher, transitionId, message: 'Overgang til skolen' });
    expect(handover.statusCode).toBe(201);
    expect((await schoolTeacher.post(`/api/handovers/${handover.json().id}/accept`, {})).statusCode).toBe(200);

    const s = await status(schoolTeacher);
    expect(s.case.relayHolder.name).toBe('Henrik Aasen');
    expect(s.case.transitions[0]).toMatchObject({ toUnitName: 'Fjellbekken skole', status: 'completed' });
    const log = (await schoolTeacher.get(`/api/people/${emmaId}/case`)).json();
    expect(log.visibleCategories).toEqual(['development', 'language']);
    expect(log.entries.every((e: { category: string }) => ['development', 'language'].includes(e.category))).toBe(true);
    expect(log.entries.map((e: { title: string }) => e.title)).not.toContain('Hørselstest på helsestasjonen');
    expect(log.hiddenEntries).toBeGreaterThan(0);
    // Emma has left the kindergarten: its staff are no longer involved.
    expect((await teacher.get(`/api/people/${emmaId}/case`)).statusCode).toBe(403);
  });
});

describe('a long relay log', () => {
  type Page = { entries: { entryKey: string; category: string; writtenAt: string }[]; hasMore: boolean; olderCursor: string | null; hiddenEntries: number };
  const PAGE = 50;

  /** Every page from the newest, following the cursor; checks each page's size on the way. */
  async function allPages(client: Client): Promise<Page[]> {
    const pages: Page[] = [];
    let before: string | null = null;
    do {
      const response = await client.get(`/api/people/${emmaId}/case${before ? `?before=${encodeURIComponent(before)}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as Page;
      pages.push(page);
      expect(page.entries.length).toBeLessThanOrEqual(PAGE);
      if (page.hasMore) expect(page.entries.length).toBe(PAGE);
      before = page.olderCursor;
      expect(before === null).toBe(!page.hasMore);
    } while (before && pages.length < 20);
    return pages;
  }

  async function currentCount(categories?: string[]): Promise<number> {
    let query = t.database.db.selectFrom('relay_log_entry as e').select(sql<number>`count(*)::int`.as('n')).where('e.case_id', '=', caseId)
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM relay_log_entry n WHERE n.entry_key = e.entry_key AND n.version > e.version)`);
    if (categories) query = query.where('e.category', 'in', categories);
    return (await query.executeTakeFirstOrThrow()).n;
  }

  it('comes a page at a time, newest first, every entry once, as far as the consent reaches', async () => {
    // 130 of the family's notes over the last days, three at a time written in the same microsecond,
    // in categories the school sees (language, development) and one it does not (health).
    const categories = ['language', 'health', 'development'] as const;
    const base = testClock.now().getTime() - 86_400_000;
    await t.database.db.insertInto('relay_log_entry').values(Array.from({ length: 130 }, (_, i) => ({
      case_id: caseId, entry_key: randomUUID(), version: 1, kind: 'family_note', category: categories[i % 3]!,
      title: `Notat ${i}`, author_person_id: ids.sofie!, written_at: new Date(base - Math.floor(i / 3) * 60_000),
    }))).execute();

    // The mother sees everything: the pages hold every current entry once, in order.
    const all = await allPages(mother);
    expect(all[0]!.entries).toHaveLength(PAGE);
    expect(all[0]!.hasMore).toBe(true);
    const keys = all.flatMap((p) => p.entries.map((e) => e.entryKey));
    expect(keys.length).toBe(await currentCount());
    expect(new Set(keys).size).toBe(keys.length);
    const times = all.flatMap((p) => p.entries.map((e) => new Date(e.writtenAt).getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // The school's pages are full although health entries lie between the ones it may see.
    const school = await allPages(schoolTeacher);
    expect(school[0]!.entries).toHaveLength(PAGE);
    const seen = school.flatMap((p) => p.entries);
    expect(seen.every((e) => ['development', 'language'].includes(e.category))).toBe(true);
    expect(seen.length).toBe(await currentCount(['development', 'language']));
    expect(new Set(seen.map((e) => e.entryKey)).size).toBe(seen.length);
    expect(school[0]!.hiddenEntries).toBe((await currentCount()) - seen.length);
  });

  it('refuses a cursor it did not make', async () => {
    const response = await mother.get(`/api/people/${emmaId}/case?before=not-a-cursor`);
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual([{ field: 'before', message: expect.any(String) }]);
  });
});

describe('closing', () => {
  it('records the reason, makes the log read-only and sets the retention date', async () => {
    expect((await schoolTeacher.post(`/api/cases/${caseId}/close`, { reason: 'goals_reached', note: 'Målene er nådd.' })).statusCode).toBe(200);
    const s = await status(schoolTeacher);
    expect(s.case).toMatchObject({ closeReason: 'goals_reached', closeNote: 'Målene er nådd.', retainUntil: `${Number(today.slice(0, 4)) + 5}${today.slice(4)}` });
    const write = await schoolTeacher.post(`/api/cases/${caseId}/entries`, { kind: 'goal', category: 'language', title: 'x' });
    expect(write.statusCode).toBe(409);
    expect(write.json().error.message).toBe('Stafettloggen er avsluttet og kan bare leses.');
  });

  it('refuses an unknown case like one the user may not see', async () => {
    expect((await schoolTeacher.post('/api/cases/00000000-0000-4000-8000-000000000000/close', { reason: 'other', note: 'x' })).statusCode).toBe(403);
  });
});

describe('the municipality edits the action guide', () => {
  it('publishes a new version; bad input is refused and changes nothing; a professional may not publish', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const guide = (await admin.get('/api/action-guide')).json();
    expect(guide.version).toBe(1);
    const steps = guide.steps.map((s: { stepKey: string; title: Record<string, string> }) =>
      s.stepKey === 'get_consent' ? { ...s, title: { nb: 'Innhent skriftlig samtykke', nn: 'Innhent skriftleg samtykke', en: 'Obtain written consent' } } : s);

    const noLevel3 = await admin.post('/api/action-guide', { basedOnVersion: 1, steps: steps.filter((s: { level: number }) => s.level !== 3) });
    expect(fields(noLevel3)).toEqual([{ field: 'steps', message: 'Nivå 3 må ha minst ett steg.' }]);
    const badLink = structuredClone(steps);
    badLink[0].links = [{ label: { nb: 'x', nn: 'x', en: 'x' }, url: 'javascript:alert(1)' }];
    expect(fields(await admin.post('/api/action-guide', { basedOnVersion: 1, steps: badLink }))).toEqual([
      { field: 'steps.0.links.0.url', message: 'Lenken må være en nettadresse (https://…) eller en side i Sammen (/…).' },
    ]);
    expect((await teacher.post('/api/action-guide', { basedOnVersion: 1, steps })).statusCode).toBe(403);
    expect((await admin.get('/api/action-guide')).json().version).toBe(1);

    const published = await admin.post('/api/action-guide', { basedOnVersion: 1, note: 'Skriftlig samtykke', steps });
    expect(published.json()).toEqual({ version: 2 });
    // A second publish based on the old version is refused: someone else changed it.
    expect((await admin.post('/api/action-guide', { basedOnVersion: 1, steps })).statusCode).toBe(400);
    const s = await status(schoolTeacher);
    expect(s.case.guideVersion).toBe(2);
    expect(s.case.steps.find((step: { stepKey: string }) => step.stepKey === 'get_consent').title).toBe('Innhent skriftlig samtykke');
  });
});
