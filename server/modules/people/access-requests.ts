// Access requests (tilgangsforespørsel): a professional who needs a person registered by someone
// else gives the full national id and a reason. They learn that the person exists and nothing
// more; the family decides on Min side (the relay holder is told), and a grant makes the requester
// involved. The request is in the family's access log from the moment it is made.
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { authorize, decideInRequest, familyDeciders, recordAccess, aboutPerson, subjectOf } from '../access/access.ts';
import { notify, notifyAll, type NotificationInput } from '../notifications/service.ts';
import type { AccessRequestInput } from './schema.ts';

export async function createAccessRequest(ctx: DataContext, input: AccessRequestInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'accessRequest.create', purpose: 'follow_up' });
  const person = await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name']).where('national_id', '=', input.nationalId).executeTakeFirst();
  // Not registered: the complement of "exists", which registering would tell anyway.
  if (!person) throw invalidField('nationalId', 'errors.accessRequestUnknown');
  const involved = await ctx.trx.selectFrom('involvement').select('id').where('person_id', '=', person.id).where('staff_user_id', '=', staff.staffUserId).where('ended_at', 'is', null).executeTakeFirst();
  if (involved) throw new AppError('CONFLICT', 'errors.accessRequestAlreadyInvolved');

  const created = await ctx.trx
    .insertInto('access_request')
    .values({ person_id: person.id, requested_by: staff.staffUserId, reason: input.reason })
    .onConflict((oc) => oc.columns(['person_id', 'requested_by']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!created) {
    // Asked before and still waiting: the same request, told to nobody twice.
    const waiting = await ctx.trx.selectFrom('access_request').select('id').where('person_id', '=', person.id).where('requested_by', '=', staff.staffUserId).where('status', '=', 'pending').executeTakeFirstOrThrow();
    return { id: waiting.id, status: 'pending' as const };
  }
  const entity = { type: 'access_request', id: created.id };
  recordAccess(ctx, { action: 'accessRequest.create', purpose: 'follow_up', subject: { kind: 'person', id: person.id }, entity }, 'asks_family');

  const unit = staff.serviceUnitId ? await ctx.trx.selectFrom('service_unit').select('name').where('id', '=', staff.serviceUnitId).executeTakeFirst() : undefined;
  const params = { requesterName: staff.displayName, unitName: unit?.name ?? '', childName: `${person.given_name} ${person.family_name}` };
  const family: NotificationInput[] = (await familyDeciders(ctx, person.id)).map((deciderId) => ({ recipient: { kind: 'citizen', personId: deciderId }, kind: 'accessRequest.received', subjectPersonId: person.id, params, link: '/min-side' }));
  const held = await ctx.trx.selectFrom('help_case').select('relay_holder_id').where('person_id', '=', person.id).where('closed_at', 'is', null).executeTakeFirst();
  const holder: NotificationInput[] = held?.relay_holder_id && held.relay_holder_id !== staff.staffUserId
    ? [{ recipient: { kind: 'staff', staffUserId: held.relay_holder_id }, kind: 'accessRequest.received', subjectPersonId: person.id, params, link: `/barn/${person.id}` }]
    : [];
  await notifyAll(ctx.trx, [...family, ...holder]);
  return { id: created.id, status: 'pending' as const };
}

/**
 * Staff: their own requests — the person is named only once access was granted. Citizen: the
 * waiting requests for the people they decide for (the same rule as answering).
 */
