// Requests for an individual plan (individuell plan) or a coordinator, Koordinerende enhet's queue and
// decision, and the coordinator's appointment, which the appointed staff user accepts or declines
// like the baton. The plan itself is in plan.ts.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { daysBetween, osloDate } from '../../../common/dates.ts';
import { CASE_WORK_ROLES } from '../../../common/roles.ts';
import { abilitiesOf, aboutPerson, authorize, familyDeciders, parentsOf, subjectOf } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import type { Purpose } from '../access/actions.ts';
import { notify, notifyAll, type NotificationInput } from '../notifications/service.ts';
import { involve } from '../cases/queries.ts';
import { recordChange } from './queries.ts';
import type { DecisionInput, PlanRequestInput } from './schema.ts';
import { planContent } from './plan.ts';

export const PLAN_LINK = (personId: string) => `/barn/${personId}/plan`;
const FAMILY_LINK = '/min-side';
const QUEUE_LINK = '/koordinerende-enhet';

const purposeOf = (ctx: DataContext): Purpose => (ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up');

/** The family (or a professional with the family's consent) asks; the request waits in Koordinerende enhet's queue. */
export async function createRequest(ctx: DataContext, personId: string, input: PlanRequestInput) {
  await authorize(ctx, { action: 'planRequest.create', purpose: purposeOf(ctx), subject: { kind: 'person', id: personId } });
  const person = await ctx.trx.selectFrom('person').select(['municipality_id']).where('id', '=', personId).executeTakeFirstOrThrow();
  const open = await ctx.trx.selectFrom('plan_request').select('id').where('person_id', '=', personId).where('decision', 'is', null).executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'plans.err.requestOpen');
  const by = ctx.principal!.kind === 'citizen' ? { requested_by_person_id: ctx.principal!.personId } : { requested_by_staff_id: requireStaff(ctx).staffUserId };
  const row = await ctx.trx.insertInto('plan_request').values({
    municipality_id: person.municipality_id, person_id: personId, kind: input.kind, reason: input.reason, requested_at: ctx.services.clock.now(), ...by,
  }).returning('id').executeTakeFirstOrThrow();
  // Everyone in the unit sees the new request; the notice names no one.
  const unitStaff = await ctx.trx.selectFrom('staff_user as s').innerJoin('staff_role as r', 'r.staff_user_id', 's.id').select('s.id')
    .where('s.municipality_id', '=', person.municipality_id).where('s.active', '=', true).where('r.role', '=', 'coordinating_unit').execute();
  await notifyAll(ctx.trx, unitStaff.map((s): NotificationInput => ({ recipient: { kind: 'staff', staffUserId: s.id }, kind: 'planRequest.received', params: {}, link: QUEUE_LINK, dedupeKey: `planRequest.received:${row.id}:${s.id}` })));
  return { id: row.id };
}

