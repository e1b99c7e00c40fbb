// Years of past team work in the demo, so that the first annual report (the outcome track, issue 15)
// shows real trends: referrals the early-intervention teams accepted, their held meetings with the
// attendance recorded, the families' ratings and the action plans, spread over the years before the
// reference date, and the indicator register the SBU coordinator would have set up, with an
// Ungdata figure per year. Written set-based (INSERT ... SELECT over the generated children), each
// choice from md5 of the child's id, so the same demo gives the same history. The work grows a
// little better year by year (more cases, more families present, better ratings, more on time),
// as a municipality that works with its measures would hope.
//
// It only touches generated children (never the fixed demo people of the stories), and all of it
// is closed and in the past: no intake, task list or notice of today changes.
import { sql } from 'kysely';
import type { Tx } from '../infra/db/database.ts';

export interface DemoActivityInput {
  municipalityId: string;
  referenceDate: string;
  /** Full calendar years before the reference date's own (which has the work up to 45 days before it). */
  years: number;
  /** People the stories and fixed demo log-ins use: left alone. */
  excludedPersonIds: string[];
  /** The SBU coordinator, who keeps the register. */
  registrarId: string;
}

export async function writeDemoActivity(trx: Tx, input: DemoActivityInput): Promise<void> {
  if (input.years <= 0) return;
  const { municipalityId: m, referenceDate: ref, years } = input;
  const excluded = ['00000000-0000-0000-0000-000000000000', ...input.excludedPersonIds].map((id) => sql`${id}::uuid`);
  const registered = new Date(`${ref}T08:00:00.000Z`);
  const refYear = Number(ref.slice(0, 4));
  // y = 0 is the reference date's own year, y = years the oldest full year; `better` grows from 0
  // (the oldest) to `years`. A child's choices hash its name and birth date, which the seed fixes.
  await sql`CREATE TEMP TABLE demo_referral ON COMMIT DROP AS
    SELECT DISTINCT ON (k.id, k.y) md5('demo-referral:' || k.id || ':' || k.y)::uuid AS id, k.id AS person_id, k.y, k.h, k.better, k.received_at,
           t.id AS team_id, t.leader_staff_user_id AS leader, coalesce(t.meeting_place, 'Møterommet') AS place, g.guardian_id
      FROM (SELECT x.*, make_date(${refYear} - x.y, 1, 1) + ((x.h / 100) % 365)::integer + interval '9 hours' AS received_at
              FROM (SELECT p.id, p.birth_date, p.area, y, ${years} - y AS better,
                           ('x' || substr(md5(p.given_name || p.family_name || p.birth_date || ':' || y), 1, 7))::bit(28)::integer::bigint AS h
                      FROM person p, generate_series(0, ${years}) AS y
                     WHERE p.municipality_id = ${m} AND p.kind = 'child' AND p.id NOT IN (${sql.join(excluded)})) x) k
      JOIN team t ON t.municipality_id = ${m} AND t.kind = 'early_intervention' AND t.active AND t.leader_staff_user_id IS NOT NULL
       AND (t.area IS NULL OR t.area = k.area)
       AND extract(year FROM age(k.received_at::date, k.birth_date)) * 12 + extract(month FROM age(k.received_at::date, k.birth_date)) BETWEEN t.age_from_months AND t.age_to_months
      JOIN guardianship g ON g.child_id = k.id AND g.parental_responsibility
     WHERE k.birth_date < k.received_at::date AND k.received_at < ${ref}::date - 45 AND k.h % 100 < 10 + 4 * k.better
     ORDER BY k.id, k.y, (t.area IS NULL), t.id, g.guardian_id`.execute(trx);
  await sql`INSERT INTO referral (id, team_id, person_id, source, referred_by_staff_id, reason, basis, status, received_at, answered_at, answered_by, answer_note)
    SELECT id, team_id, person_id, 'professional', leader, 'Drøfting med foreldrene om trivsel og læring.', 'consent', 'accepted',
           received_at, received_at + interval '5 days', leader, 'Tas opp på neste møte.' FROM demo_referral`.execute(trx);
  await sql`CREATE TEMP TABLE demo_meeting ON COMMIT DROP AS
    SELECT md5('demo-meeting:' || r.id || ':' || n)::uuid AS id, r.id AS referral_id, r.person_id, r.team_id, r.leader, r.guardian_id, r.place, r.better, (r.h + n)::bigint AS h, n,
           date_trunc('day', r.received_at) + interval '14 days' * n + interval '12 hours' AS starts_at
      FROM demo_referral r, generate_series(1, 1 + r.h % 3) AS n`.execute(trx);
  await sql`INSERT INTO team_meeting (id, team_id, kind, referral_id, person_id, starts_at, ends_at, place, chair_staff_id, topic, category,
      status, background, child_view, family_view, assessments, decisions, closed_at, closed_by, created_by, created_at)
    SELECT id, team_id, 'case', referral_id, person_id, starts_at, starts_at + interval '1 hour', place, leader, 'Drøfting med foreldrene', 'development',
           'closed', 'Bekymring for trivsel og læring; tiltak i gang.', 'Vil gjerne ha det bedre.', 'Foreldrene opplever bedring hjemme.',
           'Behov for tett oppfølging i en periode.', 'Tiltakene videreføres og evalueres om seks uker.', starts_at + interval '2 hours', leader,
           leader, starts_at - interval '7 days' FROM demo_meeting`.execute(trx);
  // The guardian came to most meetings, a little more often each year; otherwise sent apologies or stayed away.
  await sql`INSERT INTO meeting_participant (meeting_id, staff_user_id, person_id, role, invited_at, copy_sent_at, attendance)
    SELECT id, leader, NULL::uuid, 'chair', starts_at - interval '7 days', starts_at + interval '2 hours', 'present' FROM demo_meeting
    UNION ALL
    SELECT id, NULL::uuid, guardian_id, 'guardian', starts_at - interval '7 days', starts_at + interval '2 hours',
           CASE WHEN (h * 7) % 100 < 60 + 10 * better THEN 'present' WHEN h % 2 = 0 THEN 'apologies' ELSE 'absent' END FROM demo_meeting`.execute(trx);
  await sql`INSERT INTO meeting_rating (meeting_id, person_id, felt_heard, useful, rated_at)
    SELECT id, guardian_id, 3 + h % 3, CASE WHEN (h * 13) % 100 < 50 + 12 * better THEN 4 + h % 2 ELSE 2 + h % 2 END, starts_at + interval '1 day'
      FROM demo_meeting WHERE (h * 3) % 10 < 6`.execute(trx);
  await sql`INSERT INTO action_item (meeting_id, position, what, owner_staff_id, due_on, status, done_on)
    SELECT id, p, CASE p WHEN 1 THEN 'Ukentlig samtale med eleven' ELSE 'Kartlegging hos PP-tjenesten' END, leader,
           (starts_at + interval '30 days')::date, 'done',
           CASE WHEN ((h + p) * 11) % 100 < 55 + 10 * better THEN (starts_at + interval '28 days')::date ELSE (starts_at + interval '37 days')::date END
      FROM demo_meeting, generate_series(1, 2) AS p`.execute(trx);

  // The register: what the SBU coordinator follows, with the baseline (0-punkt) the oldest year.
  // The baseline (0-punkt) was counted by hand the year before the work in Sammen began.
  const baselineYear = refYear - years - 1;
  const indicators = [
    { code: 'tidlig-innsats-saker', key: 'team_cases', unit: 'count', baseline: 20, lastYear: 40, target: 60,
      nb: ['Saker i tidlig innsatsteam', 'Saker teamene tok imot i året.'], nn: ['Saker i tidleg innsatsteam', 'Saker teama tok imot i året.'], en: ['Cases in early-intervention teams', 'Cases the teams accepted in the year.'] },
    { code: 'foresatte-til-stede', key: 'family_present_share', unit: 'share', baseline: 60, lastYear: 80, target: 85,
      nb: ['Foresatte eller den unge til stede', 'Andel saker der foresatte eller den unge var til stede på et møte.'], nn: ['Føresette eller den unge til stades', 'Del saker der føresette eller den unge var til stades på eit møte.'], en: ['Guardian or youth present', 'Share of cases where a guardian or the youth was present at a meeting.'] },
    { code: 'god-hjelp', key: 'good_help_share', unit: 'share', baseline: 50, lastYear: 70, target: 75,
      nb: ['Familier som fikk god hjelp', 'Andel svar fra familiene som sier hjelpen var nyttig (4 eller 5 av 5).'], nn: ['Familiar som fekk god hjelp', 'Del svar frå familiane som seier hjelpa var nyttig (4 eller 5 av 5).'], en: ['Families who got good help', 'Share of the families\' answers saying the help was useful (4 or 5 of 5).'] },
    { code: 'tiltak-i-tide', key: 'action_items_on_time_share', unit: 'share', baseline: 55, lastYear: 70, target: 80,
      nb: ['Tiltak gjort innen fristen', 'Andel tiltak i handlingsplanene som ble gjort innen fristen.'], nn: ['Tiltak gjorde innan fristen', 'Del tiltak i handlingsplanane som vart gjorde innan fristen.'], en: ['Measures done on time', 'Share of the action plans\' measures done by their deadline.'] },
  ] as const;
  const rows = await trx.insertInto('indicator').values([
    ...indicators.map((i) => ({
      municipality_id: m, source: 'computed' as const, computed_key: i.key, code: i.code, unit: i.unit, direction: 'higher_is_better' as const,
      name_nb: i.nb[0], name_nn: i.nn[0], name_en: i.en[0], definition_nb: i.nb[1], definition_nn: i.nn[1], definition_en: i.en[1],
      baseline_year: baselineYear, baseline_value: i.baseline, updated_by: input.registrarId, updated_at: registered,
    })),
    {
      municipality_id: m, source: 'entered' as const, computed_key: null, code: 'ungdata-trives', unit: 'share' as const, direction: 'higher_is_better' as const,
      name_nb: 'Trives på skolen (Ungdata)', name_nn: 'Trivst på skulen (Ungdata)', name_en: 'Thriving at school (Ungdata)',
      definition_nb: 'Andel elever som sier de trives på skolen.', definition_nn: 'Del elevar som seier dei trivst på skulen.', definition_en: 'Share of pupils who say they thrive at school.',
      baseline_year: baselineYear, baseline_value: 82, updated_by: input.registrarId, updated_at: registered,
    },
  ]).returning(['id', 'code']).execute();
  const idOf = (code: string) => rows.find((r) => r.code === code)!.id;
  // Version 1 of each, as the register writes it when an indicator is added (service.ts).
  const all = [...indicators.map((i) => ({ code: i.code, unit: i.unit as string, baseline: i.baseline as number, targets: [{ year: refYear - 1, value: i.lastYear as number }, { year: refYear + 2, value: i.target as number }], nb: i.nb[0], nn: i.nn[0], en: i.en[0], dnb: i.nb[1], dnn: i.nn[1], den: i.en[1] })),
    { code: 'ungdata-trives', unit: 'share', baseline: 82, targets: [{ year: refYear - 1, value: 84 }, { year: refYear + 2, value: 88 }], nb: 'Trives på skolen (Ungdata)', nn: 'Trivst på skulen (Ungdata)', en: 'Thriving at school (Ungdata)',
      dnb: 'Andel elever som sier de trives på skolen.', dnn: 'Del elevar som seier dei trivst på skulen.', den: 'Share of pupils who say they thrive at school.' }];
  await trx.insertInto('indicator_version').values(all.map((i) => ({
    indicator_id: idOf(i.code), version: 1, saved_at: registered, saved_by: input.registrarId,
    snapshot: JSON.stringify({
      names: { nb: i.nb, nn: i.nn, en: i.en }, definitions: { nb: i.dnb, nn: i.dnn, en: i.den }, unit: i.unit, direction: 'higher_is_better',
      baseline: { year: baselineYear, value: i.baseline }, targets: i.targets, retired: false,
    }),
  }))).execute();
  await trx.insertInto('indicator_target').values(all.flatMap((i) => i.targets.map((t) => ({ indicator_id: idOf(i.code), year: t.year, value: t.value })))).execute();
  await trx.insertInto('indicator_entry').values(Array.from({ length: years + 1 }, (_, k) => ({
    indicator_id: idOf('ungdata-trives'), year: baselineYear + 1 + k, value: 82 + k + (k % 2), entered_by: input.registrarId, entered_at: registered,
  }))).execute();
}
