// Level 2 of the collaboration model (samhandlingsmodellen, seed 002): a whole-family effort. It is
// asked for by a professional or the family, offered by the level-2 intake (Koordinerende enhet,
// decision 0028) to an effort leader (innsatsleder) who accepts it, calls in services and closes it
// with an evaluation. The effort links the parents and every child; it opens no child's case — the
// leader and the services called in are involved with each person, and each child's consents decide
// what of that child's log they see (case.read), exactly as for any other professional.
import { randomUUID } from 'node:crypto';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireCitizen, requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField, notFound } from '../../infra/http/errors.ts';
import { CASE_WORK_ROLES } from '../../../common/roles.ts';
import { AGE_OF_MAJORITY } from '../../../common/consent.ts';
import { osloDate, subtractYears } from '../../../common/dates.ts';
import { abilitiesOf, authorize, may, parentsOf } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { loadConsentsForAccess } from '../consent/queries.ts';
import { consentCovers } from '../consent/rules.ts';
import { involve } from '../cases/queries.ts';
import type { CloseEffortInput, RequestEffortInput } from './schema.ts';

const entityOf = (id: string) => ({ type: 'family_effort', id });

/** The family of a person: the parents with parental responsibility, and every child of theirs. */
async function familyOf(ctx: DataContext, personId: string): Promise<{ parents: string[]; children: string[] }> {
  const person = await ctx.trx.selectFrom('person').select(['id', 'kind']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound();
  const parents = person.kind === 'child' ? await parentsOf(ctx, personId) : [personId];
  const children = parents.length
    ? (await ctx.trx.selectFrom('guardianship as g').innerJoin('person as p', 'p.id', 'g.child_id').select('g.child_id')
      .where('g.guardian_id', 'in', parents).where('g.parental_responsibility', '=', true).where('p.kind', '=', 'child')
      // A child of 18 is no longer in their parents' care (AGE_OF_MAJORITY).
      .where('p.birth_date', '>', subtractYears(osloDate(ctx.services.clock.now()), AGE_OF_MAJORITY)).execute()).map((g) => g.child_id)
    : [];
  if (person.kind === 'child') children.push(personId);
  return { parents: [...new Set(parents)], children: [...new Set(children)] };
}

export async function requestEffort(ctx: DataContext, input: RequestEffortInput) {
  const id = randomUUID();
  const personId = input.personId ?? (ctx.principal?.kind === 'citizen' ? ctx.principal.personId : null);
  if (!personId) throw invalidField('personId', 'errors.required');
  await authorize(ctx, { action: 'familyEffort.request', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId }, entity: entityOf(id) });
  const municipality = await ctx.trx.selectFrom('person').select('municipality_id').where('id', '=', personId).executeTakeFirstOrThrow();
  const { parents, children } = await familyOf(ctx, personId);
  const members = [...parents, ...children];
  const open = await ctx.trx.selectFrom('family_effort_member as m').innerJoin('family_effort as e', 'e.id', 'm.effort_id').select('e.id')
    .where('m.person_id', 'in', members).where('e.status', '<>', 'closed').executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'paths.err.effortExists');
  const principal = ctx.principal!;
  await ctx.trx.insertInto('family_effort').values({
    id, municipality_id: municipality.municipality_id, reason: input.reason, requested_at: ctx.services.clock.now(),
    requested_by_staff_id: principal.kind === 'staff' ? principal.staffUserId : null,
    requested_by_person_id: principal.kind === 'citizen' ? principal.personId : null,
  }).execute();
  await ctx.trx.insertInto('family_effort_member').values([
    ...parents.map((p) => ({ effort_id: id, person_id: p, role: 'parent' as const })),
    ...children.map((c) => ({ effort_id: id, person_id: c, role: 'child' as const })),
  ]).execute();
  return { id };
}

async function membersOf(ctx: DataContext, effortIds: string[]) {
  if (!effortIds.length) return [];
  return ctx.trx.selectFrom('family_effort_member as m').innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.effort_id', 'm.role', 'p.id', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('m.effort_id', 'in', effortIds).orderBy('m.role', 'desc').orderBy('p.birth_date').orderBy('p.id').execute();
}

const staffName = (ctx: DataContext, id: string | null) => id
  ? ctx.trx.selectFrom('staff_user as s').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.title', 's.email', 's.phone', 'u.name as unit_name']).where('s.id', '=', id).executeTakeFirst()
  : Promise.resolve(undefined);

