// Reports to child welfare in different states, so the intake's first screen shows the work: one
// past its review deadline, one just sent, one urgent whose family was not told, and one with an
// investigation opened and the reporter's feedback given. All were received before the demo's day. Henrik Aasen at Fjellbekken skole sent
// them about generated pupils he follows (never the fixed demo families).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../infra/db/database.ts';
import { investigationEndBy, receiptDeadlines } from '../modules/child-welfare-reports/deadlines.ts';
import { nextReference } from '../modules/child-welfare-reports/service.ts';
import type { ReportContent } from '../modules/child-welfare-reports/schema.ts';
import { addDays } from '../../common/dates.ts';

export interface DemoReportInput {
  municipalityId: string;
  referenceDate: string;
  teacherId: string;
  intakeId: string;
  pupilIds: string[];
  /** Children the teacher reports on without following them yet: he comes to know them as their teacher. */
  notYetInvolved: string[];
}

const STORIES = [
  { daysAgo: 12, acknowledged: true, urgent: false, told: true, decided: false,
    description: 'Eleven har i flere uker kommet på skolen uten matpakke og i klær som ikke passer til været. Sier at det ikke er noen voksne hjemme om kveldene.' },
  { daysAgo: 1, acknowledged: false, urgent: false, told: true, decided: false,
    description: 'Eleven har fortalt at mor og samboer krangler høylytt og at eleven er redd når det skjer. Har sovnet i timene flere ganger.' },
  { daysAgo: 2, acknowledged: true, urgent: true, told: false, decided: false,
    description: 'Eleven hadde blåmerker på begge overarmer i dag og sa at far ble sint i går kveld. Eleven vil ikke dra hjem.' },
  { daysAgo: 30, acknowledged: true, urgent: false, told: true, decided: true,
    description: 'Høyt fravær hele høsten, og foreldrene har ikke svart på henvendelser fra skolen.' },
] as const;

export async function writeDemoReports(trx: Tx, input: DemoReportInput): Promise<void> {
  const teacher = await trx.selectFrom('staff_user as s').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.display_name', 's.email', 's.title', 's.service_unit_id', 'u.name as unit_name', 'u.type_code']).where('s.id', '=', input.teacherId).executeTakeFirstOrThrow();
  if (input.notYetInvolved.length) {
    await trx.insertInto('involvement').values(input.notYetInvolved.map((person_id) => ({ person_id, staff_user_id: input.teacherId, kind: 'collaborator' as const, started_at: `${addDays(input.referenceDate, -60)}T08:00:00.000Z` }))).execute();
  }
  for (const [i, story] of STORIES.entries()) {
    const personId = input.pupilIds[i];
    if (!personId) return;
    const child = await trx.selectFrom('person').select(['given_name', 'family_name', 'birth_date', 'address']).where('id', '=', personId).executeTakeFirstOrThrow();
    const guardians = await trx.selectFrom('guardianship as g').innerJoin('person as p', 'p.id', 'g.guardian_id')
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.phone']).where('g.child_id', '=', personId).orderBy('p.id').execute();
    const receivedAt = new Date(`${addDays(input.referenceDate, -story.daysAgo)}T08:30:00.000Z`);
    const deadlines = receiptDeadlines(receivedAt);
    const content: ReportContent = {
      child: { name: `${child.given_name} ${child.family_name}`, birthDate: child.birth_date, address: child.address, unborn: false },
      guardians: guardians.map((g) => ({ personId: g.id, name: `${g.given_name} ${g.family_name}`, phone: g.phone })),
      reporter: { name: teacher.display_name, email: teacher.email, unitName: teacher.unit_name, unitType: teacher.type_code },
      description: story.description, history: null, tried: 'Samtaler med eleven og forsøk på å nå foreldrene.', childWords: null, otherServices: null, interpreter: null,
      legalBasis: 'child_welfare_act',
    };
    const invocation = await trx.insertInto('legal_basis_invocation')
      .values({ person_id: personId, basis: 'duty_to_report_child_welfare', invoked_by: input.teacherId, note: 'Opplysningsplikt til barnevernet (barnevernloven § 13-2)', invoked_at: receivedAt })
      .returning('id').executeTakeFirstOrThrow();
    const id = randomUUID();
    const later = (hours: number) => new Date(receivedAt.getTime() + hours * 3_600_000);
    await trx.insertInto('child_welfare_report').values({
      id, municipality_id: input.municipalityId, reference: await nextReference(trx, receivedAt), person_id: personId, reporter_staff_id: input.teacherId,
      reporter_unit_id: teacher.service_unit_id, reporter_role: teacher.title ?? 'Lærer', reporter_phone: '12345678', legal_basis_invocation_id: invocation.id,
      content: JSON.stringify(content), observed_on: addDays(input.referenceDate, -story.daysAgo), urgent: story.urgent, family_told: story.told,
      not_told_reason: story.told ? null : 'Eleven er redd for hva far gjør om han får vite at skolen har meldt.', family_may_see: story.told,
      received_at: receivedAt, received_on: deadlines.receivedOn, review_by: deadlines.reviewBy, feedback_by: deadlines.feedbackBy,
      ...(story.acknowledged ? { acknowledged_at: later(2), acknowledged_by: input.intakeId } : {}),
      ...(story.decided ? {
        decision: 'investigation' as const, decided_at: later(120), decided_on: addDays(deadlines.receivedOn, 5), decided_by: input.intakeId,
        feedback_text: 'Vi har gått gjennom meldingen og åpnet undersøkelse. Takk for at du meldte.', feedback_at: later(120),
        investigation_end_by: investigationEndBy(deadlines.receivedOn, false),
      } : {}),
    }).execute();
    await trx.insertInto('child_welfare_report_delivery').values({ report_id: id, channel: 'database', state: 'accepted', attempts: 1, updated_at: later(0) }).execute();
  }
}