function requestsOf(trx: Tx) {
  return trx.selectFrom('plan_request as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('person as rp', 'rp.id', 'r.requested_by_person_id')
    .leftJoin('staff_user as rs', 'rs.id', 'r.requested_by_staff_id')
    .leftJoin('staff_user as ds', 'ds.id', 'r.decided_by')
    .select([
      'r.id', 'r.version', 'r.kind', 'r.reason', 'r.requested_at', 'r.decision', 'r.decision_reason', 'r.decided_at', 'r.person_id', 'r.municipality_id',
      'r.requested_by_person_id', 'r.requested_by_staff_id',
      'p.given_name', 'p.family_name', 'p.birth_date', 'rp.given_name as rp_given', 'rp.family_name as rp_family', 'rs.display_name as rs_name', 'ds.display_name as decided_by_name',
    ]);
}
type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsOf>['executeTakeFirstOrThrow']>>;

function requestSummary(r: RequestRow, now: Date) {
  const until = r.decided_at ? osloDate(r.decided_at) : osloDate(now);
  return {
    id: r.id, version: r.version, kind: r.kind, reason: r.reason, requestedAt: r.requested_at,
    person: { id: r.person_id, name: `${r.given_name} ${r.family_name}`, birthDate: r.birth_date },
    requestedBy: r.requested_by_person_id ? 'family' as const : 'professional' as const,
    requesterName: r.requested_by_person_id ? `${r.rp_given} ${r.rp_family}` : r.rs_name ?? '',
    waitingDays: daysBetween(osloDate(r.requested_at), until),
    decision: r.decision, decidedAt: r.decided_at,
  };
}

/** Koordinerende enhet's queue: undecided requests, the longest waiting first; or the decided ones, newest first. */
export async function queue(ctx: DataContext, view: 'open' | 'decided') {
  await authorize(ctx, { action: 'planRequestQueue.read', purpose: 'administration' });
  const me = requireStaff(ctx);
  let query = requestsOf(ctx.trx).where('r.municipality_id', '=', me.municipalityId);
  query = view === 'open'
    ? query.where('r.decision', 'is', null).orderBy('r.requested_at').orderBy('r.id')
    : query.where('r.decision', 'is not', null).orderBy('r.decided_at', 'desc').orderBy('r.id');
  const rows = await query.limit(500).execute();
  readPeople(ctx, rows.flatMap((r) => [r.person_id, r.requested_by_person_id]), { action: 'planRequestQueue.read', purpose: 'administration', reason: 'plan_request_in_queue' });
  const now = ctx.services.clock.now();
  return { items: rows.map((r) => requestSummary(r, now)) };
}

/** Staff involved with the person now, in case work: whom Koordinerende enhet may appoint. */
async function candidates(trx: Tx, personId: string) {
  return trx.selectFrom('involvement as i').innerJoin('staff_user as s', 's.id', 'i.staff_user_id').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.title', 'u.name as unit_name'])
    .where('i.person_id', '=', personId).where('i.ended_at', 'is', null).where('s.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)))
    .distinct().orderBy('s.display_name').execute();
}

async function loadRequest(ctx: DataContext, requestId: string) {
  await authorize(ctx, { action: 'planRequest.decide', purpose: 'administration', entity: { type: 'plan_request', id: requestId }, ...aboutPerson(await subjectOf(ctx, 'plan_request', requestId)) });
  const r = await requestsOf(ctx.trx).where('r.id', '=', requestId).executeTakeFirstOrThrow();
  readPeople(ctx, [r.requested_by_person_id], { action: 'planRequest.decide', purpose: 'administration', reason: 'requester', entity: { type: 'plan_request', id: requestId } });
  return r;
}

export async function getRequest(ctx: DataContext, requestId: string) {
  const r = await loadRequest(ctx, requestId);
  const staff = await candidates(ctx.trx, r.person_id);
  return {
    ...requestSummary(r, ctx.services.clock.now()), decisionReason: r.decision_reason, decidedBy: r.decided_by_name,
    candidates: staff.map((s) => ({ id: s.id, name: s.display_name, title: s.title, unitName: s.unit_name })),
  };
}

/** Grants or refuses with the reason; a grant appoints the coordinator, who must accept. The family is told either way. */
export async function decide(ctx: DataContext, requestId: string, input: DecisionInput) {
  const me = requireStaff(ctx);
  const r = await loadRequest(ctx, requestId);
  checkVersion(ctx, r.version);
  if (r.decision) throw new AppError('CONFLICT', 'plans.err.decided');
  if (input.decision === 'granted' && !input.coordinatorStaffId) throw invalidField('coordinatorStaffId', 'plans.err.coordinatorRequired');
  const now = ctx.services.clock.now();
  const updated = await ctx.trx.updateTable('plan_request')
    .set({ decision: input.decision, decision_reason: input.reason, decided_by: me.staffUserId, decided_at: now, version: r.version + 1 })
    .where('id', '=', requestId).where('version', '=', r.version).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'errors.conflict');
  if (input.decision === 'granted') {
    await appointCoordinator(ctx, r.person_id, input.coordinatorStaffId!, { requestId, childCoordinator: r.kind === 'child_coordinator', reason: null });
  }
  const kind = input.decision === 'granted' ? 'planRequest.granted' : 'planRequest.refused';
  const family: NotificationInput[] = (await familyDeciders(ctx, r.person_id)).map((personId) => ({ recipient: { kind: 'citizen', personId }, kind, subjectPersonId: r.person_id, params: {}, link: FAMILY_LINK, dedupeKey: `${kind}:${requestId}:${personId}` }));
  const asker: NotificationInput[] = r.requested_by_staff_id
    ? [{ recipient: { kind: 'staff', staffUserId: r.requested_by_staff_id }, kind, subjectPersonId: r.person_id, params: {}, link: PLAN_LINK(r.person_id), dedupeKey: `${kind}:${requestId}:staff` }]
    : [];
  await notifyAll(ctx.trx, [...family, ...asker]);
  return getRequest(ctx, requestId);
}

/** The appointment waits for the coordinator's answer; an earlier unanswered one lapses. */
async function appointCoordinator(ctx: DataContext, personId: string, staffUserId: string, options: { requestId: string | null; childCoordinator: boolean; reason: string | null }) {
  const me = requireStaff(ctx);
  if (!(await candidates(ctx.trx, personId)).some((s) => s.id === staffUserId)) throw invalidField(options.requestId ? 'coordinatorStaffId' : 'staffUserId', 'plans.err.notInvolved');
  const current = await ctx.trx.selectFrom('coordinator_assignment').select('staff_user_id').where('person_id', '=', personId).where('status', '=', 'accepted').executeTakeFirst();
  if (current?.staff_user_id === staffUserId) throw invalidField(options.requestId ? 'coordinatorStaffId' : 'staffUserId', 'plans.err.alreadyCoordinator');
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('coordinator_assignment').set({ status: 'cancelled', answered_at: now }).where('person_id', '=', personId).where('status', '=', 'pending').execute();
  const row = await ctx.trx.insertInto('coordinator_assignment').values({
    person_id: personId, request_id: options.requestId, staff_user_id: staffUserId, child_coordinator: options.childCoordinator,
    appointed_by: me.staffUserId, appointed_at: now, reason: options.reason,
  }).returning('id').executeTakeFirstOrThrow();
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId }, kind: 'coordinator.appointed', subjectPersonId: personId, params: {}, link: PLAN_LINK(personId), dedupeKey: `coordinator.appointed:${row.id}` });
  return row.id;
}