const contactOf = (row: Awaited<ReturnType<typeof staffName>>) => row
  ? { id: row.id, name: row.display_name, title: row.title, unitName: row.unit_name, email: row.email, phone: row.phone }
  : null;

/** The efforts the staff user works with: the level-2 intake every one of its municipality, others their own. */
export async function listEfforts(ctx: DataContext) {
  await authorize(ctx, { action: 'familyEffort.list', purpose: 'follow_up' });
  const staff = requireStaff(ctx);
  const intake = staff.activeRole === 'coordinating_unit';
  const me = staff.staffUserId;
  const rows = await ctx.trx.selectFrom('family_effort as e')
    .select(['e.id', 'e.status', 'e.requested_at', 'e.leader_staff_id', 'e.offered_to_staff_id'])
    .where('e.municipality_id', '=', staff.municipalityId)
    .$if(!intake, (q) => q.where((w) => w.or([
      w('e.leader_staff_id', '=', me), w('e.offered_to_staff_id', '=', me), w('e.requested_by_staff_id', '=', me),
      w.exists(w.selectFrom('family_effort_service as s').select('s.id').whereRef('s.effort_id', '=', 'e.id').where('s.staff_user_id', '=', me)),
    ])))
    .orderBy('e.requested_at', 'desc').orderBy('e.id').limit(200).execute();
  const members = await membersOf(ctx, rows.map((r) => r.id));
  readPeople(ctx, members.map((m) => m.id), { action: 'familyEffort.list', purpose: 'follow_up', reason: 'member_of_effort' });
  const leaders = await Promise.all(rows.map((r) => staffName(ctx, r.leader_staff_id ?? r.offered_to_staff_id)));
  return {
    efforts: rows.map((r, i) => ({
      id: r.id, status: r.status, requestedAt: r.requested_at,
      leader: leaders[i] ? leaders[i].display_name : null,
      members: members.filter((m) => m.effort_id === r.id).map((m) => ({ id: m.id, name: `${m.given_name} ${m.family_name}`, role: m.role })),
    })),
  };
}

export async function getEffort(ctx: DataContext, effortId: string) {
  await authorize(ctx, { action: 'familyEffort.read', purpose: 'follow_up', entity: entityOf(effortId) });
  const staff = requireStaff(ctx);
  const e = await ctx.trx.selectFrom('family_effort').selectAll().where('id', '=', effortId).executeTakeFirstOrThrow();
  const members = await membersOf(ctx, [effortId]);
  readPeople(ctx, members.map((m) => m.id), { action: 'familyEffort.read', purpose: 'follow_up', reason: 'member_of_effort', entity: entityOf(effortId) });
  const abilities = await abilitiesOf(ctx, { purpose: 'follow_up', entity: entityOf(effortId) }, {
    appoint: 'familyEffort.appoint', accept: 'familyEffort.accept', callIn: 'familyEffort.callIn', close: 'familyEffort.close',
  });
  // What each child's own consents let this reader into: decided per child, never by the effort.
  const openLogs = new Map<string, boolean>();
  for (const m of members) {
    if (m.role === 'child') openLogs.set(m.id, await may(ctx, { action: 'case.read', purpose: 'follow_up', subject: { kind: 'person', id: m.id } }));
  }
  const services = await ctx.trx.selectFrom('family_effort_service as f').innerJoin('staff_user as s', 's.id', 'f.staff_user_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.title', 'u.name as unit_name', 'f.called_in_at']).where('f.effort_id', '=', effortId).orderBy('f.called_in_at').execute();
  const [leader, offeredTo, requester] = await Promise.all([staffName(ctx, e.leader_staff_id), staffName(ctx, e.offered_to_staff_id), staffName(ctx, e.requested_by_staff_id)]);
  return {
    id: e.id, version: e.version, status: e.status, reason: e.reason, requestedAt: e.requested_at,
    requestedBy: requester ? requester.display_name : null, requestedByFamily: e.requested_by_person_id !== null,
    leader: contactOf(leader), offeredTo: e.status === 'offered' ? contactOf(offeredTo) : null,
    startedAt: e.started_at, closedAt: e.closed_at, outcome: e.outcome, evaluation: e.evaluation,
    members: members.map((m) => ({ id: m.id, givenName: m.given_name, familyName: m.family_name, birthDate: m.birth_date, role: m.role, logOpen: openLogs.get(m.id) ?? false })),
    services: services.map((s) => ({ id: s.id, name: s.display_name, title: s.title, unitName: s.unit_name, calledInAt: s.called_in_at })),
    abilities,
    leaderCandidates: abilities.appoint ? await caseWorkers(ctx, staff.municipalityId) : [],
    serviceCandidates: abilities.callIn ? await coveredStaff(ctx, members.map((m) => m.id), staff.municipalityId, services.map((s) => s.id).concat(staff.staffUserId)) : [],
  };
}

