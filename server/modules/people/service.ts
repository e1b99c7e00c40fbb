// People: children and youth, pregnant women and their guardians. Registering a person makes the
// professional involved (as registrant), which is what lets them see the person afterwards.
import { randomUUID } from 'node:crypto';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { invalid, invalidField, notFound } from '../../infra/http/errors.ts';
import { sql } from 'kysely';
import { AccessDenied, abilitiesOf, authorize, may, recordAccess } from '../access/access.ts';
import { loadConsentSettings } from '../consent/queries.ts';
import { readPeople } from '../access/person-reads.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { ageOn, osloDate, subtractYears } from '../../../common/dates.ts';
import { AGE_OF_MAJORITY } from '../../../common/consent.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { notify } from '../notifications/service.ts';
import { birthDateOf, futureBirthDates, type RegisterPersonInput } from './schema.ts';
import type { Reader } from '../../../common/contracts/people.ts';

/** A guardian must be old enough to be one: 15 years today, and born 12 years before the child. */
const GUARDIAN_MIN_AGE = 15;
const GUARDIAN_MIN_AGE_AT_BIRTH = 12;

function checkGuardians(input: RegisterPersonInput, today: string): void {
  const childBirth = birthDateOf(input)!;
  const seen = new Set<string>();
  input.guardians.forEach((guardian, index) => {
    const field = `guardians.${index}.${guardian.nationalId ? 'nationalId' : 'birthDate'}`;
    if (guardian.nationalId && guardian.nationalId === input.nationalId) throw invalidField(`guardians.${index}.nationalId`, 'errors.guardianIsChild');
    if (guardian.nationalId && seen.has(guardian.nationalId)) throw invalidField(`guardians.${index}.nationalId`, 'errors.guardianDuplicate');
    if (guardian.nationalId) seen.add(guardian.nationalId);
    const birth = birthDateOf(guardian)!;
    if (ageOn(birth, today) < GUARDIAN_MIN_AGE || ageOn(birth, childBirth) < GUARDIAN_MIN_AGE_AT_BIRTH) {
      throw invalidField(field, 'errors.guardianTooYoung', { minAge: GUARDIAN_MIN_AGE, years: GUARDIAN_MIN_AGE_AT_BIRTH });
    }
  });
}

/**
 * Registers a child or pregnant woman. The guardians the professional names are *claims*: stored as
 * typed, never linked to or compared with an existing person's record, and they open nothing until
 * the guardian confirms on Min side or the population register does (relations.ts). So the answer
 * is the same whoever the named national id belongs to. Registering someone already in Sammen
 * tells only that they exist; access to them is asked of the family (access-requests.ts).
 */
