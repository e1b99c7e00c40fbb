// Questionnaires (issue 16): the two built-in instruments scored on written-out answer sets at
// every threshold boundary and the alert item; a screening sent by the health nurse (helsesykepleier)
// to a pregnant woman's Min side, answered in nynorsk, scored at once, its suggestion taken into the
// relay log, and the goal's progress rated; the access rule following the person who answered;
// wrong answers refused with nothing stored; the municipality's own instrument with its versions.
// Every test makes what it needs and counts only what it made, so the file holds in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { daysFromToday, testClock, today } from '../support/clock.ts';
import { sendCaseReminders } from '../../server/modules/cases/jobs.ts';
import { AUDIT, EPDS } from '../../server/modules/questionnaires/instruments.ts';
import { checkDefinition, score } from '../../server/modules/questionnaires/scoring.ts';
import type { Definition } from '../../common/contracts/questionnaires.ts';
import { registeredChildWithGuardian, staffName } from '../support/factories.ts';
import { EVERYDAY } from '../../server/demo/questionnaires.ts';

let t: TestApp;
let kari: Client; // helsesykepleier, involved with Hanna
let hanna: Client; // gravid: answers on Min side
let hannaNn: Client; // the same session, asking in nynorsk
let ingrid: Client; // fagperson.barnehage: another unit, not involved with Hanna
let sofie: Client; // forelder: a citizen who is not Hanna
let sander: Client; // ungdom
let admin: Client;
let hannaId: string;

/** Answers by linkId '1'…'10', each the score of the option chosen. */
const answers = (...scores: number[]) => scores.map((s, i) => ({ linkId: String(i + 1), score: s }));
const scored = (definition: Definition, ...scores: number[]) => {
  const result = score(definition, answers(...scores));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.scored;
};
const count = async (table: 'screening' | 'goal_rating' | 'questionnaire_version') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

