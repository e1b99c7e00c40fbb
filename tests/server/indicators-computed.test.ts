// Every computed indicator on a small municipality of its own whose figures are worked out by hand
// below: two teams, a school, a kindergarten and PPT, six children. The definitions are called as
// the refresh job calls them, so what is asserted is what the annual report will read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app.ts';
import { COMPUTED, type FigureRow } from '../../server/modules/indicators/definitions.ts';

let t: TestApp;
let m: string;
const id: Record<string, string> = {};
const TODAY = '2024-12-31';

const at = (iso: string) => new Date(iso);
/** The rows of one definition as `year scope numerator/denominator`, in a stable order. */
async function figures(key: string): Promise<string[]> {
  const rows: FigureRow[] = await COMPUTED[key]!.compute(t.database.db, m, TODAY);
  const name = (r: FigureRow) => (r.scopeKind === 'municipality' ? 'all' : Object.entries(id).find(([, v]) => v === r.scopeKey)?.[0] ?? r.scopeKey);
  return rows.map((r) => `${r.year} ${name(r)} ${Math.round(r.numerator * 1000) / 1000}/${r.denominator}`).sort();
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  const db = t.database.db;
  m = (await db.insertInto('municipality').values({ code: '9999', name: 'Prøvekommune' }).returning('id').executeTakeFirstOrThrow()).id;
  const unit = async (key: string, type: string) => (id[key] = (await db.insertInto('service_unit').values({ municipality_id: m, type_code: type, name: `${key} ${m.slice(0, 4)}` }).returning('id').executeTakeFirstOrThrow()).id);
  await unit('school', 'school_primary');
  await unit('kindergarten', 'kindergarten');
  await unit('ppt', 'ppt');
  const staff = async (key: string, unitKey: string | null) => (id[key] = (await db.insertInto('staff_user').values({
    municipality_id: m, username: `ind-${key.toLowerCase()}-${m.slice(0, 8)}`, display_name: key, email: `${key}@example.invalid`, service_unit_id: unitKey ? id[unitKey]! : null,
  }).returning('id').executeTakeFirstOrThrow()).id);
  await staff('teacher', 'school');
  await staff('kgTeacher', 'kindergarten');
  await staff('psychologist', 'ppt');
  await staff('leader', null);
  const team = async (key: string) => (id[key] = (await db.insertInto('team').values({ municipality_id: m, name: `${key} ${m}`, kind: 'early_intervention', age_from_months: 0, age_to_months: 200, leader_staff_user_id: id.leader! }).returning('id').executeTakeFirstOrThrow()).id);
  await team('teamA');
  await team('teamB');
  const person = async (key: string, birth: string, kind: 'child' | 'adult' = 'child') => (id[key] = (await db.insertInto('person').values({ municipality_id: m, given_name: key, family_name: 'Prøve', birth_date: birth, kind }).returning('id').executeTakeFirstOrThrow()).id);
  for (const [k, b] of [['c1', '2015-03-01'], ['c2', '2016-09-01'], ['c3', '2017-01-15'], ['c4', '2012-05-05'], ['c5', '2014-02-02'], ['c6', '2018-08-08']] as const) await person(k, b);
  await person('g1', '1985-01-01', 'adult');

  const referral = async (key: string, teamKey: string, child: string | null, by: string, status: 'accepted' | 'waiting' | 'redirected', received: string) =>
    (id[key] = (await db.insertInto('referral').values({
      team_id: id[teamKey]!, person_id: child ? id[child]! : null, source: 'professional', referred_by_staff_id: id[by]!, reason: 'Prøve',
      basis: child ? 'consent' : 'anonymous', status, received_at: at(received), ...(child ? {} : { age_years: 8 }),
    }).returning('id').executeTakeFirstOrThrow()).id);
  // Team cases: 2024 A: c1, c2, c3; B: c4; 2023 A: c5. Not cases: waiting c6, anonymous, redirected.
  await referral('r1', 'teamA', 'c1', 'teacher', 'accepted', '2024-03-10T10:00:00Z');
  await referral('r2', 'teamA', 'c2', 'teacher', 'accepted', '2024-03-11T10:00:00Z');
  await referral('r3', 'teamA', 'c3', 'kgTeacher', 'accepted', '2024-03-12T10:00:00Z');
  await referral('r4', 'teamB', 'c4', 'psychologist', 'accepted', '2024-03-13T10:00:00Z');
  await referral('r5', 'teamA', 'c5', 'teacher', 'accepted', '2023-11-01T10:00:00Z');
  await referral('r6', 'teamA', 'c6', 'teacher', 'waiting', '2024-04-01T10:00:00Z');
  await referral('r7', 'teamB', null, 'kgTeacher', 'accepted', '2024-04-02T10:00:00Z');
  await referral('r8', 'teamB', 'c6', 'teacher', 'redirected', '2024-04-03T10:00:00Z');
  // 22:30 UTC on 31 December is 23:30 in Oslo: a 2023 case, though UTC's date would say the same.
  await referral('r9', 'teamB', 'c5', 'teacher', 'accepted', '2023-12-31T22:30:00Z');

  const meeting = async (key: string, teamKey: string, referralKey: string, child: string, starts: string, status: 'closed' | 'scheduled') =>
    (id[key] = (await db.insertInto('team_meeting').values({
      team_id: id[teamKey]!, kind: 'case', referral_id: id[referralKey]!, person_id: id[child]!, starts_at: at(starts), ends_at: new Date(at(starts).getTime() + 3_600_000),
      place: 'Skolen', chair_staff_id: id.leader!, created_by: id.leader!, status, ...(status === 'closed' ? { closed_at: at(starts), closed_by: id.leader! } : {}),
    }).returning('id').executeTakeFirstOrThrow()).id);
  await meeting('m1', 'teamA', 'r1', 'c1', '2024-04-01T08:00:00Z', 'closed');
  await meeting('m2', 'teamA', 'r1', 'c1', '2024-05-01T08:00:00Z', 'closed');
  await meeting('m3', 'teamA', 'r2', 'c2', '2024-04-02T08:00:00Z', 'closed');
  await meeting('m4', 'teamA', 'r3', 'c3', '2024-04-03T08:00:00Z', 'scheduled');
  await meeting('m5', 'teamB', 'r4', 'c4', '2024-06-01T08:00:00Z', 'closed');
  const attend = (meetingKey: string, personKey: string, role: 'guardian' | 'youth', attendance: 'present' | 'absent' | 'apologies') =>
    ({ meeting_id: id[meetingKey]!, person_id: id[personKey]!, role, attendance });
  await db.insertInto('meeting_participant').values([
    attend('m1', 'g1', 'guardian', 'present'), attend('m2', 'g1', 'guardian', 'absent'), attend('m3', 'g1', 'guardian', 'apologies'),
    attend('m4', 'g1', 'guardian', 'present'), attend('m5', 'c4', 'youth', 'present'),
  ]).execute();
  await db.insertInto('meeting_rating').values([
    { meeting_id: id.m1!, person_id: id.g1!, felt_heard: 5, useful: 5, rated_at: at('2024-04-02T10:00:00Z') },
    { meeting_id: id.m3!, person_id: id.g1!, felt_heard: 4, useful: 4, rated_at: at('2024-04-03T10:00:00Z') },
    { meeting_id: id.m5!, person_id: id.c4!, felt_heard: 3, useful: 3, rated_at: at('2024-06-02T10:00:00Z') },
  ]).execute();
  const item = (meetingKey: string, position: number, due: string, status: 'open' | 'done', done?: string) =>
    ({ meeting_id: id[meetingKey]!, position, what: 'Tiltak', owner_staff_id: id.teacher!, due_on: due, status, done_on: done ?? null });
  await db.insertInto('action_item').values([
    item('m1', 1, '2024-05-01', 'done', '2024-04-30'), item('m1', 2, '2024-05-01', 'done', '2024-05-03'), item('m1', 3, '2024-06-01', 'open'),
    item('m5', 1, '2025-03-01', 'open'), item('m5', 2, '2024-07-01', 'done', '2024-07-01'),
  ]).execute();

  // Worries and the first measure after each.
  const helpCase = async (child: string) => (await db.insertInto('help_case').values({ municipality_id: m, person_id: id[child]!, level: 1, relay_holder_id: id.teacher!, opened_by: id.teacher! }).returning('id').executeTakeFirstOrThrow()).id;
  const entry = (caseId: string, kind: 'measure' | 'goal', written: string) => ({
    case_id: caseId, entry_key: randomUUID(), version: 1, kind, category: 'development' as const, title: 'Tiltak', author_staff_id: id.teacher!, written_at: at(written),
    ...(kind === 'measure' ? { responsible_staff_id: id.teacher!, starts_on: written.slice(0, 10), evaluate_on: '2024-12-01' } : {}),
  });
  const h1 = await helpCase('c1');
  const h2 = await helpCase('c2');
  await db.insertInto('relay_log_entry').values([
    entry(h1, 'goal', '2024-02-05T10:00:00Z'), entry(h1, 'measure', '2024-02-11T10:00:00Z'), entry(h1, 'measure', '2024-03-01T10:00:00Z'), entry(h2, 'measure', '2024-03-21T10:00:00Z'),
  ]).execute();
  const worry = (child: string, noticed: string) => ({ municipality_id: m, person_id: id[child]!, subject_kind: 'child' as const, categories: ['development'], description: 'Uro', noticed_by: id.teacher!, noticed_on: noticed, linked_at: at(`${noticed}T12:00:00Z`) });
  await db.insertInto('worry').values([worry('c1', '2024-02-01'), worry('c2', '2024-03-01'), worry('c3', '2024-05-01')]).execute();

  // PPT's first involvement: c1 at 9 years, c2 at 8; c1's second involvement does not count.
  await db.insertInto('involvement').values([
    { person_id: id.c1!, staff_user_id: id.psychologist!, kind: 'meeting_participant', started_at: at('2024-03-01T10:00:00Z') },
    { person_id: id.c1!, staff_user_id: id.psychologist!, kind: 'measure_responsible', started_at: at('2024-10-01T10:00:00Z') },
    { person_id: id.c2!, staff_user_id: id.psychologist!, kind: 'meeting_participant', started_at: at('2024-09-01T10:00:00Z') },
    { person_id: id.c3!, staff_user_id: id.teacher!, kind: 'registrant', started_at: at('2024-09-01T10:00:00Z') },
  ]).execute();

  // Absence at the school: the latest period of each pupil in the year decides.
  const imp = (await db.insertInto('absence_import').values({ service_unit_id: id.school!, imported_by: id.teacher!, row_count: 6 }).returning('id').executeTakeFirstOrThrow()).id;
  const absence = (child: string, from: string, to: string, percent: number, progress: 'good' | 'weak', line: number) =>
    ({ import_id: imp, service_unit_id: id.school!, person_id: id[child]!, period_from: from, period_to: to, absence_percent: percent, progress, contact_teacher_id: id.teacher!, line });
  await db.insertInto('absence_record').values([
    absence('c1', '2024-01-01', '2024-03-31', 5, 'good', 2), absence('c1', '2024-01-01', '2024-06-30', 15, 'weak', 3),
    absence('c2', '2024-01-01', '2024-06-30', 12, 'good', 4),
    absence('c3', '2024-01-01', '2024-03-31', 20, 'weak', 5), absence('c3', '2024-01-01', '2024-06-30', 8, 'weak', 6),
  ]).execute();

  // Individual plans: requests, decisions and evaluations (plans/counts.ts defines them).
  const request = async (key: string, child: string, requested: string, decided?: { at: string; decision: 'granted' | 'refused' }) =>
    (id[key] = (await db.insertInto('plan_request').values({
      municipality_id: m, person_id: id[child]!, kind: 'plan_and_coordinator', reason: 'Prøve', requested_by_staff_id: id.teacher!, requested_at: at(requested),
      ...(decided ? { decision: decided.decision, decided_at: at(decided.at), decided_by: id.leader!, decision_reason: 'Prøve' } : {}),
    }).returning('id').executeTakeFirstOrThrow()).id);
  await request('pr1', 'c1', '2023-05-02T10:00:00Z', { at: '2023-05-12T10:00:00Z', decision: 'granted' });
  await request('pr2', 'c2', '2023-12-20T10:00:00Z', { at: '2024-01-09T10:00:00Z', decision: 'refused' });
  await request('pr3', 'c3', '2024-02-01T10:00:00Z', { at: '2024-02-05T10:00:00Z', decision: 'granted' });
  await request('pr4', 'c4', '2024-11-01T10:00:00Z');
  // 23:30 UTC on 31 December 2023 is New Year's Day in Oslo: a 2024 request.
  await request('pr5', 'c5', '2023-12-31T23:30:00Z');
  const plan = (await db.insertInto('individual_plan').values({ municipality_id: m, person_id: id.c1!, case_id: h1, request_id: id.pr1!, created_by: id.leader!, created_at: at('2023-06-01T10:00:00Z') }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('plan_evaluation').values([
    { plan_id: plan, due_on: '2023-09-01', done_on: '2023-09-01' },
    { plan_id: plan, due_on: '2024-03-01', done_on: '2024-02-28' },
    { plan_id: plan, due_on: '2024-06-01', done_on: '2024-06-10' },
    { plan_id: plan, due_on: '2024-09-01', done_on: null },
    { plan_id: plan, due_on: TODAY, done_on: null },
  ]).execute();

  // The collaboration survey: a 2024 round of 13 (school 6, kindergarten 5, PPT 2: PPT is too few,
  // and the kindergarten is hidden with it) and a 2023 round of 3, too few to show at all.
  const round = async (opens: string, closes: string) => (await db.insertInto('survey_round').values({
    municipality_id: m, instrument_key: 'collaboration', instrument_version: 1, title: 'Runde', opens_on: opens, closes_on: closes, created_by: id.leader!, created_at: at(`${opens}T08:00:00Z`),
  }).returning('id').executeTakeFirstOrThrow()).id;
  const s1 = await round('2024-06-01', '2024-06-30');
  const s2 = await round('2023-11-01', '2023-11-30');
  await db.insertInto('survey_respondents').values([
    { round_id: s1, service_type: 'school_primary', respondents: 6 }, { round_id: s1, service_type: 'kindergarten', respondents: 5 },
    { round_id: s1, service_type: 'ppt', respondents: 2 }, { round_id: s2, service_type: 'kindergarten', respondents: 3 },
  ]).execute();
  const tally = (roundId: string, serviceType: string, linkId: string, answer: number, answers: number) => ({ round_id: roundId, service_type: serviceType, link_id: linkId, answer, answers });
  await db.insertInto('survey_tally').values([
    tally(s1, 'school_primary', 'know', 5, 3), tally(s1, 'school_primary', 'know', 4, 2), tally(s1, 'school_primary', 'know', 2, 1), tally(s1, 'school_primary', 'reach', 3, 6),
    tally(s1, 'kindergarten', 'know', 4, 5), tally(s1, 'kindergarten', 'reach', 1, 5),
    tally(s1, 'ppt', 'know', 5, 2), tally(s1, 'ppt', 'reach', 5, 2),
    tally(s2, 'kindergarten', 'know', 5, 3), tally(s2, 'kindergarten', 'reach', 5, 3),
  ]).execute();

  await db.insertInto('child_welfare_consultation').values([
    { municipality_id: m, asked_by: id.teacher!, asker_unit_id: id.school!, age_years: 9, situation: 'Prøve', created_at: at('2024-02-01T10:00:00Z') },
    { municipality_id: m, asked_by: id.teacher!, asker_unit_id: id.school!, age_years: 10, situation: 'Prøve', created_at: at('2024-03-01T10:00:00Z') },
    { municipality_id: m, asked_by: id.psychologist!, asker_unit_id: id.ppt!, age_years: 7, situation: 'Prøve', created_at: at('2024-04-01T10:00:00Z') },
  ]).execute();
});
afterAll(async () => {
  await t?.close();
});

describe('computed indicators on a known municipality', () => {
  it('counts cases in early-intervention teams per year, for the municipality and per team', async () => {
    // 2024: A has c1, c2, c3 and B c4; 2023: c5 in A, and c5 in B at 23:30 on New Year's Eve in Oslo.
    expect(await figures('team_cases')).toEqual(['2023 all 2/2', '2023 teamA 1/1', '2023 teamB 1/1', '2024 all 4/4', '2024 teamA 3/3', '2024 teamB 1/1']);
  });

  it('counts the share of team cases where a guardian or the youth was actually present', async () => {
    // r1: present at m1 (absent at m2) → yes; r2: apologies → no; r3: its meeting not held; r4: the youth came.
    expect(await figures('family_present_share')).toEqual(['2024 all 2/3', '2024 teamA 1/2', '2024 teamB 1/1']);
  });

  it('counts the share of ratings saying the help was useful (4 or 5 of 5)', async () => {
    expect(await figures('good_help_share')).toEqual(['2024 all 2/3', '2024 teamA 2/2', '2024 teamB 0/1']);
  });

  it('averages the days from a worry to the first measure after it', async () => {
    // c1: 1 Feb → 11 Feb (the goal on 5 Feb is no measure) = 10; c2: 1 → 21 Mar = 20; c3 has none yet.
    expect(await figures('days_worry_to_measure')).toEqual(['2024 all 30/2']);
  });

  it('counts action items done on time among those done or past their deadline', async () => {
    // A: on time, late, open past due; B: on time (the one due in 2025 is not yet measured).
    expect(await figures('action_items_on_time_share')).toEqual(['2024 all 2/4', '2024 teamA 1/3', '2024 teamB 1/1']);
  });

  it('counts pupils whose latest period shows high absence with weak progress, per school', async () => {
    // c1: latest 15 % weak → yes; c2: good progress; c3: latest 8 %, though an earlier period was 20 %.
    expect(await figures('high_absence_weak_progress')).toEqual(['2024 all 1/1', '2024 school 1/1']);
  });

  it('counts referrals from each kindergarten and school', async () => {
    // 2024 school: r1, r2, r6 (waiting counts, redirected r8 does not); kindergarten: r3 and the
    // anonymous r7; PPT's r4 is neither. 2023: r5 and r9 from the school.
    expect(await figures('referring_units')).toEqual(['2023 all 2/2', '2023 school 2/2', '2024 all 5/5', '2024 kindergarten 2/2', '2024 school 3/3']);
  });

  it('averages the age at the first involvement of PPT, and finds none for the mental-health team', async () => {
    // c1: 9 years to the day (3288 days / 365.25 = 9.002); c2: 8 years (2922 / 365.25 = 8.000).
    expect(await figures('first_age_ppt')).toEqual(['2024 all 17.002/2']);
    expect(await figures('first_age_mental_health')).toEqual([]);
  });

  it('counts consultations with child welfare by the asker\'s service type', async () => {
    expect(await figures('cw_consultations')).toEqual(['2024 all 3/3', '2024 ppt 1/1', '2024 school_primary 2/2']);
  });

  it('counts requests for an individual plan by the day they came in Oslo', async () => {
    // 2023: pr1, pr2; 2024: pr3, pr4 and pr5 (New Year's Day in Oslo).
    expect(await figures('plan_requests')).toEqual(['2023 all 2/2', '2024 all 3/3']);
  });

  it('sums the days from a request for an individual plan to its decision, by the decision\'s year', async () => {
    // 2023: pr1 10 days; 2024: pr2 20 days (decided in January) and pr3 4 days; pr4 and pr5 wait still.
    expect(await figures('plan_days_to_decision')).toEqual(['2023 all 10/1', '2024 all 24/2']);
  });

  it('counts plan evaluations held on time among those due until yesterday', async () => {
    // 2023: on the day; 2024: early (on time), late, not held; the one due today can still be held.
    expect(await figures('plan_evaluations_on_time_share')).toEqual(['2023 all 1/1', '2024 all 1/3']);
  });

  it('counts the collaboration survey\'s answers that agree, only where the group was large enough to show', async () => {
    // All 2024 answers of 4 or 5: school 5 of 12, kindergarten 5 of 10, PPT 4 of 4 = 14 of 26; only
    // the school is shown by service type; the 2023 round of 3 is not counted at all.
    expect(await figures('collaboration_agree_share')).toEqual(['2024 all 14/26', '2024 school_primary 5/12']);
  });

  it('counts no report to child welfare where none was sent', async () => {
    expect(await figures('cw_reports')).toEqual([]);
  });
});