export async function registerPerson(ctx: DataContext, input: RegisterPersonInput) {
  const staff = requireStaff(ctx);
  const id = randomUUID();
  await authorize(ctx, { action: 'person.create', purpose: 'registration', subject: { kind: 'person', id } });
  const today = osloDate(ctx.services.clock.now());
  const unborn = futureBirthDates(input, today);
  if (unborn.length) throw invalid(...unborn);
  checkGuardians(input, today);
  if (input.nationalId) {
    const existing = await ctx.trx.selectFrom('person').select('id').where('national_id', '=', input.nationalId).executeTakeFirst();
    if (existing) throw personExists(existing.id);
  }
  const inserted = await ctx.trx
    .insertInto('person')
    .values({
      id, municipality_id: staff.municipalityId, national_id: input.nationalId ?? null, given_name: input.givenName,
      family_name: input.familyName, birth_date: birthDateOf(input)!, kind: input.kind,
      expected_birth_date: input.expectedBirthDate ?? null, area: input.area ?? null, address: input.address ?? null,
      created_by: staff.staffUserId,
    })
    // A registration of the same person at the same moment lost the race: it exists now.
    .onConflict((oc) => oc.column('national_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await ctx.trx.selectFrom('person').select('id').where('national_id', '=', input.nationalId!).executeTakeFirstOrThrow();
    throw personExists(existing.id);
  }

  for (const guardian of input.guardians) {
    const claim = await ctx.trx
      .insertInto('relation_claim')
      .values({
        child_id: id, national_id: guardian.nationalId ?? null, given_name: guardian.givenName, family_name: guardian.familyName,
        birth_date: birthDateOf(guardian)!, email: guardian.email ?? null, phone: guardian.phone ?? null, relation: guardian.relation,
        parental_responsibility: guardian.parentalResponsibility, lives_with_child: guardian.livesWithChild, claimed_by: staff.staffUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (guardian.nationalId) await prepareNamedGuardian(ctx, staff.municipalityId, guardian, claim.id);
  }
  await ctx.trx.insertInto('involvement').values({ person_id: id, staff_user_id: staff.staffUserId, kind: 'registrant' }).execute();
  return { id };
}

/**
 * The named guardian must be able to sign in and confirm: someone Sammen does not know yet gets a
 * person record from what the professional typed; an existing record is left exactly as it is.
 * Either way the named person is told, and the naming is in their access log.
 */
async function prepareNamedGuardian(ctx: DataContext, municipalityId: string, guardian: RegisterPersonInput['guardians'][number], claimId: string) {
  await ctx.trx
    .insertInto('person')
    .values({
      municipality_id: municipalityId, national_id: guardian.nationalId!, given_name: guardian.givenName, family_name: guardian.familyName,
      birth_date: birthDateOf(guardian)!, kind: 'adult', email: guardian.email ?? null, phone: guardian.phone ?? null,
      created_by: requireStaff(ctx).staffUserId,
    })
    .onConflict((oc) => oc.column('national_id').doNothing())
    .execute();
  const named = await ctx.trx.selectFrom('person').select('id').where('national_id', '=', guardian.nationalId!).executeTakeFirstOrThrow();
  const staff = requireStaff(ctx);
  // Written to the named person's log (not an access to their record, which stays unread).
  await writeAudit(ctx.trx, {
    principal: ctx.principal, action: 'relation.claim', purpose: 'registration', outcome: 'allowed', reason: 'named_as_guardian_unconfirmed',
    subject: { kind: 'person', id: named.id }, entity: { type: 'relation_claim', id: claimId }, requestId: ctx.requestId,
  });
  const unit = staff.serviceUnitId ? await ctx.trx.selectFrom('service_unit').select('name').where('id', '=', staff.serviceUnitId).executeTakeFirst() : undefined;
  await notify(ctx.trx, {
    recipient: { kind: 'citizen', personId: named.id }, kind: 'relation.toConfirm',
    params: { staffName: staff.displayName, unitName: unit?.name ?? '' }, link: '/min-side',
  });
}

export function personExists(existingId: string): AccessDenied {
  // Recorded for the auditor as a refused registration of that person; the registrant is told only
  // that the person exists, with no id, name or anything else.
  return new AccessDenied(
    { action: 'person.create', purpose: 'registration', subject: { kind: 'person', id: existingId } },
    'person_exists',
    { code: 'PERSON_EXISTS', messageKey: 'errors.personExists', fields: [{ field: 'nationalId', messageKey: 'errors.personExistsField' }] },
  );
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

async function decisionAgesOf(ctx: DataContext, personId: string) {
  const { municipality_id: municipalityId } = await ctx.trx.selectFrom('person').select('municipality_id').where('id', '=', personId).executeTakeFirstOrThrow();
  const settings = await loadConsentSettings(ctx.trx, municipalityId);
  return { general: settings.consentAge, childWelfare: settings.consentAgeChildWelfare };
}

/** A citizen reads either themself or (authorized before this is asked) a child they are guardian of. */
function readerOf(ctx: DataContext, personId: string): Reader {
  return ctx.principal?.kind === 'citizen' && ctx.principal.personId === personId ? 'self' : 'guardian';
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
    recordAccess(ctx, { action: 'person.read', purpose, subject: { kind: 'person', id: g.id } }, 'guardian_of_read_person');
  }
  // Relations entered by hand and not confirmed: only what the professional typed, for staff.
  const unconfirmed = ctx.principal?.kind === 'staff'
    ? await ctx.trx
      .selectFrom('relation_claim')
      .select(['id', 'given_name', 'family_name', 'birth_date', 'relation', 'parental_responsibility', 'lives_with_child', 'email', 'phone', 'status'])
      .where('child_id', '=', id)
      .where('status', '<>', 'confirmed')
      .orderBy('created_at')
      .execute()
    : [];
  // What the signed-in citizen may decide and see here, by the rules of the routes that do it, so
  // Min side asks for no section it would be refused (a 15-year-old's case is her guardians' to see).
  const subject = { kind: 'person' as const, id };
  const citizen = ctx.principal?.kind === 'citizen'
    ? {
      reader: readerOf(ctx, id),
      decides: await may(ctx, { action: 'consent.give', purpose, subject: { kind: 'person', id } }),
      setsGuardianVisibility: await may(ctx, { action: 'guardianVisibility.set', purpose, subject: { kind: 'person', id } }),
      ...await ctx.trx.selectFrom('person').select(['guardians_see_case as guardiansSeeCase', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
      abilities: await abilitiesOf(ctx, { purpose, subject }, {
        readCase: 'caseStatus.read', readConsents: 'consent.read', askTeam: 'teamRequest.create', readReports: 'cwReport.familyView', readAccessLog: 'accessLog.read', readPlan: 'planStatus.read',
      }),
      // For a child: the ages from which they decide alone, for the page to say why it shows what it shows.
      decisionAges: row.kind === 'child' ? await decisionAgesOf(ctx, id) : null,
    }
    : null;
  return {
    ...present(row),
    guardians: guardians.map((g) => ({ ...present(g), relation: g.relation, parentalResponsibility: g.parental_responsibility, livesWithChild: g.lives_with_child })),
    unconfirmedRelations: unconfirmed.map((c) => ({
      id: c.id, givenName: c.given_name, familyName: c.family_name, birthDate: c.birth_date, relation: c.relation,
      parentalResponsibility: c.parental_responsibility, livesWithChild: c.lives_with_child, email: c.email, phone: c.phone,
      // Refused by the person or contradicted by the register: the same word, so neither is revealed.
      status: c.status === 'unconfirmed' ? 'unconfirmed' : 'rejected',
    })),
    citizen,
  };
}

/**
 * The people this user may see in a list: for staff those they are involved with, by name, a page
 * at a time; for a citizen themself and their children (a family is never long).
 */
export async function listMyPeople(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'person.list', purpose });
  const principal = ctx.principal!;
  let rows: PersonRow[];
  let more: { hasMore: boolean; nextCursor: string | null } = { hasMore: false, nextCursor: null };
  if (principal.kind === 'staff') {
    let query = ctx.trx
      .selectFrom('person')
      .select(personColumns)
      .where('person.id', 'in', (eb) => eb.selectFrom('involvement').select('person_id').where('staff_user_id', '=', principal.staffUserId).where('ended_at', 'is', null));
    if (after) query = query.where(sql<boolean>`(person.family_name, person.given_name, person.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
    const found = await query.orderBy('person.family_name').orderBy('person.given_name').orderBy('person.id').limit(PAGE_SIZE + 1).execute();
    const { items, ...rest } = toPage(found, (r) => [r.family_name, r.given_name, r.id]);
    rows = items;
    more = rest;
  } else {
    // One array of ids, so the person table is read by its primary key (an OR with a sub-select
    // would scan every person in the country).
    rows = await ctx.trx
      .selectFrom('person')
      .select(personColumns)
      // Children who have come of age are no longer the guardian's to see (citizenRelation).
      .where(sql<boolean>`person.id = ANY(array_append(ARRAY(SELECT g.child_id FROM guardianship g JOIN person c ON c.id = g.child_id
        WHERE g.guardian_id = ${principal.personId} AND g.parental_responsibility AND c.birth_date > ${subtractYears(osloDate(ctx.services.clock.now()), AGE_OF_MAJORITY)}::date), ${principal.personId}::uuid))`)
      .orderBy('person.birth_date')
      .orderBy('person.id')
      .execute();
  }
  readPeople(ctx, rows.map((r) => r.id), { action: 'person.list', purpose, reason: 'listed' });
  return { people: rows.map((r) => ({ ...present(r), reader: principal.kind === 'citizen' ? readerOf(ctx, r.id) : null })), ...more };
}

/** A youth at or over the consent age decides whether guardians see their case. */
export async function setGuardianVisibility(ctx: DataContext, personId: string, guardiansSeeCase: boolean) {
  await authorize(ctx, { action: 'guardianVisibility.set', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  const current = await ctx.trx.selectFrom('person').select('version').where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
  checkVersion(ctx, current.version);
  const row = await ctx.trx.updateTable('person').set({ guardians_see_case: guardiansSeeCase, version: current.version + 1, updated_at: ctx.services.clock.now() })
    .where('id', '=', personId).returning('version').executeTakeFirstOrThrow();
  return { guardiansSeeCase, version: row.version };
}