/** A screening the nurse sends to Hanna's Min side (or starts in a conversation): its id and version. */
async function screeningFor(instrumentKey = 'epds', mode: 'min_side' | 'conversation' = 'min_side'): Promise<{ id: string; version: number }> {
  const started = await kari.post(`/api/people/${hannaId}/questionnaire-responses`, { instrumentKey, mode });
  expect(started.statusCode, started.body).toBe(201);
  return { id: started.json().id, version: 1 };
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [kari, hanna, hannaNn, ingrid, sofie, sander, admin] = await Promise.all([
    signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'gravid'), signedIn(t.app, 'gravid', 'nn'), signedIn(t.app, 'fagperson.barnehage'),
    signedIn(t.app, 'forelder'), signedIn(t.app, 'ungdom'), signedIn(t.app, 'administrator'),
  ]);
  hannaId = ((await hanna.get('/api/people')).json().people as { id: string; kind: string }[]).find((p) => p.kind === 'pregnant')!.id;
  const unitId = (await kari.get('/api/auth/me')).json().principal.serviceUnitId;
  // Hanna lets the health station share what concerns her health.
  const consent = await hanna.post(`/api/people/${hannaId}/consents/digital`, {
    purposes: ['collaboration'], categories: ['health', 'family_situation'], recipientUnitIds: [unitId], validTo: daysFromToday(300),
  });
  expect(consent.statusCode, consent.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('scoring the built-in instruments', () => {
  it('EPDS: below 10 nothing, 10–12 follow-up, 13 and over probable depression, the anxiety items as a subscale', () => {
    expect(scored(EPDS, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toEqual({ score: 0, subscores: { anxiety: 0 }, thresholdKey: null, alertItems: [] });
    expect(scored(EPDS, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0)).toMatchObject({ score: 9, thresholdKey: null });
    expect(scored(EPDS, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0)).toEqual({ score: 10, subscores: { anxiety: 3 }, thresholdKey: 'follow_up', alertItems: [] });
    expect(scored(EPDS, 2, 2, 1, 1, 1, 1, 1, 1, 2, 0)).toMatchObject({ score: 12, thresholdKey: 'follow_up' });
    expect(scored(EPDS, 2, 2, 2, 1, 1, 1, 1, 1, 2, 0)).toEqual({ score: 13, subscores: { anxiety: 4 }, thresholdKey: 'probable_depression', alertItems: [] });
    expect(scored(EPDS, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)).toEqual({ score: 30, subscores: { anxiety: 9 }, thresholdKey: 'probable_depression', alertItems: ['10'] });
  });

  it('EPDS: any answer above 0 on the self-harm item is an alert, whatever the total', () => {
    expect(scored(EPDS, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).toEqual({ score: 1, subscores: { anxiety: 0 }, thresholdKey: null, alertItems: ['10'] });
    expect(scored(EPDS, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0).alertItems).toEqual([]);
  });

  it('AUDIT: 7 is below, 8 is hazardous drinking, up to the highest total of 40', () => {
    expect(scored(AUDIT, 2, 1, 1, 1, 1, 0, 1, 0, 0, 0)).toEqual({ score: 7, subscores: {}, thresholdKey: null, alertItems: [] });
    expect(scored(AUDIT, 2, 1, 1, 1, 1, 0, 1, 1, 0, 0)).toMatchObject({ score: 8, thresholdKey: 'hazardous' });
    expect(scored(AUDIT, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).toMatchObject({ score: 40, thresholdKey: 'hazardous' });
  });

  it('refuses an answer outside the options and a missing required item; both built-ins pass their own checks', () => {
    // AUDIT's items 9 and 10 score 0, 2 or 4.
    expect(score(AUDIT, answers(0, 0, 0, 0, 0, 0, 0, 0, 1, 0))).toEqual({ problems: [{ field: 'answers.8.score', messageKey: 'questionnaires.err.notAnOption' }] });
    expect(score(EPDS, answers(0, 0, 0, 0, 0, 0, 0, 0, 0))).toEqual({ problems: [{ field: 'item.10', messageKey: 'questionnaires.err.missingAnswer' }] });
    expect(checkDefinition(EPDS)).toEqual([]);
    expect(checkDefinition(AUDIT)).toEqual([]);
    expect(checkDefinition(EVERYDAY)).toEqual([]);
  });
});

describe('a screening sent to Min side', () => {
  it('is answered by the person in nynorsk and scored at once; the nurse sees the score, the threshold and the suggested step', async () => {
    const s = await screeningFor();
    // Hanna is told, and the form is in her language with its source and licence.
    expect(JSON.stringify((await hanna.get('/api/notifications')).json())).toContain(`/min-side/kartlegging/${s.id}`);
    const form = (await hannaNn.get(`/api/questionnaire-responses/${s.id}`)).json();
    expect(form).toMatchObject({ status: 'sent', abilities: { answer: true }, items: expect.arrayContaining([expect.objectContaining({ linkId: '10', text: 'Tanken på å skade meg sjølv har streifa meg' })]) });
    expect(form.source).toContain('Cox, J.L., Holden, J.M. og Sagovsky, R. (1987)');
    // A total of 14.
    const answered = await hannaNn.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(2, 2, 2, 2, 1, 1, 1, 1, 2, 0), version: s.version });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().result).toMatchObject({
      score: 14, maxScore: 30, alert: false, subscores: [{ key: 'anxiety', score: 5 }],
      threshold: { key: 'probable_depression', text: 'Skåre 13 eller meir: sannsynleg depresjon. Vurder tilvising til lege og andre tenester.' },
    });
    // The nurse hears of it and sees the result with the action guide's step in her language.
    expect(JSON.stringify((await kari.get('/api/notifications')).json())).toContain(`/kartlegging/${s.id}`);
    const seen = (await kari.get(`/api/questionnaire-responses/${s.id}`)).json();
    expect(seen).toMatchObject({ status: 'answered', language: 'nn', abilities: { answer: false, takeIntoLog: true } });
    // Hanna is pregnant: the step is her own path's, the pregnancy guide's.
    expect(seen.result.threshold).toMatchObject({
      text: 'Skåre 13 eller mer: sannsynlig depresjon. Vurder henvisning til lege og andre tjenester.',
      guideStep: { level: 2, stepKey: 'involve_pregnancy_services', title: 'Involver fastlege, psykisk helse og rus' },
    });
    // A second answer, or the same one again, changes nothing.
    const again = await hannaNn.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), version: 2 });
    expect(again.statusCode).toBe(409);
    expect((await kari.get(`/api/questionnaire-responses/${s.id}`)).json().result.score).toBe(14);
  });

  it('takes the suggestion into the relay log with one action; the family rates the goal at the start and at the evaluation', async () => {
    const s = await screeningFor();
    await hanna.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(1, 1, 1, 1, 1, 1, 1, 1, 2, 0), version: 1 });
    const taken = await kari.post(`/api/questionnaire-responses/${s.id}/measure`, { goal: 'Hanna sover bedre og har overskudd i hverdagen', startsOn: today(), evaluateOn: daysFromToday(42) });
    expect(taken.statusCode, taken.body).toBe(201);
    const log = (await kari.get(`/api/people/${hannaId}/case`)).json();
    const measure = log.entries.find((e: { entryKey: string }) => e.entryKey === taken.json().measureEntryKey);
    expect(measure).toMatchObject({ kind: 'measure', category: 'health', title: 'Oppfølgingssamtaler med helsesykepleier', startsOn: today(), evaluateOn: daysFromToday(42) });
    expect((await kari.post(`/api/questionnaire-responses/${s.id}/measure`, { goal: 'En gang til', startsOn: today(), evaluateOn: daysFromToday(42) })).statusCode).toBe(409);

    const goalKey = taken.json().goalEntryKey;
    const goalOf = async (c: Client) => ((await c.get(`/api/people/${hannaId}/goal-ratings`)).json().goals as { goalKey: string; nextOccasion: string; ratings: { score: number; occasion: string; rater: string }[] }[]).find((g) => g.goalKey === goalKey)!;
    expect(await goalOf(hanna)).toMatchObject({ nextOccasion: 'start', ratings: [] });
    const before = await count('goal_rating');
    expect((await hanna.post(`/api/people/${hannaId}/goal-ratings`, { goalKey, score: 3, occasion: 'start' })).statusCode).toBe(201);
    expect((await hanna.post(`/api/people/${hannaId}/goal-ratings`, { goalKey, score: 4, occasion: 'start' })).statusCode).toBe(409);
    const outside = await hanna.post(`/api/people/${hannaId}/goal-ratings`, { goalKey, score: 11, occasion: 'evaluation' });
    expect(outside.json().error.fields).toEqual([{ field: 'score', message: 'Velg et tall fra 0 til 10.' }]);
    expect((await hanna.post(`/api/people/${hannaId}/goal-ratings`, { goalKey, score: 6, occasion: 'evaluation' })).statusCode).toBe(201);
    expect(await count('goal_rating')).toBe(before + 2);
    // The nurse sees the curve beside the goal; another unit's professional sees nothing of it.
    expect((await goalOf(kari)).ratings).toEqual([
      { score: 3, occasion: 'start', rater: 'family', ratedOn: today() },
      { score: 6, occasion: 'evaluation', rater: 'family', ratedOn: today() },
    ]);
    expect((await ingrid.get(`/api/people/${hannaId}/goal-ratings`)).statusCode).toBe(403);
    expect((await ingrid.post(`/api/people/${hannaId}/goal-ratings`, { goalKey, score: 1, occasion: 'evaluation', rater: 'family' })).statusCode).toBe(403);
    expect(await count('goal_rating')).toBe(before + 2);
  });

  it('refuses an answer outside the options or a missing item in the user\'s language, and stores nothing', async () => {
    const s = await screeningFor();
    const outside = await hanna.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 4), version: 1 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ field: 'answers.9.score', message: 'Svaret er ikke et av alternativene.' }]);
    const missing = await hannaNn.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(0, 0, 0), version: 1 });
    expect(missing.json().error.fields.map((f: { field: string; message: string }) => f.message)).toEqual(Array(7).fill('Svar på dette spørsmålet.'));
    const view = (await kari.get(`/api/questionnaire-responses/${s.id}`)).json();
    expect(view).toMatchObject({ status: 'sent', answers: null, result: null });
  });
});