export async function listAccessRequests(ctx: DataContext) {
  const principal = ctx.principal!;
  const purpose = principal.kind === 'citizen' ? 'self_service' : 'follow_up';
  await authorize(ctx, { action: 'accessRequest.list', purpose });
  if (principal.kind === 'staff') {
    const rows = await ctx.trx
      .selectFrom('access_request as r')
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .select(['r.id', 'r.status', 'r.reason', 'r.created_at', 'r.answered_at', 'r.person_id', 'p.given_name', 'p.family_name'])
      .where('r.requested_by', '=', principal.staffUserId)
      .orderBy('r.created_at', 'desc')
      .limit(100)
      .execute();
    const requests = [];
    for (const r of rows) {
      const granted = r.status === 'granted';
      if (granted) recordAccess(ctx, { action: 'accessRequest.list', purpose, subject: { kind: 'person', id: r.person_id }, entity: { type: 'access_request', id: r.id } }, 'own_request_granted');
      requests.push({
        id: r.id, status: r.status, reason: r.reason, requestedAt: r.created_at, answeredAt: r.answered_at,
        person: granted ? { id: r.person_id, name: `${r.given_name} ${r.family_name}` } : null,
      });
    }
    return { requests };
  }
  const candidates = await ctx.trx
    .selectFrom('access_request as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('staff_user as s', 's.id', 'r.requested_by')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['r.id', 'r.status', 'r.reason', 'r.created_at', 'r.answered_at', 'r.person_id', 'p.given_name', 'p.family_name', 's.display_name', 'u.name as unit_name'])
    .where('r.status', '=', 'pending')
    .where((eb) => eb.or([
      eb('r.person_id', '=', principal.personId),
      eb('r.person_id', 'in', eb.selectFrom('guardianship').select('child_id').where('guardian_id', '=', principal.personId).where('parental_responsibility', '=', true)),
    ]))
    .orderBy('r.created_at')
    .execute();
  const requests = [];
  for (const r of candidates) {
    const decision = await decideInRequest(ctx, { action: 'accessRequest.answer', purpose, subject: { kind: 'person', id: r.person_id } });
    if (!decision.allowed) continue;
    recordAccess(ctx, { action: 'accessRequest.list', purpose, subject: { kind: 'person', id: r.person_id }, entity: { type: 'access_request', id: r.id } }, decision.reason);
    requests.push({
      id: r.id, status: r.status, reason: r.reason, requestedAt: r.created_at, personId: r.person_id, personName: `${r.given_name} ${r.family_name}`,
      requesterName: r.display_name, unitName: r.unit_name,
    });
  }
  return { requests };
}

/** The one who decides for the person grants (the requester becomes involved) or refuses. */
export async function answerAccessRequest(ctx: DataContext, requestId: string, answer: 'grant' | 'refuse') {
  const citizen = ctx.principal!;
  await authorize(ctx, {
    action: 'accessRequest.answer', purpose: 'consent', entity: { type: 'access_request', id: requestId },
    ...aboutPerson(await subjectOf(ctx, 'access_request', requestId)),
  });
  const answered = await ctx.trx
    .updateTable('access_request')
    .set({ status: answer === 'grant' ? 'granted' : 'refused', answered_at: ctx.services.clock.now(), answered_by_person_id: citizen.kind === 'citizen' ? citizen.personId : null })
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .returning(['person_id', 'requested_by', 'reason'])
    .executeTakeFirst();
  if (!answered) throw new AppError('CONFLICT', 'errors.accessRequestAlreadyAnswered');
  if (answer === 'grant') {
    await ctx.trx.insertInto('involvement').values({ person_id: answered.person_id, staff_user_id: answered.requested_by, kind: 'granted_by_family' }).execute();
    const person = await ctx.trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', answered.person_id).executeTakeFirstOrThrow();
    await notify(ctx.trx, {
      recipient: { kind: 'staff', staffUserId: answered.requested_by }, kind: 'accessRequest.granted', subjectPersonId: answered.person_id,
      params: { childName: `${person.given_name} ${person.family_name}` }, link: `/barn/${answered.person_id}`,
    });
  } else {
    // A refusal names nobody: the requester learns no more than before.
    await notify(ctx.trx, {
      recipient: { kind: 'staff', staffUserId: answered.requested_by }, kind: 'accessRequest.refused',
      params: { reason: answered.reason.length > 80 ? `${answered.reason.slice(0, 79)}…` : answered.reason }, link: '/barn',
    });
  }
  return { status: answer === 'grant' ? 'granted' : 'refused' };
}
