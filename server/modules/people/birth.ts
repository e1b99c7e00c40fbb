// A birth registered from the mother's record (issue 17). The midwife or health nurse who follows
// the pregnant woman registers the newborn from her page: the child is linked to her at once with
// parental responsibility (the woman who gives birth is the mother, barneloven § 2), her record
// stops being a pregnancy, and no second record of her is made. With her consent the pregnancy's
// relay log continues as the child's, under consents she gives for the child with the same purposes
// and recipients as her own; without it the pregnancy's case is closed and kept as hers.
import { randomUUID } from 'node:crypto';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { addDays, osloDate } from '../../../common/dates.ts';
import { authorize } from '../access/access.ts';
import { consentState } from '../consent/rules.ts';
import { involve, loadOpenCase } from '../cases/queries.ts';
import { retentionDate } from '../cases/baton.ts';
import { birthDateOf, type RegisterBirthInput } from './schema.ts';
import { personExists } from './service.ts';

/** A birth is registered from the pregnancy it ends: no earlier than this many days before the due date. */
const EARLIEST_BIRTH_BEFORE_TERM_DAYS = 140;

export async function registerBirth(ctx: DataContext, motherId: string, input: RegisterBirthInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'birth.register', purpose: 'registration', subject: { kind: 'person', id: motherId } });
  // Locked, so two registrations of the same birth cannot both see a pregnancy.
  const mother = await ctx.trx.selectFrom('person').select(['id', 'kind', 'expected_birth_date', 'municipality_id', 'family_name', 'area', 'address'])
    .where('id', '=', motherId).forUpdate().executeTakeFirstOrThrow();
  if (mother.kind !== 'pregnant' || !mother.expected_birth_date) throw new AppError('CONFLICT', 'paths.err.birthAlreadyRegistered');
  const now = ctx.services.clock.now();
  const today = osloDate(now);
  const birthDate = birthDateOf(input)!;
  if (birthDate > today) throw invalidField('birthDate', 'errors.birthDateInFuture');
  if (birthDate < addDays(mother.expected_birth_date, -EARLIEST_BIRTH_BEFORE_TERM_DAYS)) throw invalidField('birthDate', 'paths.err.birthBeforePregnancy');

  const helpCase = await loadOpenCase(ctx.trx, motherId);
  const consents = input.continueLog ? await consentsToCarry(ctx, motherId, now) : [];
  if (input.continueLog && !helpCase) throw invalidField('continueLog', 'paths.err.birthNoLogToContinue');
  if (input.continueLog && consents.length === 0) throw invalidField('continueLog', 'paths.err.birthNoConsentToCarry');

  const childId = randomUUID();
  await authorize(ctx, { action: 'person.create', purpose: 'registration', subject: { kind: 'person', id: childId } });
  if (input.nationalId) {
    const existing = await ctx.trx.selectFrom('person').select('id').where('national_id', '=', input.nationalId).executeTakeFirst();
    if (existing) throw personExists(existing.id);
  }
  await ctx.trx.insertInto('person').values({
    id: childId, municipality_id: mother.municipality_id, national_id: input.nationalId ?? null, given_name: input.givenName,
    family_name: input.familyName, birth_date: birthDate, kind: 'child', area: mother.area, address: mother.address, created_by: staff.staffUserId,
  }).execute();
  await ctx.trx.insertInto('guardianship').values({ child_id: childId, guardian_id: motherId, relation: 'mother', parental_responsibility: true, lives_with_child: true }).execute();
  await ctx.trx.updateTable('person').set({ kind: 'adult', expected_birth_date: null, updated_at: now }).where('id', '=', motherId).execute();
  await involve(ctx.trx, childId, staff.staffUserId, 'registrant');

  if (helpCase && input.continueLog) {
    await ctx.trx.updateTable('help_case').set({ person_id: childId, version: helpCase.version + 1 }).where('id', '=', helpCase.id).execute();
    // Those who worked on the pregnancy's log work on the child's; the carried consents decide what they see.
    const involved = await ctx.trx.selectFrom('involvement').select(['staff_user_id', 'kind']).where('person_id', '=', motherId).where('ended_at', 'is', null).execute();
    for (const i of involved) await involve(ctx.trx, childId, i.staff_user_id, i.kind);
    for (const consent of consents) await carryConsent(ctx, consent, childId, motherId, today);
  } else if (helpCase) {
    await ctx.trx.updateTable('help_case').set({
      closed_at: now, closed_by_staff_id: staff.staffUserId, close_reason: 'birth', close_note: '', version: helpCase.version + 1,
      retain_until: await retentionDate(ctx.trx, helpCase.municipality_id, today),
    }).where('id', '=', helpCase.id).execute();
    await ctx.trx.updateTable('relay_handover').set({ status: 'cancelled', answered_at: now }).where('case_id', '=', helpCase.id).where('status', '=', 'pending').execute();
  }
  return { id: childId };
}

interface CarriedConsent {
  id: string;
  purposes: string[];
  categories: string[];
  validTo: string;
}

/** The mother's consents in force now: each is given again, by her, for the child. */
async function consentsToCarry(ctx: DataContext, motherId: string, now: Date): Promise<CarriedConsent[]> {
  const rows = await ctx.trx.selectFrom('consent').select(['id', 'purposes', 'categories', 'valid_from', 'valid_to', 'withdrawn_at', 'awaiting_person_ids'])
    .where('subject_id', '=', motherId).execute();
  return rows
    .filter((c) => consentState({ validFrom: c.valid_from, validTo: c.valid_to, withdrawnAt: c.withdrawn_at, awaitingSignature: c.awaiting_person_ids.length > 0 }, now) === 'active')
    .map((c) => ({ id: c.id, purposes: c.purposes, categories: c.categories, validTo: c.valid_to }));
}

async function carryConsent(ctx: DataContext, from: CarriedConsent, childId: string, motherId: string, today: string): Promise<void> {
  const staff = requireStaff(ctx);
  const text = await ctx.trx.selectFrom('consent_text').select('id').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const id = randomUUID();
  // Oral: the mother says yes to the midwife at the birth registration, who records it.
  await ctx.trx.insertInto('consent').values({
    id, subject_id: childId, consent_text_id: text.id, method: 'oral', purposes: from.purposes, categories: from.categories,
    valid_from: today, valid_to: from.validTo, child_view: null, recorded_by: staff.staffUserId,
  }).execute();
  await ctx.trx.insertInto('consent_giver').values({ consent_id: id, person_id: motherId, capacity: 'guardian' }).execute();
  const recipients = await ctx.trx.selectFrom('consent_recipient').select(['service_unit_id', 'unit_type_code']).where('consent_id', '=', from.id).execute();
  if (recipients.length) await ctx.trx.insertInto('consent_recipient').values(recipients.map((r) => ({ consent_id: id, ...r }))).execute();
}
