// A level-2 whole-family effort in the demo (issue 17): a generated family with two or more children
// and poverty challenges, asked for by the children's school, offered by Koordinerende enhet (the
// level-2 intake) and led by Arne Brekke, NAV's family coordinator (the demo log-in `nav.veileder`),
// who is the family's one contact person. The eldest child's paper consent reaches NAV, so the leader
// sees that child's log and not the others'. Generated families only: the fixed demo families stay
// as the guided tour and the tests expect them.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../infra/db/database.ts';
import { addDays } from '../../common/dates.ts';
import type { Household } from './population.ts';

export interface EffortInput {
  municipalityId: string;
  referenceDate: string;
  households: Household[];
  excludedPersonIds: string[];
  leaderId: string; // nav.veileder
  intakeId: string; // koordinerende.enhet
  requesterId: string; // fagperson.skole
}

/** The first generated household with a parent with parental responsibility for two or more children. */
export function effortFamily(households: Household[], excluded: ReadonlySet<string>): { parents: string[]; children: string[] } | null {
  for (const h of households) {
    if (h.people.some((p) => excluded.has(p.id))) continue;
    const children = h.people.filter((p) => p.kind === 'child' && h.guardianships.some((g) => g.child_id === p.id && g.parental_responsibility));
    if (children.length < 2) continue;
    const parents = [...new Set(h.guardianships.filter((g) => g.parental_responsibility && children.some((c) => c.id === g.child_id)).map((g) => g.guardian_id))];
    return { parents, children: children.sort((a, b) => a.birth_date.localeCompare(b.birth_date)).map((c) => c.id) };
  }
  return null;
}

export async function writeDemoFamilyEffort(trx: Tx, input: EffortInput): Promise<void> {
  const family = effortFamily(input.households, new Set(input.excludedPersonIds));
  if (!family) return;
  const at = (days: number) => `${addDays(input.referenceDate, days)}T09:30:00.000Z`;
  const id = randomUUID();
  await trx.insertInto('family_effort').values({
    id, municipality_id: input.municipalityId, status: 'active',
    reason: 'Familien har dårlig råd og må flytte. Mor har mistet jobben, og barna har høyt fravær. Trenger NAV, bolig og skolehelsetjenesten samtidig.',
    requested_by_staff_id: input.requesterId, requested_at: at(-20), offered_to_staff_id: input.leaderId, offered_by_staff_id: input.intakeId, offered_at: at(-18),
    leader_staff_id: input.leaderId, started_at: at(-17), version: 3,
  }).execute();
  await trx.insertInto('family_effort_member').values([
    ...family.parents.map((p) => ({ effort_id: id, person_id: p, role: 'parent' as const })),
    ...family.children.map((c) => ({ effort_id: id, person_id: c, role: 'child' as const })),
  ]).execute();
  await trx.insertInto('involvement').values([...family.parents, ...family.children].map((p) => ({ person_id: p, staff_user_id: input.leaderId, kind: 'coordinator' as const, started_at: at(-17) }))).execute();
  const text = await trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const consentId = randomUUID();
  const eldest = family.children[0]!;
  await trx.insertInto('consent').values({
    id: consentId, subject_id: eldest, consent_text_id: text.id, method: 'paper', purposes: ['collaboration'], categories: ['family_situation', 'school_attendance'],
    valid_from: addDays(input.referenceDate, -17), valid_to: addDays(input.referenceDate, 348), child_view: 'Vil at NAV og skolen snakker sammen om flyttingen.',
    recorded_by: input.leaderId, recorded_at: at(-17),
  }).execute();
  await trx.insertInto('consent_giver').values(family.parents.map((p) => ({ consent_id: consentId, person_id: p, capacity: 'guardian' as const }))).execute();
  await trx.insertInto('consent_recipient').values({ consent_id: consentId, service_unit_id: null, unit_type_code: 'nav' }).execute();
}
