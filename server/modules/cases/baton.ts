// The baton (stafettpinnen): the relay holder offers it and the receiver answers, transitions
// between services are planned and completed, and the holder closes the case.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { addDays, osloDate } from '../../../common/dates.ts';
import { authorize, aboutPerson, subjectOf } from '../access/access.ts';
import { notify } from '../notifications/service.ts';
import { involve, loadCase, staffCoveredByConsent } from './queries.ts';
import { OWN_CONSENT_STAGES, STAGE_UNIT_TYPES, type Stage } from './transitions.ts';
import { loadConsentsForAccess } from '../consent/queries.ts';
import { consentCovers } from '../consent/rules.ts';

/** Into adult services only the young adult's own consent (to transfer or collaborate) lets the case go to the unit. */
async function requireOwnConsentFor(trx: Tx, now: Date, personId: string, unit: { id: string; type_code: string }): Promise<void> {
  const own = await loadConsentsForAccess(trx, personId, true);
  const target = { id: unit.id, typeCode: unit.type_code };
  if (!consentCovers(own, target, 'transition', now).covered && !consentCovers(own, target, 'collaboration', now).covered) {
    throw invalidField('toUnitId', 'youth.err.adultNeedsOwnConsent');
  }
}
import { personLink, loadPerson, authorizeCase, requireOpen } from './service.ts';
import { currentStage } from './status.ts';

export async function requestHandover(ctx: DataContext, caseId: string, input: { toStaffId: string; message?: string | undefined; transitionId?: string | undefined }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'case.hold');
  requireOpen(c);
  if (input.toStaffId === staff.staffUserId) throw invalidField('toStaffId', 'cases.err.handoverToSelf');
  let transitionUnitId: string | null = null;
  if (input.transitionId) {
    const t = await ctx.trx.selectFrom('transition as t').innerJoin('service_unit as u', 'u.id', 't.to_unit_id').select(['t.to_unit_id', 't.to_stage', 'u.type_code'])
      .where('t.id', '=', input.transitionId).where('t.case_id', '=', caseId).where('t.status', '=', 'planned').executeTakeFirst();
    if (!t) throw invalidField('transitionId', 'cases.err.unknownTransition');
    transitionUnitId = t.to_unit_id;
    // The young adult may have withdrawn their consent since the transition was planned.
    if (OWN_CONSENT_STAGES.includes(t.to_stage as Stage)) await requireOwnConsentFor(ctx.trx, ctx.services.clock.now(), c.person_id, { id: t.to_unit_id, type_code: t.type_code });
  }
  // The receiver must be somewhere the family's consent lets the log go: a recipient for
  // collaboration, or the receiving unit of the transition under a transition consent.
  const eligible = transitionUnitId
    ? await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration', 'transition'], transitionUnitId)
    : await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  const receiver = eligible.find((s) => s.id === input.toStaffId);
  if (!receiver) throw invalidField('toStaffId', 'cases.err.handoverNotRecipient');
  const pending = await ctx.trx.selectFrom('relay_handover').select(['id', 'to_staff_id', 'transition_id']).where('case_id', '=', caseId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) {
    // An offer the family's consent no longer lets its receiver answer (the access module refuses
    // them) would block the baton for good: it lapses, and the holder may offer it anew.
    const planned = pending.transition_id ? await ctx.trx.selectFrom('transition').select('to_unit_id').where('id', '=', pending.transition_id).executeTakeFirst() : undefined;
    const stillCovered = planned
      ? await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration', 'transition'], planned.to_unit_id)
      : await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
    if (stillCovered.some((s) => s.id === pending.to_staff_id)) throw new AppError('CONFLICT', 'cases.err.handoverPending');
    await ctx.trx.updateTable('relay_handover').set({ status: 'cancelled', answered_at: ctx.services.clock.now() }).where('id', '=', pending.id).where('status', '=', 'pending').execute();
  }
  const row = await ctx.trx
    .insertInto('relay_handover')
    .values({ case_id: caseId, from_staff_id: c.relay_holder_id, to_staff_id: receiver.id, message: input.message ?? null, requested_by: staff.staffUserId, transition_id: input.transitionId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The receiver must be able to open the case to answer.
  await involve(ctx.trx, c.person_id, receiver.id, 'collaborator');
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: receiver.id }, kind: 'handover.requested', subjectPersonId: c.person_id, params: { fromName: staff.displayName, childName: c.child_name }, link: personLink(c.person_id), dedupeKey: `handover.requested:${row.id}` });
  return { id: row.id };
}

export async function answerHandover(ctx: DataContext, handoverId: string, accept: boolean, note: string | undefined) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handover.answer', purpose: 'follow_up', ...aboutPerson(await subjectOf(ctx, 'relay_handover', handoverId)), entity: { type: 'relay_handover', id: handoverId } });
  const h = (await ctx.trx.selectFrom('relay_handover').selectAll().where('id', '=', handoverId).forUpdate().executeTakeFirst())!;
  if (h.status !== 'pending') throw new AppError('CONFLICT', 'cases.err.handoverAnswered');
  const c = (await loadCase(ctx.trx, h.case_id))!;
  requireOpen(c);
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('relay_handover').set({ status: accept ? 'accepted' : 'declined', answered_at: now, answer_note: note ?? null }).where('id', '=', handoverId).execute();
  if (accept) {
    // The old holder keeps the baton until this moment; exactly one holder at any time.
    await ctx.trx.updateTable('help_case').set({ relay_holder_id: staff.staffUserId, version: c.version + 1 }).where('id', '=', c.id).execute();
    await ctx.trx.updateTable('involvement').set({ ended_at: now }).where('person_id', '=', c.person_id).where('staff_user_id', '=', h.from_staff_id).where('kind', '=', 'relay_holder').where('ended_at', 'is', null).execute();
    await involve(ctx.trx, c.person_id, staff.staffUserId, 'relay_holder');
    if (h.transition_id) await completeTransition(ctx.trx, h.transition_id, c.person_id, now);
  }
  await notify(ctx.trx, {
    recipient: { kind: 'staff', staffUserId: h.requested_by }, kind: 'handover.answered', subjectPersonId: c.person_id,
    params: { toName: staff.displayName, childName: c.child_name },
    link: personLink(c.person_id), dedupeKey: `handover.answered:${handoverId}`,
  });
  return { status: accept ? 'accepted' : 'declined' };
}

