// Demo absence: Fjellbekken skole has imported the last term's absence for its pupils, with Henrik
// Aasen (fagperson.skole) as their contact teacher, so his list of pupils above 10 % absence with
// weak progress is not empty. Built only from the plan's enrolments; the demo families' own children
// (Jonas) get ordinary figures so their stories stay as told.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../infra/db/database.ts';
import { addDays } from '../../common/dates.ts';

const SCHOOL = 'Fjellbekken skole';
const CONTACT_TEACHER = 'fagperson.skole';
const IMPORTED_BY = 'teamleder'; // the rector imports the school's figures

/** Per pupil in turn: absence in per cent and progress. Four of nine are above 10 % with weak progress. */
const PATTERN: readonly [number, 'good' | 'weak'][] = [
  [14.5, 'weak'], [3, 'good'], [11.2, 'weak'], [9.5, 'weak'], [22, 'good'], [17.8, 'weak'], [6, 'good'], [12, 'good'], [24.3, 'weak'],
];
const ORDINARY: [number, 'good' | 'weak'] = [2, 'good'];

export interface DemoAbsencePlan {
  importId: string;
  unitId: string;
  importedBy: string;
  records: {
    person_id: string; period_from: string; period_to: string; absence_percent: number; progress: 'good' | 'weak';
    contact_teacher_id: string; line: number;
  }[];
  /** The contact teacher is involved with the pupils on his list, so he can open their pages. */
  involvements: { person_id: string; staff_user_id: string; kind: 'registrant'; started_at: string }[];
}

export function planDemoAbsence(
  referenceDate: string,
  units: { id: string; name: string }[],
  staff: { id: string; username: string }[],
  enrolments: { person_id: string; service_unit_id: string; starts_on: string }[],
  involvements: { person_id: string; staff_user_id: string }[],
  demoPersonIds: Set<string>,
): DemoAbsencePlan | null {
  const school = units.find((u) => u.name === SCHOOL);
  const teacher = staff.find((s) => s.username === CONTACT_TEACHER);
  const importer = staff.find((s) => s.username === IMPORTED_BY);
  if (!school || !teacher || !importer) return null;
  const periodTo = addDays(referenceDate, -1);
  const termStart = addDays(referenceDate, -120);
  const involved = new Set(involvements.filter((i) => i.staff_user_id === teacher.id).map((i) => i.person_id));
  const plan: DemoAbsencePlan = { importId: randomUUID(), unitId: school.id, importedBy: importer.id, records: [], involvements: [] };
  let turn = 0;
  for (const e of enrolments) {
    if (e.service_unit_id !== school.id || e.starts_on > periodTo) continue;
    const [percent, progress] = demoPersonIds.has(e.person_id) ? ORDINARY : PATTERN[turn++ % PATTERN.length]!;
    const periodFrom = e.starts_on > termStart ? e.starts_on : termStart;
    plan.records.push({
      person_id: e.person_id, period_from: periodFrom, period_to: periodTo, absence_percent: percent, progress,
      contact_teacher_id: teacher.id, line: plan.records.length + 2,
    });
    if (percent > 10 && progress === 'weak' && !involved.has(e.person_id)) {
      plan.involvements.push({ person_id: e.person_id, staff_user_id: teacher.id, kind: 'registrant', started_at: `${referenceDate}T07:30:00.000Z` });
    }
  }
  return plan.records.length ? plan : null;
}

export async function writeDemoAbsence(trx: Tx, plan: DemoAbsencePlan | null): Promise<number> {
  if (!plan) return 0;
  await trx
    .insertInto('absence_import')
    .values({ id: plan.importId, service_unit_id: plan.unitId, imported_by: plan.importedBy, file_name: 'fravaer-fjellbekken.csv', row_count: plan.records.length })
    .execute();
  for (let i = 0; i < plan.records.length; i += 1000) {
    await trx
      .insertInto('absence_record')
      .values(plan.records.slice(i, i + 1000).map((r) => ({ ...r, import_id: plan.importId, service_unit_id: plan.unitId })))
      .execute();
  }
  if (plan.involvements.length) await trx.insertInto('involvement').values(plan.involvements).execute();
  return plan.records.length;
}
