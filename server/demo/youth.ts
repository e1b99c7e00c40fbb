// The youth's path in the demo (issue 17): Ida Johnsen (the demo log-in `ungdom.17`) is 17 and turns
// 18 in three and a half weeks. Marte Lunde (koordinator) at the mental-health team follows her for
// anxiety and growing cannabis use, on Ida's own consent — from 16 a youth consents alone, so her
// mother is not a giver, and her mother does not see the case until Ida turns that on. The move to
// adult services is due; it needs Ida's own consent to the transfer, which she gives on Min side.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../infra/db/database.ts';
import { addDays } from '../../common/dates.ts';

export interface YouthInput {
  municipalityId: string;
  referenceDate: string;
  coordinatorId: string; // koordinator
  youthId: string; // ungdom.17
  teamUnitId: string; // Psykisk helseteam for barn og unge
}

export async function writeDemoYouth(trx: Tx, input: YouthInput): Promise<void> {
  const at = (days: number) => `${addDays(input.referenceDate, days)}T11:00:00.000Z`;
  const text = await trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const caseId = randomUUID();
  const by = input.coordinatorId;
  await trx.insertInto('help_case').values({ id: caseId, municipality_id: input.municipalityId, person_id: input.youthId, level: 1, relay_holder_id: by, opened_by: by, opened_at: at(-60) }).execute();
  await trx.insertInto('case_level_change').values([
    { case_id: caseId, from_level: null, to_level: 0, reason: 'Undring notert', changed_by: by, changed_at: at(-60) },
    { case_id: caseId, from_level: 0, to_level: 1, reason: 'Ida vil ha hjelp med angsten og å kutte ned på hasj.', changed_by: by, changed_at: at(-52) },
  ]).execute();
  await trx.insertInto('involvement').values({ person_id: input.youthId, staff_user_id: by, kind: 'relay_holder', started_at: at(-60) }).execute();
  await trx.insertInto('worry').values({
    municipality_id: input.municipalityId, person_id: input.youthId, subject_kind: 'child', categories: ['health', 'behaviour'],
    description: 'Ida forteller om angst, lite søvn og at hun røyker hasj for å roe seg ned.', noticed_by: by, noticed_on: addDays(input.referenceDate, -61),
    linked_at: at(-60), case_id: caseId,
  }).execute();
  const consentId = randomUUID();
  await trx.insertInto('consent').values({
    id: consentId, subject_id: input.youthId, consent_text_id: text.id, method: 'digital', purposes: ['collaboration'],
    categories: ['health', 'behaviour'], valid_from: addDays(input.referenceDate, -52), valid_to: addDays(input.referenceDate, 313),
    child_view: null, recorded_by: null, recorded_at: at(-52),
  }).execute();
  await trx.insertInto('consent_giver').values({ consent_id: consentId, person_id: input.youthId, capacity: 'youth' }).execute();
  await trx.insertInto('consent_recipient').values({ consent_id: consentId, service_unit_id: input.teamUnitId }).execute();
  const entry = (kind: 'development_area' | 'goal' | 'measure', category: string, title: string, days: number, extra: object = {}) => ({
    case_id: caseId, entry_key: randomUUID(), version: 1, kind, category, title, author_staff_id: by, written_at: at(days), ...extra,
  });
  await trx.insertInto('relay_log_entry').values([
    entry('development_area', 'health', 'Angst og søvn', -50),
    entry('goal', 'behaviour', 'Klarer seg uten hasj på hverdager', -50),
    entry('measure', 'health', 'Samtaler hos psykisk helseteam hver uke', -49, {
      body: 'Samtaler om angst, søvn og rus. Ida velger selv hva hun vil ta opp.', responsible_staff_id: by,
      starts_on: addDays(input.referenceDate, -45), evaluate_on: addDays(input.referenceDate, 20),
    }),
  ]).execute();
}