describe('the evaluation and the pregnancy path', () => {
  it('asks the family for a new rating of the goals when a measure\'s evaluation is announced, once', async () => {
    const s = await screeningFor();
    await hanna.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(1, 1, 1, 1, 1, 1, 1, 1, 2, 0), version: 1 });
    const taken = await kari.post(`/api/questionnaire-responses/${s.id}/measure`, { goal: 'Hanna har noen å snakke med om kvelden', startsOn: today(), evaluateOn: daysFromToday(5) });
    expect(taken.statusCode, taken.body).toBe(201);
    const asked = () => t.database.db.selectFrom('notification').select(['link', 'params']).where('kind', '=', 'goal.ratingDue').where('dedupe_key', 'like', `goal.ratingDue:${taken.json().measureEntryKey}:%`).execute();
    expect(await asked()).toEqual([]);
    await sendCaseReminders(t.database.db, testClock.now());
    await sendCaseReminders(t.database.db, testClock.now());
    const notices = await asked();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.link).toBe(`/min-side/${hannaId}`);
    // Hanna reads it on Min side, in her language, and it leads her to the goals to rate.
    const mine = JSON.stringify((await hannaNn.get('/api/notifications')).json());
    expect(mine).toContain('Oppfølgingssamtaler med helsesykepleier');
    expect(mine).toContain('Vurder gjerne korleis det går med måla');
  });

  it('suggests the EPDS in the pregnancy guide, and the midwife starts it for the pregnant woman', async () => {
    const jordmor = await signedIn(t.app, 'jordmor');
    const status = (await jordmor.get(`/api/people/${hannaId}/case-status`)).json();
    expect(JSON.stringify(status)).toContain('Kartlegg humøret med EPDS');
    const started = await jordmor.post(`/api/people/${hannaId}/questionnaire-responses`, { instrumentKey: 'epds', mode: 'min_side' });
    expect(started.statusCode, started.body).toBe(201);
    const form = (await hanna.get(`/api/questionnaire-responses/${started.json().id}`)).json();
    expect(form).toMatchObject({ status: 'sent', requestedBy: await staffName(t.database.db, 'jordmor'), abilities: { answer: true } });
  });
});