/** Koordinerende enhet appoints a coordinator, or a new one in place of the current, who stays until the new one accepts. */
export async function appoint(ctx: DataContext, personId: string, staffUserId: string, reason: string | undefined) {
  await authorize(ctx, { action: 'coordinator.appoint', purpose: 'administration', subject: { kind: 'person', id: personId } });
  const granted = await ctx.trx.selectFrom('plan_request').select(['id', 'kind']).where('person_id', '=', personId).where('decision', '=', 'granted').orderBy('decided_at', 'desc').executeTakeFirst();
  if (!granted) throw new AppError('CONFLICT', 'plans.err.notGranted');
  const id = await appointCoordinator(ctx, personId, staffUserId, { requestId: granted.id, childCoordinator: granted.kind === 'child_coordinator', reason: reason ?? null });
  return { id };
}

/** The appointed staff user accepts (and becomes the coordinator, replacing any before) or declines. */
export async function answer(ctx: DataContext, assignmentId: string, accept: boolean) {
  const me = requireStaff(ctx);
  await authorize(ctx, { action: 'coordinator.answer', purpose: 'follow_up', entity: { type: 'coordinator_assignment', id: assignmentId }, ...aboutPerson(await subjectOf(ctx, 'coordinator_assignment', assignmentId)) });
  const a = (await ctx.trx.selectFrom('coordinator_assignment').selectAll().where('id', '=', assignmentId).forUpdate().executeTakeFirst())!;
  if (a.status !== 'pending') throw new AppError('CONFLICT', 'plans.err.answered');
  const now = ctx.services.clock.now();
  if (accept) {
    const before = await ctx.trx.updateTable('coordinator_assignment').set({ status: 'ended', ended_at: now })
      .where('person_id', '=', a.person_id).where('status', '=', 'accepted').returning('staff_user_id').execute();
    for (const b of before) {
      await ctx.trx.updateTable('involvement').set({ ended_at: now }).where('person_id', '=', a.person_id).where('staff_user_id', '=', b.staff_user_id).where('kind', '=', 'coordinator').where('ended_at', 'is', null).execute();
    }
    await ctx.trx.updateTable('coordinator_assignment').set({ status: 'accepted', answered_at: now }).where('id', '=', assignmentId).execute();
    await involve(ctx.trx, a.person_id, me.staffUserId, 'coordinator');
    const plan = await ctx.trx.selectFrom('individual_plan').select(['id', 'version']).where('person_id', '=', a.person_id).where('status', '=', 'active').executeTakeFirst();
    if (plan) await recordChange(ctx.trx, plan, 'coordinator_changed', { by_staff_id: me.staffUserId }, now);
    await notifyAll(ctx.trx, (await familyDeciders(ctx, a.person_id)).map((personId): NotificationInput => (
      { recipient: { kind: 'citizen', personId }, kind: 'coordinator.accepted', subjectPersonId: a.person_id, params: { name: me.displayName }, link: FAMILY_LINK, dedupeKey: `coordinator.accepted:${assignmentId}:${personId}` })));
  } else {
    await ctx.trx.updateTable('coordinator_assignment').set({ status: 'declined', answered_at: now }).where('id', '=', assignmentId).execute();
  }
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: a.appointed_by }, kind: 'coordinator.answered', subjectPersonId: a.person_id, params: { name: me.displayName }, link: QUEUE_LINK, dedupeKey: `coordinator.answered:${assignmentId}` });
  return { status: accept ? 'accepted' : 'declined' };
}

