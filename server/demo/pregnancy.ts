// The pregnancy path in the demo (issue 17): Guro Lien, the midwife at Helsestasjon Nord, follows
// Hanna Sæther (the demo log-in `gravid`) at level 1 — her oral consent lets the health station
// share for collaboration, and the relay log holds a development area and a measure. At the birth
// the midwife registers the child from Hanna's page and hands the baton to the health nurse.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../infra/db/database.ts';
import { addDays } from '../../common/dates.ts';

export interface PregnancyInput {
  municipalityId: string;
  referenceDate: string;
  midwifeId: string; // jordmor
  motherId: string; // gravid
}

export async function writeDemoPregnancy(trx: Tx, input: PregnancyInput): Promise<void> {
  const at = (days: number) => `${addDays(input.referenceDate, days)}T10:00:00.000Z`;
  const text = await trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const caseId = randomUUID();
  await trx.insertInto('help_case').values({ id: caseId, municipality_id: input.municipalityId, person_id: input.motherId, level: 1, relay_holder_id: input.midwifeId, opened_by: input.midwifeId, opened_at: at(-40) }).execute();
  await trx.insertInto('case_level_change').values([
    { case_id: caseId, from_level: null, to_level: 0, reason: 'Undring notert', changed_by: input.midwifeId, changed_at: at(-40) },
    { case_id: caseId, from_level: 0, to_level: 1, reason: 'Hanna ønsker tettere oppfølging fram til fødselen.', changed_by: input.midwifeId, changed_at: at(-33) },
  ]).execute();
  await trx.insertInto('case_step_done').values({ case_id: caseId, level: 1, step_key: 'get_pregnancy_consent', done_by: input.midwifeId, done_at: at(-33) }).execute();
  await trx.insertInto('involvement').values({ person_id: input.motherId, staff_user_id: input.midwifeId, kind: 'relay_holder', started_at: at(-40) }).execute();
  await trx.insertInto('worry').values({
    municipality_id: input.municipalityId, person_id: input.motherId, subject_kind: 'pregnant', categories: ['health', 'family_situation'],
    description: 'Sover dårlig, er mye alene og gruer seg til fødselen.', noticed_by: input.midwifeId, noticed_on: addDays(input.referenceDate, -41),
    linked_at: at(-40), case_id: caseId,
  }).execute();
  const consentId = randomUUID();
  await trx.insertInto('consent').values({
    id: consentId, subject_id: input.motherId, consent_text_id: text.id, method: 'oral', purposes: ['collaboration', 'team_discussion'],
    categories: ['health', 'family_situation', 'other'], valid_from: addDays(input.referenceDate, -33), valid_to: addDays(input.referenceDate, 332),
    child_view: null, recorded_by: input.midwifeId, recorded_at: at(-33),
  }).execute();
  await trx.insertInto('consent_giver').values({ consent_id: consentId, person_id: input.motherId, capacity: 'self' }).execute();
  await trx.insertInto('consent_recipient').values({ consent_id: consentId, service_unit_id: null, unit_type_code: 'health_station' }).execute();
  const entry = (kind: 'development_area' | 'goal' | 'measure', category: string, title: string, days: number, extra: object = {}) => ({
    case_id: caseId, entry_key: randomUUID(), version: 1, kind, category, title, author_staff_id: input.midwifeId, written_at: at(days), ...extra,
  });
  await trx.insertInto('relay_log_entry').values([
    entry('development_area', 'health', 'Søvn og uro før fødselen', -32),
    entry('goal', 'family_situation', 'Har en å ringe til de første ukene etter fødselen', -32),
    entry('measure', 'health', 'Ekstra kontroll hos jordmor annenhver uke', -31, {
      body: 'Samtale om søvn og forberedelse til fødselen.', responsible_staff_id: input.midwifeId, starts_on: addDays(input.referenceDate, -28), evaluate_on: addDays(input.referenceDate, 28),
    }),
  ]).execute();
}