describe('the suggested step follows the answerer\'s own path', () => {
  /** A mother of the test's own whose child was born `daysOld` days ago; Kari follows her under a consent naming health. */
  async function mother(daysOld: number, username: string) {
    const family = await registeredChildWithGuardian(t.database.db, kari, {
      givenName: 'Ola', familyName: `Testesen${daysOld}`, birthDate: daysFromToday(-daysOld), guardianGivenName: 'Mia', username,
    });
    const { principal } = (await kari.get('/api/auth/me')).json() as { principal: { username: string; serviceUnitId: string } };
    const staff = await t.database.db.selectFrom('staff_user').select('id').where('username', '=', principal.username).executeTakeFirstOrThrow();
    await t.database.db.insertInto('involvement').values({ person_id: family.guardianId, staff_user_id: staff.id, kind: 'collaborator' }).execute();
    const consent = await family.guardian.post(`/api/people/${family.guardianId}/consents/digital`, {
      purposes: ['collaboration'], categories: ['health'], recipientUnitIds: [principal.serviceUnitId], validTo: daysFromToday(300),
    });
    expect(consent.statusCode, consent.body).toBe(201);
    return family;
  }

  /** The step Kari is shown after the mother answers the EPDS with a total of 14. */
  async function stepShown(family: { guardianId: string; guardian: Client }) {
    const started = await kari.post(`/api/people/${family.guardianId}/questionnaire-responses`, { instrumentKey: 'epds', mode: 'min_side' });
    expect(started.statusCode, started.body).toBe(201);
    const answered = await family.guardian.post(`/api/questionnaire-responses/${started.json().id}/answers`, { answers: answers(2, 2, 2, 2, 1, 1, 1, 1, 2, 0), version: 1 });
    expect(answered.statusCode, answered.body).toBe(200);
    return (await kari.get(`/api/questionnaire-responses/${started.json().id}`)).json().result.threshold.guideStep;
  }

  it('a new mother is shown the pregnancy guide\'s step, a mother of a five-year-old the child guide\'s', async () => {
    expect(await stepShown(await mother(40, 'ny.mor'))).toEqual({ level: 2, stepKey: 'involve_pregnancy_services', title: 'Involver fastlege, psykisk helse og rus' });
    expect(await stepShown(await mother(5 * 365, 'mor.til.femaaring'))).toMatchObject({ level: 2, stepKey: 'involve_services' });
  });
});

describe('a screening in a conversation', () => {
  it('notifies the professional at once when the self-harm item is answered above 0', async () => {
    const s = await screeningFor('epds', 'conversation');
    // The person cannot answer what is filled in together with the professional.
    expect((await hanna.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), version: 1 })).statusCode).toBe(400);
    const answered = await kari.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), version: 1 });
    expect(answered.json().result).toMatchObject({ score: 1, threshold: null, alert: true, alertItems: ['10'], alertText: 'Svaret på spørsmål 10 (tanker om å skade seg selv) krever handling i dag.' });
    const alerts = await t.database.db.selectFrom('notification').select('kind').where('link', 'like', `%/kartlegging/${s.id}`).execute();
    expect(alerts.map((a) => a.kind)).toEqual(['screening.alert']);
  });

  it('refuses AUDIT on Min side: it is filled in with the professional', async () => {
    const before = await count('screening');
    const sent = await kari.post(`/api/people/${hannaId}/questionnaire-responses`, { instrumentKey: 'audit', mode: 'min_side' });
    expect(sent.json().error.fields).toEqual([{ field: 'mode', message: 'Dette skjemaet fylles ut i samtale, ikke på Min side.' }]);
    expect(await count('screening')).toBe(before);
  });
});

