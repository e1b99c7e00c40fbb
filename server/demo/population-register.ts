// The demo's population register (folkeregisteret): everyone in the demo with a national id, with
// their parents and who has parental responsibility — the same families the demo writes to the
// database — plus a few people the register knows and Sammen does not yet (a newborn in the Nordli
// family), so a relation can be confirmed against the register in the demo and the tests.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syntheticNationalId } from '../../common/national-id.ts';
import { addDays } from '../../common/dates.ts';
import type { RegisterEntry, RegisterFile } from '../modules/people/population-register/register.ts';
import type { DemoPlan } from './generate.ts';
import { MUNICIPALITY } from './organisation.ts';

/** Known to the register, not registered in Sammen: Sofie Nordli's newborn son. */
export const REGISTER_ONLY_NEWBORN = { givenName: 'Olav', familyName: 'Nordli', ageDays: 40 } as const;

export function demoPopulationRegister(plan: DemoPlan): RegisterFile {
  const people = plan.households.flatMap((h) => h.people);
  const guardianships = plan.households.flatMap((h) => h.guardianships);
  const byId = new Map(people.map((p) => [p.id, p]));
  const entries: RegisterEntry[] = people
    .filter((p) => p.national_id !== null)
    .map((p) => ({
      nationalId: p.national_id!,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      address: p.address,
      parents: guardianships
        .filter((g) => g.child_id === p.id && byId.get(g.guardian_id)?.national_id)
        .map((g) => ({ nationalId: byId.get(g.guardian_id)!.national_id!, relation: g.relation, parentalResponsibility: g.parental_responsibility })),
    }));

  const demo = new Set(plan.demoPersonIds);
  const find = (given: string, family: string) => people.find((p) => demo.has(p.id) && p.given_name === given && p.family_name === family);
  const mother = find('Sofie', 'Nordli');
  const father = find('Martin', 'Berg');
  if (mother?.national_id && father?.national_id) {
    const birthDate = addDays(plan.referenceDate, -REGISTER_ONLY_NEWBORN.ageDays);
    const used = new Set(entries.map((e) => e.nationalId));
    let nationalId: string | null = null;
    for (let serial = 499; serial >= 0 && !nationalId; serial--) {
      const candidate = syntheticNationalId(birthDate, serial);
      if (candidate && !used.has(candidate)) nationalId = candidate;
    }
    if (nationalId) {
      entries.push({
        nationalId, givenName: REGISTER_ONLY_NEWBORN.givenName, familyName: REGISTER_ONLY_NEWBORN.familyName, birthDate,
        address: mother.address,
        parents: [
          { nationalId: mother.national_id, relation: 'mother', parentalResponsibility: true },
          { nationalId: father.national_id, relation: 'father', parentalResponsibility: false },
        ],
      });
    }
  }
  return { source: `${MUNICIPALITY.name} (demo, ${plan.referenceDate})`, people: entries };
}

/** Writes the register file whole (a reader never sees half of it). */
export async function writeDemoPopulationRegister(path: string, plan: DemoPlan): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(demoPopulationRegister(plan)), { mode: 0o600 });
  await rename(temporary, path);
}