/**
 * The child has moved on: the sending stage's enrolments end, and staff of those units are no
 * longer involved, so the log goes with the child and not with the old service.
 */
async function completeTransition(trx: Tx, transitionId: string, personId: string, now: Date): Promise<void> {
  const t = (await trx.selectFrom('transition').selectAll().where('id', '=', transitionId).executeTakeFirst())!;
  await trx.updateTable('transition').set({ status: 'completed', completed_at: now }).where('id', '=', transitionId).execute();
  const fromTypes = [...STAGE_UNIT_TYPES[t.from_stage as Stage]];
  const leaving = await trx
    .selectFrom('enrolment as e')
    .innerJoin('service_unit as u', 'u.id', 'e.service_unit_id')
    .select(['e.id', 'e.service_unit_id', 'e.starts_on'])
    .where('e.person_id', '=', personId)
    .where('u.type_code', 'in', fromTypes)
    .where('e.ends_on', 'is', null)
    .execute();
  for (const e of leaving) {
    const lastDay = t.due_on > e.starts_on ? addDays(t.due_on, -1) : e.starts_on;
    await trx.updateTable('enrolment').set({ ends_on: lastDay }).where('id', '=', e.id).execute();
  }
  const unitIds = leaving.map((e) => e.service_unit_id).filter((id) => id !== t.to_unit_id);
  if (unitIds.length) {
    await trx.updateTable('involvement').set({ ended_at: now })
      .where('person_id', '=', personId).where('ended_at', 'is', null)
      .where('staff_user_id', 'in', (eb) => eb.selectFrom('staff_user').select('id').where('service_unit_id', 'in', unitIds))
      .execute();
  }
}

export async function planTransition(ctx: DataContext, caseId: string, input: { toUnitId: string; meetingAt?: string | undefined; meetingPlace?: string | undefined }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'case.hold');
  requireOpen(c);
  const person = (await loadPerson(ctx.trx, c.person_id))!;
  const { stage, proposal } = await currentStage(ctx.trx, person, osloDate(ctx.services.clock.now()));
  if (!proposal) throw invalidField('toUnitId', 'cases.err.noTransitionDue');
  const unit = await ctx.trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', input.toUnitId).where('municipality_id', '=', c.municipality_id).executeTakeFirst();
  if (!unit || !STAGE_UNIT_TYPES[proposal.toStage].includes(unit.type_code)) throw invalidField('toUnitId', 'cases.err.transitionWrongUnit');
  if (OWN_CONSENT_STAGES.includes(proposal.toStage)) await requireOwnConsentFor(ctx.trx, ctx.services.clock.now(), c.person_id, unit);
  if (input.meetingAt && new Date(input.meetingAt).getTime() < ctx.services.clock.now().getTime() - 86_400_000) throw invalidField('meetingAt', 'cases.err.meetingInPast');
  const planned = await ctx.trx.selectFrom('transition').select('id').where('case_id', '=', caseId).where('status', '=', 'planned').executeTakeFirst();
  if (planned) throw new AppError('CONFLICT', 'cases.err.transitionPlanned');
  const row = await ctx.trx
    .insertInto('transition')
    .values({
      case_id: caseId, from_stage: stage, to_stage: proposal.toStage, to_unit_id: unit.id, due_on: proposal.dueOn,
      meeting_at: input.meetingAt ?? null, meeting_place: input.meetingPlace ?? null, planned_by: staff.staffUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, fromStage: stage, toStage: proposal.toStage, dueOn: proposal.dueOn };
}

/** How long a case closed today is kept: the municipality's retention years from today. */
export async function retentionDate(trx: Tx, municipalityId: string, today: string): Promise<string> {
  const municipality = await trx.selectFrom('municipality').select('case_retention_years').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  return `${Number(today.slice(0, 4)) + municipality.case_retention_years}${today.slice(4)}`.replace('-02-29', '-02-28');
}

export async function closeCase(ctx: DataContext, caseId: string, input: { reason: 'goals_reached' | 'family_withdrew' | 'moved' | 'other'; note: string }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'case.hold');
  requireOpen(c);
  const retainUntil = await retentionDate(ctx.trx, c.municipality_id, osloDate(ctx.services.clock.now()));
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('help_case')
    .set({ closed_at: now, closed_by_staff_id: staff.staffUserId, close_reason: input.reason, close_note: input.note, retain_until: retainUntil, version: c.version + 1 })
    .where('id', '=', caseId).execute();
  await ctx.trx.updateTable('relay_handover').set({ status: 'cancelled', answered_at: now }).where('case_id', '=', caseId).where('status', '=', 'pending').execute();
  await ctx.trx.updateTable('transition').set({ status: 'cancelled' }).where('case_id', '=', caseId).where('status', '=', 'planned').execute();
  return { closedAt: now, retainUntil };
}
