// People: children and youth, pregnant women and their guardians. Registering a person makes the
// professional involved (as registrant), which is what lets them see the person afterwards.
import { randomUUID } from 'node:crypto';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { invalid, invalidField, isUniqueViolation, notFound } from '../../infra/http/errors.ts';
import { authorize, decide, recordAccess } from '../access/access.ts';
import { birthDateOf, futureBirthDates, type RegisterPersonInput } from './schema.ts';
import { osloDate } from '../consent/rules.ts';

export async function registerPerson(ctx: DataContext, input: RegisterPersonInput) {
  const staff = requireStaff(ctx);
  const id = randomUUID();
  await authorize(ctx, { action: 'person.create', purpose: 'registration', subject: { kind: 'person', id } });
  const unborn = futureBirthDates(input, osloDate(ctx.services.clock.now()));
  if (unborn.length) throw invalid(...unborn);
  if (input.nationalId) {
    const existing = await ctx.trx.selectFrom('person').select('id').where('national_id', '=', input.nationalId).executeTakeFirst();
    if (existing) throw invalidField('nationalId', 'errors.duplicateNationalId');
  }
  await ctx.trx
    .insertInto('person')
    .values({
      id, municipality_id: staff.municipalityId, national_id: input.nationalId ?? null, given_name: input.givenName,
      family_name: input.familyName, birth_date: birthDateOf(input)!, kind: input.kind,
      expected_birth_date: input.expectedBirthDate ?? null, area: input.area ?? null, address: input.address ?? null,
      created_by: staff.staffUserId,
    })
    .execute()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw invalidField('nationalId', 'errors.duplicateNationalId');
      throw error;
    });

  for (const [index, guardian] of input.guardians.entries()) {
    if (guardian.nationalId && guardian.nationalId === input.nationalId) throw invalidField(`guardians.${index}.nationalId`, 'errors.guardianIsChild');
    // A guardian already registered (a sibling's parent) is linked, not duplicated.
    const known = guardian.nationalId
      ? await ctx.trx.selectFrom('person').select('id').where('national_id', '=', guardian.nationalId).executeTakeFirst()
      : undefined;
    const guardianId = known?.id ?? randomUUID();
    if (!known) {
      await ctx.trx
        .insertInto('person')
        .values({
          id: guardianId, municipality_id: staff.municipalityId, national_id: guardian.nationalId ?? null,
          given_name: guardian.givenName, family_name: guardian.familyName, birth_date: birthDateOf(guardian)!, kind: 'adult',
          email: guardian.email ?? null, phone: guardian.phone ?? null, created_by: staff.staffUserId,
        })
        .execute();
    }
    await recordAccess(ctx, { action: 'person.create', purpose: 'registration', subject: { kind: 'person', id: guardianId } }, 'guardian_of_registered_person');
    await ctx.trx
      .insertInto('guardianship')
      .values({
        child_id: id, guardian_id: guardianId, relation: guardian.relation,
        parental_responsibility: guardian.parentalResponsibility, lives_with_child: guardian.livesWithChild,
      })
      .execute();
  }
  await ctx.trx.insertInto('involvement').values({ person_id: id, staff_user_id: staff.staffUserId, kind: 'registrant' }).execute();
  return { id };
}

const personColumns = [
  'person.id', 'person.national_id', 'person.given_name', 'person.family_name', 'person.birth_date', 'person.kind',
  'person.expected_birth_date', 'person.area', 'person.address', 'person.email', 'person.phone',
] as const;

type PersonRow = {
  id: string; national_id: string | null; given_name: string; family_name: string; birth_date: string; kind: string;
  expected_birth_date: string | null; area: string | null; address: string | null; email: string | null; phone: string | null;
};

function present(row: PersonRow) {
  return {
    id: row.id, nationalId: row.national_id, givenName: row.given_name, familyName: row.family_name,
    birthDate: row.birth_date, kind: row.kind, expectedBirthDate: row.expected_birth_date, area: row.area,
    address: row.address, email: row.email, phone: row.phone,
  };
}

export async function getPerson(ctx: DataContext, id: string) {
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  await authorize(ctx, { action: 'person.read', purpose, subject: { kind: 'person', id } });
  const row = await ctx.trx.selectFrom('person').select(personColumns).where('person.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const guardians = await ctx.trx
    .selectFrom('guardianship')
    .innerJoin('person', 'person.id', 'guardianship.guardian_id')
    .select([...personColumns, 'guardianship.relation', 'guardianship.parental_responsibility', 'guardianship.lives_with_child'])
    .where('guardianship.child_id', '=', id)
    .orderBy('person.family_name')
    .execute();
  for (const g of guardians) {
    await recordAccess(ctx, { action: 'person.read', purpose, subject: { kind: 'person', id: g.id } }, 'guardian_of_read_person');
  }
  // What the signed-in citizen may decide here: consent, and (a youth) whether guardians see the case.
  const citizen = ctx.principal?.kind === 'citizen'
    ? {
      decides: (await decide(ctx.trx, ctx.principal, { action: 'consent.give', purpose, subject: { kind: 'person', id } }, ctx.services.clock.now())).allowed,
      setsGuardianVisibility: (await decide(ctx.trx, ctx.principal, { action: 'guardianVisibility.set', purpose, subject: { kind: 'person', id } }, ctx.services.clock.now())).allowed,
      guardiansSeeCase: (await ctx.trx.selectFrom('person').select('guardians_see_case').where('id', '=', id).executeTakeFirstOrThrow()).guardians_see_case,
    }
    : null;
  return {
    ...present(row),
    guardians: guardians.map((g) => ({ ...present(g), relation: g.relation, parentalResponsibility: g.parental_responsibility, livesWithChild: g.lives_with_child })),
    citizen,
  };
}

/** The people this user may see in a list: for staff those they are involved with; for a citizen themself and their children. */
export async function listMyPeople(ctx: DataContext) {
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  await authorize(ctx, { action: 'person.list', purpose });
  const principal = ctx.principal!;
  const rows =
    principal.kind === 'staff'
      ? await ctx.trx
          .selectFrom('person')
          .innerJoin('involvement', 'involvement.person_id', 'person.id')
          .select(personColumns)
          .where('involvement.staff_user_id', '=', principal.staffUserId)
          .where('involvement.ended_at', 'is', null)
          .distinct()
          .orderBy('person.family_name')
          .orderBy('person.given_name')
          .execute()
      : await ctx.trx
          .selectFrom('person')
          .select(personColumns)
          .where((eb) =>
            eb.or([
              eb('person.id', '=', principal.personId),
              eb('person.id', 'in', eb.selectFrom('guardianship').select('child_id').where('guardian_id', '=', principal.personId).where('parental_responsibility', '=', true)),
            ]),
          )
          .orderBy('person.birth_date')
          .execute();
  for (const row of rows) {
    await recordAccess(ctx, { action: 'person.list', purpose, subject: { kind: 'person', id: row.id } }, 'listed');
  }
  return rows.map(present);
}

/** A youth at or over the consent age decides whether guardians see their case. */
export async function setGuardianVisibility(ctx: DataContext, personId: string, guardiansSeeCase: boolean) {
  await authorize(ctx, { action: 'guardianVisibility.set', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  await ctx.trx.updateTable('person').set({ guardians_see_case: guardiansSeeCase, updated_at: ctx.services.clock.now() }).where('id', '=', personId).execute();
  return { guardiansSeeCase };
}
