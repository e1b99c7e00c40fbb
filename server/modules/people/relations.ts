// Family relations entered by hand (relation_claim) and how they become real (guardianship): the
// named guardian confirms on Min side, or the administrator has the population register confirm
// them. Until then they open nothing — no Min side listing, no consent authority, no access —
// because every reader of family relations reads `guardianship` only.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireCitizen, requireStaff } from '../../infra/http/context.ts';
import { parseNationalId } from '../../../common/national-id.ts';
import { AppError } from '../../infra/http/errors.ts';
import { authorize, recordAccess, aboutPerson, subjectOf } from '../access/access.ts';
import { populationRegisterFor } from './population-register/file-register.ts';
import { PopulationRegisterUnavailable, type RegisterEntry } from './population-register/register.ts';

/** The relations waiting for the signed-in citizen: a professional named their national id as guardian. */
export async function listRelationClaims(ctx: DataContext) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'relation.list', purpose: 'self_service' });
  const rows = await ctx.trx
    .selectFrom('relation_claim as c')
    .innerJoin('person as me', 'me.national_id', 'c.national_id')
    .innerJoin('person as child', 'child.id', 'c.child_id')
    .leftJoin('staff_user as s', 's.id', 'c.claimed_by')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select([
      'c.id', 'c.child_id', 'c.relation', 'c.parental_responsibility', 'c.created_at', 'child.given_name', 'child.family_name',
      'child.birth_date', 'child.kind', 's.display_name as staff_name', 'u.name as unit_name',
    ])
    .where('me.id', '=', citizen.personId)
    .where('c.status', '=', 'unconfirmed')
    .orderBy('c.created_at')
    .execute();
  for (const r of rows) {
    recordAccess(ctx, { action: 'relation.list', purpose: 'self_service', subject: { kind: 'person', id: r.child_id }, entity: { type: 'relation_claim', id: r.id } }, 'named_as_guardian');
  }
  return {
    relations: rows.map((r) => ({
      id: r.id, childName: `${r.given_name} ${r.family_name}`, childBirthDate: r.birth_date, childKind: r.kind, relation: r.relation,
      parentalResponsibility: r.parental_responsibility, registeredAt: r.created_at, registeredBy: r.staff_name, unitName: r.unit_name,
    })),
  };
}

/** The named guardian confirms (the relation opens) or refuses (it never will). */
export async function answerRelationClaim(ctx: DataContext, claimId: string, answer: 'confirm' | 'refuse') {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, {
    action: 'relation.confirm', purpose: 'self_service', entity: { type: 'relation_claim', id: claimId },
    ...aboutPerson(await subjectOf(ctx, 'relation_claim', claimId)),
  });
  // Only a claim still waiting is answered: a second answer, or a race with the register, is a conflict.
  const decided = await ctx.trx
    .updateTable('relation_claim')
    .set({
      status: answer === 'confirm' ? 'confirmed' : 'refused', decided_at: ctx.services.clock.now(), decided_by_person_id: citizen.personId,
      guardian_id: answer === 'confirm' ? citizen.personId : null,
    })
    .where('id', '=', claimId)
    .where('status', '=', 'unconfirmed')
    .returning(['child_id', 'relation', 'parental_responsibility', 'lives_with_child'])
    .executeTakeFirst();
  if (!decided) throw new AppError('CONFLICT', 'errors.relationAlreadyAnswered');
  if (answer === 'confirm') {
    await linkGuardian(ctx.trx, decided.child_id, citizen.personId, decided);
  }
  return { status: answer === 'confirm' ? 'confirmed' : 'refused' };
}

async function linkGuardian(
  trx: Tx, childId: string, guardianId: string,
  relation: { relation: 'mother' | 'father' | 'other'; parental_responsibility: boolean; lives_with_child: boolean },
) {
  await trx
    .insertInto('guardianship')
    .values({ child_id: childId, guardian_id: guardianId, relation: relation.relation, parental_responsibility: relation.parental_responsibility, lives_with_child: relation.lives_with_child })
    // Already related (confirmed through another claim): the register's or the first answer stands.
    .onConflict((oc) => oc.columns(['child_id', 'guardian_id']).doNothing())
    .execute();
}

/** How many relations wait for confirmation in the administrator's municipality: a number, no names. */
export async function countWaitingRelations(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'relation.verify', purpose: 'administration' });
  const row = await ctx.trx
    .selectFrom('relation_claim as c')
    .innerJoin('person as child', 'child.id', 'c.child_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.status', '=', 'unconfirmed')
    .where('child.municipality_id', '=', staff.municipalityId)
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.n) };
}

