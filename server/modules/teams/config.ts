// Team configuration (the administrator): the early-intervention teams (tidlig innsatsteam) and the
// system-level teams (systemteam) with their age group, area, leader, member services, members and
// usual meeting place. Every edit names the version it read; a stale version is refused (409).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { conflict, invalidField, isUniqueViolation, notFound } from '../../infra/http/errors.ts';
import { nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { isTeamWorkRole, TEAM_WORK_ROLES, type StaffRole } from '../../../common/roles.ts';
import { TEAM_KINDS } from '../../../common/contracts/teams.ts';
import { authorize } from '../access/access.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { compareTeamKeys, teamConfiguration, teamOrderKey } from './kept.ts';

/** The earliest age a team can cover: from the start of a pregnancy, nine months before birth. */
export const MIN_AGE_MONTHS = -9;
const MAX_AGE_MONTHS = 30 * 12;

const months = (message: 'teams.err.ageFromMin' | 'teams.err.ageToMin') =>
  z.number({ message: 'teams.err.ageNumber' }).int({ message: 'teams.err.ageNumber' }).min(MIN_AGE_MONTHS, { message }).max(MAX_AGE_MONTHS, { message: 'teams.err.ageMax' });

const teamShape = {
  name: nonEmptyText(120),
  kind: z.enum(TEAM_KINDS, { message: 'teams.err.kind' }),
  ageFromMonths: months('teams.err.ageFromMin'),
  ageToMonths: months('teams.err.ageToMin'),
  // Empty: the whole municipality (or the areas without a team of their own for the same ages).
  area: optionalText(60),
  leaderStaffId: z.uuid({ message: 'teams.err.leaderRequired' }),
  unitIds: z.array(uuid).max(40).default([]),
  memberStaffIds: z.array(uuid).max(60).default([]),
  meetingPlace: optionalText(200),
  description: optionalText(2000),
};

function ageOrder(value: { ageFromMonths: number; ageToMonths: number }, ctx: z.core.$RefinementCtx) {
  if (value.ageFromMonths > value.ageToMonths) ctx.addIssue({ code: 'custom', path: ['ageToMonths'], message: 'teams.err.ageRange' });
}

export const TeamBody = z.strictObject(teamShape).superRefine(ageOrder);
export type TeamInput = z.infer<typeof TeamBody>;

export const TeamUpdateBody = z.strictObject({ ...teamShape, active: z.boolean(), version: recordVersion() }).superRefine(ageOrder);
export type TeamUpdateInput = z.infer<typeof TeamUpdateBody>;

/** The staff who may lead or sit in a team: active, in the municipality, with their roles. */
async function staffOf(ctx: DataContext, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; roles: StaffRole[] }>();
  const rows = await ctx.trx
    .selectFrom('staff_user as s')
    .leftJoin('staff_role as r', 'r.staff_user_id', 's.id')
    .select(['s.id', 's.display_name', 'r.role'])
    .where('s.id', 'in', ids)
    .where('s.municipality_id', '=', municipalityId)
    .where('s.active', '=', true)
    .execute();
  const map = new Map<string, { name: string; roles: StaffRole[] }>();
  for (const r of rows) {
    const entry = map.get(r.id) ?? { name: r.display_name, roles: [] };
    if (r.role) entry.roles.push(r.role as StaffRole);
    map.set(r.id, entry);
  }
  return map;
}

/**
 * The references must exist in the municipality, and the people must be able to do the work: the
 * leader of an early-intervention team answers referrals as team leader; everyone else in a team
 * works in a team role (the access rules for intake and system-level meetings rely on it).
 */
async function checkReferences(ctx: DataContext, municipalityId: string, input: TeamInput, exceptId?: string) {
  const names = ctx.trx
    .selectFrom('team')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()));
  if (await (exceptId ? names.where('id', '<>', exceptId) : names).executeTakeFirst()) throw invalidField('name', 'teams.err.duplicateName');

  const memberIds = [...new Set(input.memberStaffIds)];
  const staff = await staffOf(ctx, municipalityId, [...new Set([input.leaderStaffId, ...memberIds])]);
  const leader = staff.get(input.leaderStaffId);
  if (!leader) throw invalidField('leaderStaffId', 'teams.err.leaderUnknown');
  const leaderRoles: readonly StaffRole[] = input.kind === 'early_intervention' ? ['team_leader'] : TEAM_WORK_ROLES;
  if (!leader.roles.some((r) => leaderRoles.includes(r))) {
    throw invalidField('leaderStaffId', input.kind === 'early_intervention' ? 'teams.err.leaderRole' : 'teams.err.memberRole', { name: leader.name });
  }
  for (const [i, id] of memberIds.entries()) {
    const member = staff.get(id);
    if (!member) throw invalidField(`memberStaffIds.${i}`, 'teams.err.memberUnknown');
    if (!member.roles.some((r) => isTeamWorkRole(r))) throw invalidField(`memberStaffIds.${i}`, 'teams.err.memberRole', { name: member.name });
  }

  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length) {
    const units = await ctx.trx.selectFrom('service_unit').select('id').where('id', 'in', unitIds).where('municipality_id', '=', municipalityId).execute();
    const known = new Set(units.map((u) => u.id));
    const missing = unitIds.findIndex((id) => !known.has(id));
    if (missing >= 0) throw invalidField(`unitIds.${missing}`, 'teams.err.unitUnknown');
  }
  // The leader sits in the team too (seed 003: the leader is one of the team's members).
  return { memberIds: [...new Set([input.leaderStaffId, ...memberIds])], unitIds };
}