describe('access follows the person who answered', () => {
  it('refuses another unit\'s professional, another citizen, a youth and the anonymous, audits the refusals and changes nothing', async () => {
    const s = await screeningFor();
    const before = await count('screening');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await ingrid.post(`/api/people/${hannaId}/questionnaire-responses`, { instrumentKey: 'epds', mode: 'min_side' })).statusCode).toBe(403);
    const other = await ingrid.get(`/api/questionnaire-responses/${s.id}`);
    const none = await ingrid.get(`/api/questionnaire-responses/${unknown}`);
    expect([other.statusCode, none.statusCode]).toEqual([403, 403]);
    expect(other.json()).toEqual(none.json());
    for (const citizen of [sofie, sander]) {
      expect((await citizen.get(`/api/questionnaire-responses/${s.id}`)).statusCode).toBe(403);
      expect((await citizen.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), version: 1 })).statusCode).toBe(403);
      expect((await citizen.get(`/api/people/${hannaId}/questionnaire-responses`)).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/questionnaire-responses/${s.id}` });
    expect(anonymous.statusCode).toBe(401);
    expect(await count('screening')).toBe(before);
    expect((await kari.get(`/api/questionnaire-responses/${s.id}`)).json().status).toBe('sent');
    const refused = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', s.id).where('outcome', '=', 'denied').execute();
    expect(refused.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a professional whose consent does not name health, even when involved', async () => {
    const db = t.database.db;
    await db.updateTable('consent').set({ categories: ['family_situation'] }).where('subject_id', '=', hannaId).execute();
    try {
      const refused = await kari.post(`/api/people/${hannaId}/questionnaire-responses`, { instrumentKey: 'epds', mode: 'conversation' });
      expect(refused.statusCode).toBe(403);
      const reason = await db.selectFrom('audit_event').select('reason').where('action', '=', 'screening.create').where('outcome', '=', 'denied').orderBy('occurred_at', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(reason.reason).toBe('category_not_covered');
    } finally {
      await db.updateTable('consent').set({ categories: ['health', 'family_situation'] }).where('subject_id', '=', hannaId).execute();
    }
  });

  it('shows the nurse\'s reading in the mother\'s own access log', async () => {
    const s = await screeningFor();
    await kari.get(`/api/questionnaire-responses/${s.id}`);
    const log = (await hanna.get(`/api/people/${hannaId}/access-log`)).json().events as { text: string }[];
    expect(log.map((e) => e.text), JSON.stringify(log.slice(0, 3))).toContainEqual(expect.stringContaining('leste en kartlegging'));
  });

  it('answers a replayed start with the first screening', async () => {
    const before = await count('screening');
    const send = () => kari.app.inject({ method: 'POST', url: `/api/people/${hannaId}/questionnaire-responses`, payload: { instrumentKey: 'epds', mode: 'conversation' }, cookies: kari.cookies, headers: { 'x-csrf-token': kari.csrfToken ?? '', 'idempotency-key': 'screening-once' } });
    const first = await send();
    const second = await send();
    expect(second.json().id).toBe(first.json().id);
    expect(await count('screening')).toBe(before + 1);
  });
});

describe('the municipality\'s own instrument', () => {
  const L = (text: string) => ({ nb: text, nn: text, en: text });
  const definition = (thresholds: { from: number; to: number }[]): Definition => ({
    resourceType: 'Questionnaire', title: L('Trivsel'), answeredBy: 'professional_with_person', source: L('Fjordvik kommune'), licence: L('Kommunens eget'),
    item: ['a', 'b'].map((linkId) => ({ linkId, text: L(`Spørsmål ${linkId}`), required: true, answerOption: [{ score: 0, display: L('Nei') }, { score: 2, display: L('Ja') }] })),
    scoring: { rule: 'sum', subscales: [] },
    thresholds: thresholds.map((r, i) => ({ key: `t${i}`, ...r, text: L(`Grense ${i}`), measure: L('Samtale'), guideStep: null })),
  });

  it('refuses overlapping thresholds and thresholds beyond the highest total, and stores nothing', async () => {
    const before = await count('questionnaire_version');
    const overlap = await admin.post('/api/questionnaires', { key: 'trivsel_feil', definition: definition([{ from: 1, to: 2 }, { from: 2, to: 4 }]), basedOnVersion: 0 });
    expect(overlap.json().error.fields).toEqual([{ field: 'definition.thresholds.1.from', message: 'Grensene overlapper: en sum kan bare høre til én grense.' }]);
    const beyond = await admin.post('/api/questionnaires', { key: 'trivsel_feil', definition: definition([{ from: 2, to: 5 }]), basedOnVersion: 0 });
    expect(beyond.json().error.fields).toEqual([{ field: 'definition.thresholds.0.to', message: 'Grensen går over høyeste mulige sum, 4 poeng.' }]);
    expect((await kari.post('/api/questionnaires', { key: 'trivsel_feil', definition: definition([]), basedOnVersion: 0 })).statusCode).toBe(403);
    expect(await count('questionnaire_version')).toBe(before);
  });

  it('refuses a threshold step the published guide does not have for its path, and takes the pregnancy guide\'s own', async () => {
    const before = await count('questionnaire_version');
    const withSteps = (guideStep: { level: number; stepKey: string } | null, pregnancyGuideStep: { level: number; stepKey: string } | null) => {
      const d = definition([{ from: 2, to: 4 }]);
      return { ...d, thresholds: d.thresholds.map((t) => ({ ...t, guideStep, pregnancyGuideStep })) };
    };
    // The pregnancy guide's step offered as the child's, and a step no guide has.
    const wrong = await admin.post('/api/questionnaires', { key: 'trivsel_steg', definition: withSteps({ level: 2, stepKey: 'involve_pregnancy_services' }, { level: 1, stepKey: 'finnes_ikke' }), basedOnVersion: 0 });
    expect(wrong.json().error.fields).toEqual([
      { field: 'definition.thresholds.0.guideStep', message: 'Steget finnes ikke i den publiserte handlingsveilederen for denne gruppen.' },
      { field: 'definition.thresholds.0.pregnancyGuideStep', message: 'Steget finnes ikke i den publiserte handlingsveilederen for denne gruppen.' },
    ]);
    expect(await count('questionnaire_version')).toBe(before);
    const right = await admin.post('/api/questionnaires', { key: `trivsel_steg_${Math.floor(Math.random() * 1e6)}`, definition: withSteps({ level: 2, stepKey: 'involve_services' }, { level: 2, stepKey: 'involve_pregnancy_services' }), basedOnVersion: 0 });
    expect(right.statusCode, right.body).toBe(201);
  });

  it('keeps its versions: a new one retires the one before, and a screening under a retired version cannot be answered', async () => {
    const key = `trivsel_${Math.floor(Math.random() * 1e6)}`;
    expect((await admin.post('/api/questionnaires', { key, definition: definition([{ from: 2, to: 4 }]), basedOnVersion: 0 })).json()).toEqual({ key, version: 1 });
    const s = await screeningFor(key, 'conversation');
    expect((await admin.post('/api/questionnaires', { key, definition: definition([{ from: 3, to: 4 }]), basedOnVersion: 0 })).statusCode).toBe(409);
    expect((await admin.post('/api/questionnaires', { key, definition: definition([{ from: 3, to: 4 }]), basedOnVersion: 1 })).json()).toEqual({ key, version: 2 });
    const versions = (await kari.get(`/api/questionnaires/${key}/versions`)).json().versions as { version: number; retired: boolean }[];
    expect(versions.map((v) => [v.version, v.retired])).toEqual([[2, false], [1, true]]);
    const retired = await kari.post(`/api/questionnaire-responses/${s.id}/answers`, { answers: [{ linkId: 'a', score: 2 }, { linkId: 'b', score: 0 }], version: 1 });
    expect(retired.json().error.fields).toEqual([{ field: 'instrumentVersion', message: 'Denne versjonen av skjemaet er tatt ut av bruk. Start en ny kartlegging.' }]);
    expect((await kari.get(`/api/questionnaire-responses/${s.id}`)).json()).toMatchObject({ status: 'sent', instrumentVersion: 1 });
    // A new screening takes the current version.
    const fresh = await screeningFor(key, 'conversation');
    expect((await kari.get(`/api/questionnaire-responses/${fresh.id}`)).json().instrumentVersion).toBe(2);
  });
});