/** Who the intake may offer the effort to: active staff in a case-work role of the municipality. */
async function caseWorkers(ctx: DataContext, municipalityId: string) {
  const rows = await ctx.trx.selectFrom('staff_user as s').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.title', 'u.name as unit_name'])
    .where('s.municipality_id', '=', municipalityId).where('s.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)))
    .orderBy('s.display_name').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, title: r.title, unitName: r.unit_name }));
}

/** The people of the effort whose consents let a user of the unit share for collaboration now. */
async function membersCovered(ctx: DataContext, memberIds: string[], unit: { id: string | null; typeCode: string | null }) {
  const now = ctx.services.clock.now();
  const covered: string[] = [];
  for (const personId of memberIds) {
    if (consentCovers(await loadConsentsForAccess(ctx.trx, personId), unit, 'collaboration', now).covered) covered.push(personId);
  }
  return covered;
}

/** Staff the leader may call in: case workers of a unit at least one member's consent covers. */
async function coveredStaff(ctx: DataContext, memberIds: string[], municipalityId: string, exclude: string[]) {
  const staff = await ctx.trx.selectFrom('staff_user as s').innerJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.title', 'u.id as unit_id', 'u.name as unit_name', 'u.type_code'])
    .where('s.municipality_id', '=', municipalityId).where('s.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)))
    .orderBy('u.name').orderBy('s.display_name').execute();
  const units = new Map<string, boolean>();
  const result = [];
  for (const s of staff) {
    if (exclude.includes(s.id)) continue;
    if (!units.has(s.unit_id)) units.set(s.unit_id, (await membersCovered(ctx, memberIds, { id: s.unit_id, typeCode: s.type_code })).length > 0);
    if (units.get(s.unit_id)) result.push({ id: s.id, name: s.display_name, title: s.title, unitName: s.unit_name });
  }
  return result;
}

export async function appointLeader(ctx: DataContext, effortId: string, input: { staffUserId: string }) {
  await authorize(ctx, { action: 'familyEffort.appoint', purpose: 'follow_up', entity: entityOf(effortId) });
  const staff = requireStaff(ctx);
  const e = await ctx.trx.selectFrom('family_effort').select(['version']).where('id', '=', effortId).forUpdate().executeTakeFirstOrThrow();
  checkVersion(ctx, e.version);
  if (!(await caseWorkers(ctx, staff.municipalityId)).some((c) => c.id === input.staffUserId)) throw invalidField('staffUserId', 'paths.err.notALeader');
  await ctx.trx.updateTable('family_effort').set({
    status: 'offered', offered_to_staff_id: input.staffUserId, offered_by_staff_id: staff.staffUserId, offered_at: ctx.services.clock.now(), version: e.version + 1,
  }).where('id', '=', effortId).execute();
  return { status: 'offered' as const, version: e.version + 1 };
}

export async function acceptEffort(ctx: DataContext, effortId: string) {
  await authorize(ctx, { action: 'familyEffort.accept', purpose: 'follow_up', entity: entityOf(effortId) });
  const staff = requireStaff(ctx);
  const e = await ctx.trx.selectFrom('family_effort').select(['version']).where('id', '=', effortId).forUpdate().executeTakeFirstOrThrow();
  checkVersion(ctx, e.version);
  await ctx.trx.updateTable('family_effort').set({ status: 'active', leader_staff_id: staff.staffUserId, started_at: ctx.services.clock.now(), version: e.version + 1 })
    .where('id', '=', effortId).execute();
  // The leader works with each of the family; each child's consents still decide what of its log they see.
  for (const m of await membersOf(ctx, [effortId])) await involve(ctx.trx, m.id, staff.staffUserId, 'coordinator');
  return { status: 'active' as const, version: e.version + 1 };
}

export async function callInService(ctx: DataContext, effortId: string, input: { staffUserId: string }) {
  await authorize(ctx, { action: 'familyEffort.callIn', purpose: 'follow_up', entity: entityOf(effortId) });
  const staff = requireStaff(ctx);
  const target = await ctx.trx.selectFrom('staff_user as s').leftJoin('service_unit as u', 'u.id', 's.service_unit_id').select(['s.id', 'u.id as unit_id', 'u.type_code'])
    .where('s.id', '=', input.staffUserId).where('s.municipality_id', '=', staff.municipalityId).where('s.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)))
    .executeTakeFirst();
  if (!target) throw invalidField('staffUserId', 'paths.err.notCoveredByConsent');
  const members = (await membersOf(ctx, [effortId])).map((m) => m.id);
  // Called in only to the people whose own consent reaches the service: never the whole family by default.
  const covered = await membersCovered(ctx, members, { id: target.unit_id, typeCode: target.type_code });
  if (!covered.length) throw invalidField('staffUserId', 'paths.err.notCoveredByConsent');
  const row = await ctx.trx.insertInto('family_effort_service').values({ effort_id: effortId, staff_user_id: target.id, called_in_at: ctx.services.clock.now() })
    .onConflict((oc) => oc.columns(['effort_id', 'staff_user_id']).doNothing()).returning('id').executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', 'paths.err.alreadyCalledIn');
  for (const personId of covered) await involve(ctx.trx, personId, target.id, 'collaborator');
  return { id: row.id };
}

export async function closeEffort(ctx: DataContext, effortId: string, input: CloseEffortInput) {
  await authorize(ctx, { action: 'familyEffort.close', purpose: 'follow_up', entity: entityOf(effortId) });
  const staff = requireStaff(ctx);
  const e = await ctx.trx.selectFrom('family_effort').select(['version']).where('id', '=', effortId).forUpdate().executeTakeFirstOrThrow();
  checkVersion(ctx, e.version);
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('family_effort').set({ status: 'closed', closed_at: now, outcome: input.outcome, evaluation: input.evaluation, version: e.version + 1 })
    .where('id', '=', effortId).execute();
  // The leader's way in was the effort: it ends with it.
  const members = (await membersOf(ctx, [effortId])).map((m) => m.id);
  await ctx.trx.updateTable('involvement').set({ ended_at: now })
    .where('staff_user_id', '=', staff.staffUserId).where('kind', '=', 'coordinator').where('person_id', 'in', members).where('ended_at', 'is', null).execute();
  return { status: 'closed' as const, version: e.version + 1 };
}

/** Min side: the efforts the citizen's family is in, each with its one contact person. */
export async function myEfforts(ctx: DataContext) {
  await authorize(ctx, { action: 'familyEffort.familyView', purpose: 'self_service' });
  const citizen = requireCitizen(ctx);
  const rows = await ctx.trx.selectFrom('family_effort as e').innerJoin('family_effort_member as m', 'm.effort_id', 'e.id')
    .select(['e.id', 'e.status', 'e.requested_at', 'e.started_at', 'e.closed_at', 'e.outcome', 'e.evaluation', 'e.leader_staff_id'])
    .where('m.person_id', '=', citizen.personId).orderBy('e.requested_at', 'desc').execute();
  const members = await membersOf(ctx, rows.map((r) => r.id));
  readPeople(ctx, members.map((m) => m.id), { action: 'familyEffort.familyView', purpose: 'self_service', reason: 'member_of_effort' });
  const leaders = await Promise.all(rows.map((r) => staffName(ctx, r.leader_staff_id)));
  const open = rows.some((r) => r.status !== 'closed');
  return {
    mayRequest: !open && (await may(ctx, { action: 'familyEffort.request', purpose: 'self_service', subject: { kind: 'person', id: citizen.personId } })),
    efforts: rows.map((r, i) => ({
      id: r.id, status: r.status, requestedAt: r.requested_at, startedAt: r.started_at, closedAt: r.closed_at, outcome: r.outcome, evaluation: r.evaluation,
      contact: contactOf(leaders[i]),
      members: members.filter((m) => m.effort_id === r.id).map((m) => ({ id: m.id, name: `${m.given_name} ${m.family_name}`, role: m.role })),
    })),
  };
}