/**
 * The administrator has the population register check every waiting relation of the municipality.
 * A relation the register confirms becomes a guardianship, with parental responsibility as the
 * register says; one where the register names other parents is closed; the rest keep waiting (a
 * child or guardian without a national id, or a child the register does not know). The
 * administrator sees only the counts; each check is in the child's access log.
 */
export async function verifyRelationsWithRegister(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'relation.verify', purpose: 'administration' });
  const register = populationRegisterFor(ctx.services.config);
  const claims = await ctx.trx
    .selectFrom('relation_claim as c')
    .innerJoin('person as child', 'child.id', 'c.child_id')
    .select(['c.id', 'c.child_id', 'c.national_id', 'c.lives_with_child', 'child.national_id as child_national_id'])
    .where('c.status', '=', 'unconfirmed')
    .where('child.municipality_id', '=', staff.municipalityId)
    .orderBy('c.created_at')
    .forUpdate()
    .execute();
  const counts = { checked: claims.length, confirmed: 0, notConfirmed: 0, waiting: 0 };
  const lookups = new Map<string, RegisterEntry | null>();
  const lookup = async (nationalId: string) => {
    if (!lookups.has(nationalId)) lookups.set(nationalId, await register.lookup(nationalId));
    return lookups.get(nationalId)!;
  };
  try {
    for (const claim of claims) {
      const child = claim.child_national_id ? await lookup(claim.child_national_id) : null;
      if (!child || !claim.national_id) {
        counts.waiting++;
        continue;
      }
      const parent = child.parents.find((p) => p.nationalId === claim.national_id);
      const subject = { kind: 'person' as const, id: claim.child_id };
      if (!parent) {
        await ctx.trx.updateTable('relation_claim').set({ status: 'not_in_register', decided_at: ctx.services.clock.now(), decided_by_staff_id: staff.staffUserId }).where('id', '=', claim.id).execute();
        recordAccess(ctx, { action: 'relation.verify', purpose: 'registration', subject, entity: { type: 'relation_claim', id: claim.id } }, 'population_register:not_a_parent');
        counts.notConfirmed++;
        continue;
      }
      const guardianId = await guardianFromRegister(ctx, staff.municipalityId, parent.nationalId, lookup);
      await ctx.trx.updateTable('relation_claim').set({ status: 'confirmed', decided_at: ctx.services.clock.now(), decided_by_staff_id: staff.staffUserId, guardian_id: guardianId }).where('id', '=', claim.id).execute();
      await linkGuardian(ctx.trx, claim.child_id, guardianId, { relation: parent.relation, parental_responsibility: parent.parentalResponsibility, lives_with_child: claim.lives_with_child });
      recordAccess(ctx, { action: 'relation.verify', purpose: 'registration', subject, entity: { type: 'relation_claim', id: claim.id } }, 'population_register:confirmed');
      recordAccess(ctx, { action: 'relation.verify', purpose: 'registration', subject: { kind: 'person', id: guardianId }, entity: { type: 'relation_claim', id: claim.id } }, 'population_register:confirmed');
      counts.confirmed++;
    }
  } catch (error) {
    if (error instanceof PopulationRegisterUnavailable) {
      ctx.request.log.warn({ err: { message: error.message } }, 'population register unavailable');
      throw new AppError('UNAVAILABLE', 'errors.populationRegisterUnavailable');
    }
    throw error;
  }
  return counts;
}

/** The guardian's person record: the one Sammen has, or a new one from the register's data. */
async function guardianFromRegister(ctx: DataContext, municipalityId: string, nationalId: string, lookup: (id: string) => Promise<RegisterEntry | null>): Promise<string> {
  const known = await ctx.trx.selectFrom('person').select('id').where('national_id', '=', nationalId).executeTakeFirst();
  if (known) return known.id;
  const entry = await lookup(nationalId);
  const inserted = await ctx.trx
    .insertInto('person')
    .values({
      municipality_id: municipalityId, national_id: nationalId, given_name: entry?.givenName ?? '–', family_name: entry?.familyName ?? '–',
      birth_date: entry?.birthDate ?? nationalIdBirthDate(nationalId), kind: 'adult', address: entry?.address ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

function nationalIdBirthDate(nationalId: string): string {
  const parsed = parseNationalId(nationalId);
  if (!parsed.valid) throw new Error('The population register named a parent with an invalid national id');
  return parsed.birthDate;
}