const staffShape = (s: { id: string; display_name: string; title: string | null; unit_name: string | null }) => ({ id: s.id, name: s.display_name, title: s.title, unitName: s.unit_name });

/** Whom the coordinator may invite from the family to the plan's meetings: guardians with parental responsibility and the child. */
async function meetingFamily(ctx: DataContext, personId: string) {
  const rows = await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name'])
    .where('id', 'in', [personId, ...(await parentsOf(ctx, personId))]).orderBy('given_name').orderBy('id').execute();
  readPeople(ctx, rows.map((r) => r.id), { action: 'planMeeting.schedule', purpose: 'follow_up', reason: 'meeting_candidate' });
  return rows.map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}`, role: r.id === personId ? 'youth' as const : 'guardian' as const }));
}

/** The person's requests and decisions, the coordinator and how to reach them, and the plan when the reader may see it. */
export async function personPlan(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'planStatus.read', purpose: purposeOf(ctx), subject: { kind: 'person', id: personId } });
  const person = await ctx.trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  const [requests, assignments, plan] = await Promise.all([
    ctx.trx.selectFrom('plan_request').select(['id', 'kind', 'reason', 'requested_at', 'decision', 'decision_reason', 'decided_at']).where('person_id', '=', personId).orderBy('requested_at', 'desc').execute(),
    ctx.trx.selectFrom('coordinator_assignment as a').innerJoin('staff_user as s', 's.id', 'a.staff_user_id').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
      .select(['a.id', 'a.status', 'a.answered_at', 'a.child_coordinator', 's.id as staff_id', 's.display_name', 's.title', 's.email', 's.phone', 'u.name as unit_name'])
      .where('a.person_id', '=', personId).where('a.status', 'in', ['accepted', 'pending']).execute(),
    ctx.trx.selectFrom('individual_plan').select(['id']).where('person_id', '=', personId).where('status', '=', 'active').executeTakeFirst(),
  ]);
  const on = { purpose: purposeOf(ctx), subject: { kind: 'person' as const, id: personId } };
  const abilities = await abilitiesOf(ctx, on, { request: 'planRequest.create', appoint: 'coordinator.appoint', createPlan: 'plan.create', write: 'plan.write', familyWrite: 'plan.familyWrite', scheduleMeeting: 'planMeeting.schedule' });
  const current = assignments.find((a) => a.status === 'accepted');
  const pending = assignments.find((a) => a.status === 'pending');
  const me = ctx.principal?.kind === 'staff' ? ctx.principal.staffUserId : null;
  let content = null;
  let planHidden = false;
  if (plan) {
    content = await planContent(ctx, plan.id, personId);
    planHidden = content === null;
  }
  return {
    person: { id: personId, name: `${person.given_name} ${person.family_name}` },
    requests: requests.map((r) => ({ id: r.id, kind: r.kind, reason: r.reason, requestedAt: r.requested_at, decision: r.decision, decisionReason: r.decision_reason, decidedAt: r.decided_at })),
    coordinator: current ? { ...staffShape({ ...current, id: current.staff_id }), email: current.email, phone: current.phone, since: current.answered_at!, childCoordinator: current.child_coordinator } : null,
    pendingAppointment: pending ? { id: pending.id, coordinator: staffShape({ ...pending, id: pending.staff_id }), mine: pending.staff_id === me } : null,
    plan: content, planHidden,
    involvedStaff: abilities.write || abilities.appoint ? (await candidates(ctx.trx, personId)).map(staffShape) : [],
    family: plan && abilities.scheduleMeeting ? await meetingFamily(ctx, personId) : [],
    // Nothing to ask for while a request waits or a plan is in force.
    abilities: { ...abilities, request: abilities.request && !requests.some((r) => r.decision === null) && !plan },
  };
}
