// Individual plans in the demo, so Koordinerende enhet's first screen shows the work: one family with
// a plan and Marte Lunde (koordinator) as the coordinator in office, and one request waiting in the
// unit's queue. Both concern the generated children she follows (never the fixed demo families). And
// a generated young adult in child welfare's after-care, with a plan under their own consent, whose
// after-care ends within the notice deadline (decision 0037), so the coordinator's change is visible.
import type { Tx } from '../infra/db/database.ts';
import { addDays, subtractYears } from '../../common/dates.ts';
import { AFTER_CARE_FROM_AGE } from '../../common/plans.ts';

export interface DemoPlanInput {
  municipalityId: string;
  referenceDate: string;
  coordinatorId: string;
  unitMemberId: string;
  /** The children the coordinator follows: the first gets a plan, the second a waiting request. */
  childIds: string[];
  /** Child welfare's intake, who recorded the young adult's after-care. */
  childWelfareId: string;
}

export async function writeDemoPlans(trx: Tx, input: DemoPlanInput): Promise<void> {
  const [withPlan, waiting] = input.childIds;
  const at = (daysAgo: number) => new Date(`${addDays(input.referenceDate, -daysAgo)}T09:00:00.000Z`);
  const coordinator = await trx.selectFrom('staff_user').select('service_unit_id').where('id', '=', input.coordinatorId).executeTakeFirstOrThrow();
  if (withPlan && coordinator.service_unit_id) {
    const text = await trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    const consent = await trx.insertInto('consent').values({
      subject_id: withPlan, consent_text_id: text.id, method: 'paper', purposes: ['collaboration', 'individual_plan'], categories: ['development', 'social', 'health'],
      valid_from: addDays(input.referenceDate, -60), valid_to: addDays(input.referenceDate, 300), recorded_by: input.coordinatorId, recorded_at: at(60),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('consent_recipient').values({ consent_id: consent.id, service_unit_id: coordinator.service_unit_id, unit_type_code: null }).execute();
    const open = await trx.selectFrom('help_case').select(['id', 'level']).where('person_id', '=', withPlan).where('closed_at', 'is', null).executeTakeFirst();
    const helpCase = open ?? await trx.insertInto('help_case').values({
      municipality_id: input.municipalityId, person_id: withPlan, level: 3, relay_holder_id: input.coordinatorId, opened_by: input.coordinatorId, opened_at: at(60),
    }).returning(['id', 'level']).executeTakeFirstOrThrow();
    if (!open) await trx.insertInto('case_level_change').values({ case_id: helpCase.id, from_level: null, to_level: 3, reason: 'Individuell plan er opprettet.', changed_by: input.coordinatorId, changed_at: at(60) }).execute();
    const request = await trx.insertInto('plan_request').values({
      municipality_id: input.municipalityId, person_id: withPlan, kind: 'plan_and_coordinator', reason: 'Flere tjenester over lang tid; familien ønsker én kontaktperson.',
      requested_by_staff_id: input.coordinatorId, requested_at: at(75), decision: 'granted', decision_reason: 'Langvarige og koordinerte behov.', decided_by: input.unitMemberId, decided_at: at(68),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('coordinator_assignment').values({
      person_id: withPlan, request_id: request.id, staff_user_id: input.coordinatorId, appointed_by: input.unitMemberId, appointed_at: at(68), status: 'accepted', answered_at: at(66),
    }).execute();
    const plan = await trx.insertInto('individual_plan').values({
      municipality_id: input.municipalityId, person_id: withPlan, case_id: helpCase.id, request_id: request.id, created_by: input.coordinatorId, created_at: at(60),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('plan_contribution').values({
      plan_id: plan.id, description: 'Familiesamtaler annenhver uke', responsible_staff_id: input.coordinatorId, starts_on: addDays(input.referenceDate, -55),
      ends_on: addDays(input.referenceDate, 125), written_by: input.coordinatorId, written_at: at(59),
    }).execute();
    await trx.insertInto('plan_evaluation').values({ plan_id: plan.id, due_on: addDays(input.referenceDate, 30) }).execute();
    await trx.insertInto('plan_change').values([
      { plan_id: plan.id, version: 1, what: 'created', by_staff_id: input.coordinatorId, changed_at: at(60) },
      { plan_id: plan.id, version: 2, what: 'contribution_added', by_staff_id: input.coordinatorId, changed_at: at(59) },
      { plan_id: plan.id, version: 3, what: 'evaluation_planned', by_staff_id: input.coordinatorId, changed_at: at(59) },
    ]).execute();
    await trx.updateTable('individual_plan').set({ version: 3 }).where('id', '=', plan.id).execute();
  }
  if (waiting) {
    await trx.insertInto('plan_request').values({
      municipality_id: input.municipalityId, person_id: waiting, kind: 'coordinator', reason: 'Familien har mange avtaler med ulike tjenester og trenger hjelp til å samordne dem.',
      requested_by_staff_id: input.coordinatorId, requested_at: at(4),
    }).execute();
  }
  await writeYoungAdultInAfterCare(trx, input, at);
}

/** A young adult in after-care ending within the notice deadline, with a plan continued on their own consent and Marte Lunde as coordinator. */
async function writeYoungAdultInAfterCare(trx: Tx, input: DemoPlanInput, at: (daysAgo: number) => Date): Promise<void> {
  // A generated young adult of 18 to 23 (the demo families, who have log-ins, stay as they are).
  const person = await trx.selectFrom('person as p').select(['p.id', 'p.birth_date'])
    .where('p.municipality_id', '=', input.municipalityId).where('p.kind', '=', 'child')
    .where('p.birth_date', '<=', subtractYears(input.referenceDate, 18)).where('p.birth_date', '>', subtractYears(input.referenceDate, 24))
    .where('p.id', 'not in', input.childIds.length ? input.childIds : ['00000000-0000-0000-0000-000000000000'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('citizen_account as a').select('a.id').whereRef('a.person_id', '=', 'p.id'))))
    .orderBy('p.birth_date').orderBy('p.given_name').orderBy('p.family_name').limit(1).executeTakeFirst();
  if (!person) return;
  const birthDate = person.birth_date;
  await trx.insertInto('involvement').values({ person_id: person.id, staff_user_id: input.coordinatorId, kind: 'coordinator', started_at: at(400) }).execute();
  const coordinator = await trx.selectFrom('staff_user').select('service_unit_id').where('id', '=', input.coordinatorId).executeTakeFirstOrThrow();
  const text = await trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  // The young adult's own consent: from 18 the plan goes on only with it.
  const consent = await trx.insertInto('consent').values({
    subject_id: person.id, consent_text_id: text.id, method: 'paper', purposes: ['collaboration', 'individual_plan'], categories: ['development', 'social', 'health'],
    valid_from: addDays(input.referenceDate, -200), valid_to: addDays(input.referenceDate, 500), recorded_by: input.coordinatorId, recorded_at: at(200),
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('consent_giver').values({ consent_id: consent.id, person_id: person.id, capacity: 'self' }).execute();
  await trx.insertInto('consent_recipient').values([
    { consent_id: consent.id, service_unit_id: coordinator.service_unit_id, unit_type_code: null },
    { consent_id: consent.id, service_unit_id: null, unit_type_code: 'nav' },
  ]).execute();
  const open = await trx.selectFrom('help_case').select('id').where('person_id', '=', person.id).where('closed_at', 'is', null).executeTakeFirst();
  const helpCase = open ?? await trx.insertInto('help_case').values({
    municipality_id: input.municipalityId, person_id: person.id, level: 3, relay_holder_id: input.coordinatorId, opened_by: input.coordinatorId, opened_at: at(400),
  }).returning('id').executeTakeFirstOrThrow();
  if (!open) await trx.insertInto('case_level_change').values({ case_id: helpCase.id, from_level: null, to_level: 3, reason: 'Individuell plan er opprettet.', changed_by: input.coordinatorId, changed_at: at(400) }).execute();
  const request = await trx.insertInto('plan_request').values({
    municipality_id: input.municipalityId, person_id: person.id, kind: 'plan_and_coordinator', reason: 'Bor i egen hybel med oppfølging fra barnevernet, skole og helse; ønsker én kontaktperson.',
    requested_by_staff_id: input.coordinatorId, requested_at: at(420), decision: 'granted', decision_reason: 'Langvarige og koordinerte behov.', decided_by: input.unitMemberId, decided_at: at(410),
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('coordinator_assignment').values({
    person_id: person.id, request_id: request.id, staff_user_id: input.coordinatorId, appointed_by: input.unitMemberId, appointed_at: at(410), status: 'accepted', answered_at: at(405),
  }).execute();
  const plan = await trx.insertInto('individual_plan').values({
    municipality_id: input.municipalityId, person_id: person.id, case_id: helpCase.id, request_id: request.id, created_by: input.coordinatorId, created_at: at(400),
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('plan_goal').values({ plan_id: plan.id, whose: 'child', text: 'Fullføre videregående og få egen leilighet.', author_staff_id: input.coordinatorId, written_at: at(399) }).execute();
  await trx.insertInto('plan_contribution').values({
    plan_id: plan.id, description: 'Ukentlige samtaler om skole, bolig og økonomi', responsible_staff_id: input.coordinatorId, starts_on: addDays(input.referenceDate, -399),
    ends_on: null, written_by: input.coordinatorId, written_at: at(399),
  }).execute();
  await trx.insertInto('plan_evaluation').values({ plan_id: plan.id, due_on: addDays(input.referenceDate, 45) }).execute();
  await trx.insertInto('plan_change').values([
    { plan_id: plan.id, version: 1, what: 'created', by_staff_id: input.coordinatorId, changed_at: at(400) },
    { plan_id: plan.id, version: 2, what: 'goal_added', by_staff_id: input.coordinatorId, changed_at: at(399) },
    { plan_id: plan.id, version: 3, what: 'contribution_added', by_staff_id: input.coordinatorId, changed_at: at(399) },
    { plan_id: plan.id, version: 4, what: 'evaluation_planned', by_staff_id: input.coordinatorId, changed_at: at(399) },
  ]).execute();
  await trx.updateTable('individual_plan').set({ version: 4 }).where('id', '=', plan.id).execute();
  // After-care from the 18th birthday to two months ahead: within the notice deadline, so the unit's job has something to say.
  await trx.insertInto('after_care').values({
    municipality_id: input.municipalityId, person_id: person.id, starts_on: subtractYears(birthDate, -AFTER_CARE_FROM_AGE), ends_on: addDays(input.referenceDate, 60),
    recorded_by: input.childWelfareId, recorded_at: at(380),
  }).execute();
}