async function replaceMembership(ctx: DataContext, teamId: string, memberIds: string[], unitIds: string[]) {
  await ctx.trx.deleteFrom('team_member').where('team_id', '=', teamId).execute();
  await ctx.trx.deleteFrom('team_service_unit').where('team_id', '=', teamId).execute();
  if (memberIds.length) await ctx.trx.insertInto('team_member').values(memberIds.map((staff_user_id) => ({ team_id: teamId, staff_user_id }))).execute();
  if (unitIds.length) await ctx.trx.insertInto('team_service_unit').values(unitIds.map((service_unit_id) => ({ team_id: teamId, service_unit_id }))).execute();
}

function uniqueToField(error: unknown): never {
  if (isUniqueViolation(error, 'team_name_unique')) throw invalidField('name', 'teams.err.duplicateName');
  throw error;
}

function columns(input: TeamInput) {
  return {
    name: input.name, kind: input.kind, age_from_months: input.ageFromMonths, age_to_months: input.ageToMonths,
    area: input.area ?? null, leader_staff_user_id: input.leaderStaffId, meeting_place: input.meetingPlace ?? null,
    description: input.description ?? null,
  };
}

export async function createTeam(ctx: DataContext, input: TeamInput) {
  const admin = requireStaff(ctx);
  const id = randomUUID();
  await authorize(ctx, { action: 'team.edit', purpose: 'administration', entity: { type: 'team', id } });
  const refs = await checkReferences(ctx, admin.municipalityId, input);
  await ctx.trx.insertInto('team').values({ id, municipality_id: admin.municipalityId, ...columns(input) }).execute().catch(uniqueToField);
  await replaceMembership(ctx, id, refs.memberIds, refs.unitIds);
  return { id, version: 1 };
}

export async function updateTeam(ctx: DataContext, id: string, input: TeamUpdateInput) {
  const admin = requireStaff(ctx);
  await authorize(ctx, { action: 'team.edit', purpose: 'administration', entity: { type: 'team', id } });
  const current = await ctx.trx.selectFrom('team').select('version').where('id', '=', id).where('municipality_id', '=', admin.municipalityId).executeTakeFirst();
  if (!current) throw notFound();
  checkVersion(ctx, current.version);
  const refs = await checkReferences(ctx, admin.municipalityId, input, id);
  const updated = await ctx.trx
    .updateTable('team')
    .set({ ...columns(input), active: input.active, version: input.version + 1 })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst()
    .catch(uniqueToField);
  // A concurrent edit that committed between the read and the update.
  if (Number(updated.numUpdatedRows) === 0) throw conflict();
  await replaceMembership(ctx, id, refs.memberIds, refs.unitIds);
  return { id, version: input.version + 1 };
}

/** Every team of the municipality, active or not, a page at a time, with the known areas the edit form offers (its staff and units are lists of their own). */
export async function listTeamConfig(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const admin = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.int, CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'team.edit', purpose: 'administration' });
  const m = admin.municipalityId;
  const all = await teamConfiguration(ctx.trx, m);
  const afterKey = after ? [after[0]!, Number(after[1]), after[2]!, after[3]!] as const : null;
  const from = afterKey ? all.findIndex((t) => compareTeamKeys(teamOrderKey(t), afterKey) > 0) : 0;
  const { items, ...more } = toPage(from < 0 ? [] : all.slice(from, from + PAGE_SIZE + 1), teamOrderKey);
  // The known areas the form offers: those of the active service units and of the teams (a handful).
  const unitAreas = await ctx.trx.selectFrom('service_unit').select('area').distinct().where('municipality_id', '=', m).where('active', '=', true).where('area', 'is not', null).execute();
  const areas = [...new Set([...unitAreas.map((u) => u.area), ...all.map((t) => t.area)].filter((a): a is string => !!a))].sort((a, b) => a.localeCompare(b, 'nb'));
  return {
    teams: items,
    ...more,
    options: { areas },
  };
}

/** The staff the team form offers as leader or member: active, in a team role, a page at a time by name. */
export async function listTeamStaffChoices(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const admin = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'team.edit', purpose: 'administration' });
  let query = ctx.trx
    .selectFrom('staff_user as s')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select([
      's.id', 's.display_name', 'u.name as unit_name',
      (eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.staff_user_id').whereRef('r.staff_user_id', '=', 's.id').where('r.role', '=', 'team_leader')).as('team_leader'),
    ])
    .where('s.municipality_id', '=', admin.municipalityId)
    .where('s.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.staff_user_id').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', [...TEAM_WORK_ROLES])));
  if (after) query = query.where(sql<boolean>`(s.display_name, s.id) > (${after[0]}, ${after[1]}::uuid)`);
  const found = await query.orderBy('s.display_name').orderBy('s.id').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.display_name, r.id]);
  return { staff: items.map((s) => ({ id: s.id, name: s.display_name, unitName: s.unit_name, teamLeader: Boolean(s.team_leader) })), ...more };
}

/** The service units the team form offers: the active ones, a page at a time by name. */
export async function listTeamUnitChoices(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const admin = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'team.edit', purpose: 'administration' });
  let query = ctx.trx.selectFrom('service_unit').select(['id', 'name']).where('municipality_id', '=', admin.municipalityId).where('active', '=', true);
  if (after) query = query.where(sql<boolean>`(name, id) > (${after[0]}, ${after[1]}::uuid)`);
  const found = await query.orderBy('name').orderBy('id').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.name, r.id]);
  return { units: items.map((u) => ({ id: u.id, name: u.name })), ...more };
}
