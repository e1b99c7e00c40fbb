// Two stories so the demo shows the work, not empty pages: at Fjellbekken skole Henrik Aasen holds
// the baton for one pupil — consent on paper, a development area, a goal, a measure and a bright
// spot in the relay log — and has referred another, whose worry is noted, to the primary-school team
// in Nord, where the referral waits in Tone Haugland's intake queue. Only generated children are
// used, so the fixed demo families stay untouched for the guided tour and the tests.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../infra/db/database.ts';
import { addDays } from '../../common/dates.ts';

export interface StoryInput {
  municipalityId: string;
  referenceDate: string;
  teacherId: string; // fagperson.skole
  teamId: string; // Tidlig innsatsteam barneskole Nord
  pupils: { id: string; guardianIds: string[] }[]; // generated pupils the teacher follows
}

export async function writeDemoStories(trx: Tx, input: StoryInput): Promise<void> {
  const [first, second] = input.pupils;
  if (!first || !second) return;
  const text = await trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const fjellbekken = await trx.selectFrom('staff_user').select('service_unit_id').where('id', '=', input.teacherId).executeTakeFirstOrThrow();
  const at = (days: number) => `${addDays(input.referenceDate, days)}T09:00:00.000Z`;

  // A relay log at level 1 under the parents' paper consent.
  const caseId = randomUUID();
  await trx.insertInto('help_case').values({ id: caseId, municipality_id: input.municipalityId, person_id: first.id, level: 1, relay_holder_id: input.teacherId, opened_by: input.teacherId, opened_at: at(-30) }).execute();
  await trx.insertInto('case_level_change').values([
    { case_id: caseId, from_level: null, to_level: 0, reason: 'Undring notert', changed_by: input.teacherId, changed_at: at(-30) },
    { case_id: caseId, from_level: 0, to_level: 1, reason: 'Foreldrene ønsker tiltak på skolen.', changed_by: input.teacherId, changed_at: at(-21) },
  ]).execute();
  await trx.insertInto('case_step_done').values([
    { case_id: caseId, level: 1, step_key: 'get_consent', done_by: input.teacherId, done_at: at(-21) },
    { case_id: caseId, level: 1, step_key: 'open_relay_log', done_by: input.teacherId, done_at: at(-20) },
  ]).execute();
  await trx.insertInto('involvement').values({ person_id: first.id, staff_user_id: input.teacherId, kind: 'relay_holder', started_at: at(-30) }).execute();
  const consentId = randomUUID();
  await trx.insertInto('consent').values({
    id: consentId, subject_id: first.id, consent_text_id: text.id, method: 'paper', purposes: ['collaboration', 'team_discussion'],
    categories: ['development', 'social', 'school_attendance'], valid_from: addDays(input.referenceDate, -21), valid_to: addDays(input.referenceDate, 344),
    child_view: 'Synes det er greit at læreren og helsesykepleieren snakker sammen.', recorded_by: input.teacherId, recorded_at: at(-21),
  }).execute();
  await trx.insertInto('consent_giver').values(first.guardianIds.map((g) => ({ consent_id: consentId, person_id: g, capacity: 'guardian' as const }))).execute();
  await trx.insertInto('consent_recipient').values([
    { consent_id: consentId, service_unit_id: fjellbekken.service_unit_id, unit_type_code: null },
    { consent_id: consentId, service_unit_id: null, unit_type_code: 'school_health_service' },
    { consent_id: consentId, service_unit_id: null, unit_type_code: 'ppt' },
  ]).execute();
  const entry = (kind: 'development_area' | 'goal' | 'measure' | 'strength', category: string, title: string, days: number, extra: object = {}) => ({
    case_id: caseId, entry_key: randomUUID(), version: 1, kind, category, title, author_staff_id: input.teacherId, written_at: at(days), ...extra,
  });
  await trx.insertInto('relay_log_entry').values([
    entry('development_area', 'development', 'Lesing og skriving', -20),
    entry('goal', 'development', 'Leser korte tekster på egen hånd innen jul', -20),
    entry('measure', 'development', 'Lesekurs i liten gruppe tre ganger i uka', -19, {
      body: 'Med spesialpedagog, 30 minutter.', responsible_staff_id: input.teacherId, starts_on: addDays(input.referenceDate, -14), evaluate_on: addDays(input.referenceDate, 30),
    }),
    entry('strength', 'social', 'Flink til å hjelpe andre i friminuttene', -7),
  ]).execute();

  // A worry, and a referral waiting in the team's intake queue.
  const secondCase = randomUUID();
  await trx.insertInto('help_case').values({ id: secondCase, municipality_id: input.municipalityId, person_id: second.id, level: 0, relay_holder_id: input.teacherId, opened_by: input.teacherId, opened_at: at(-6) }).execute();
  await trx.insertInto('case_level_change').values({ case_id: secondCase, from_level: null, to_level: 0, reason: 'Undring notert', changed_by: input.teacherId, changed_at: at(-6) }).execute();
  await trx.insertInto('involvement').values({ person_id: second.id, staff_user_id: input.teacherId, kind: 'relay_holder', started_at: at(-6) }).execute();
  await trx.insertInto('worry').values({
    municipality_id: input.municipalityId, person_id: second.id, subject_kind: 'child', categories: ['behaviour', 'school_attendance'],
    description: 'Mye fravær etter høstferien, virker sliten og trekker seg unna.', noticed_by: input.teacherId, noticed_on: addDays(input.referenceDate, -7),
    linked_at: at(-6), case_id: secondCase,
  }).execute();
  await trx.insertInto('referral').values({
    team_id: input.teamId, person_id: second.id, case_id: secondCase, source: 'professional', referred_by_staff_id: input.teacherId,
    reason: 'Høyt fravær og lite energi. Foreldrene ønsker å delta i et møte med teamet.', basis: 'family_present', received_at: at(-3),
  }).execute();
}
