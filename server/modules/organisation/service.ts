// Municipality, service units and staff: the organisation that the rest of Sammen refers to.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../infra/db/database.ts';
import { compareTeamKeys, teamConfiguration, teamOrderKey } from '../teams/kept.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { invalidField, isUniqueViolation, notFound } from '../../infra/http/errors.ts';
import type { Language, StaffRole } from '../../../common/roles.ts';
import { authorize } from '../access/access.ts';
import type { ServiceUnitInput, ServiceUnitTypeInput, ServiceUnitUpdateInput, StaffInput, StaffUpdateInput } from './schema.ts';

/** The kinds of service unit, a page at a time by their order and code (the code is unique). */
export async function listServiceUnitTypes(db: Db, lang: Language, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.int, CURSOR_PART.text]);
  let query = db.selectFrom('service_unit_type').selectAll();
  if (after) query = query.where(sql<boolean>`(sort_order, code) > (${Number(after[0])}, ${after[1]})`);
  const found = await query.orderBy('sort_order').orderBy('code').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.sort_order, r.code]);
  return { types: items.map((r) => ({ code: r.code, name: r[`name_${lang}`], builtIn: r.built_in })), ...more };
}

export async function listServiceUnits(db: Db, municipalityId: string, lang: Language, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.int, CURSOR_PART.text, CURSOR_PART.uuid]);
  let query = db
    .selectFrom('service_unit')
    .innerJoin('service_unit_type', 'service_unit_type.code', 'service_unit.type_code')
    .select([
      'service_unit.id', 'service_unit.name', 'service_unit.type_code', 'service_unit.area', 'service_unit.email',
      'service_unit.phone', 'service_unit.active', 'service_unit.version', `service_unit_type.name_${lang} as type_name`, 'service_unit_type.sort_order',
    ])
    .where('service_unit.municipality_id', '=', municipalityId);
  if (after) query = query.where(sql<boolean>`(service_unit_type.sort_order, service_unit.name, service_unit.id) > (${Number(after[0])}, ${after[1]}, ${after[2]}::uuid)`);
  const found = await query.orderBy('service_unit_type.sort_order').orderBy('service_unit.name').orderBy('service_unit.id').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.sort_order, r.name, r.id]);
  return {
    units: items.map((r) => ({
      id: r.id, name: r.name, typeCode: r.type_code, typeName: r.type_name, area: r.area, email: r.email, phone: r.phone,
      active: r.active, version: r.version,
    })),
    ...more,
  };
}

async function checkUnitType(ctx: DataContext, typeCode: string) {
  const type = await ctx.trx.selectFrom('service_unit_type').select('code').where('code', '=', typeCode).executeTakeFirst();
  if (!type) throw invalidField('typeCode', 'errors.unknownServiceUnitType');
}

async function checkUnitNameFree(ctx: DataContext, municipalityId: string, name: string, exceptId?: string) {
  let query = ctx.trx
    .selectFrom('service_unit')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw invalidField('name', 'errors.duplicateServiceUnit');
}

function uniqueToField(error: unknown): never {
  if (isUniqueViolation(error, 'service_unit_name_unique')) throw invalidField('name', 'errors.duplicateServiceUnit');
  if (isUniqueViolation(error, 'staff_user_username_key')) throw invalidField('username', 'errors.duplicateUsername');
  if (isUniqueViolation(error, 'staff_user_email_unique')) throw invalidField('email', 'errors.duplicateEmail');
  if (isUniqueViolation(error, 'staff_user_national_id_key')) throw invalidField('nationalId', 'errors.duplicateNationalId');
  if (isUniqueViolation(error, 'service_unit_type_pkey')) throw invalidField('code', 'errors.duplicateServiceUnitType');
  throw error;
}

export async function createServiceUnitType(ctx: DataContext, input: ServiceUnitTypeInput) {
  await authorize(ctx, { action: 'serviceUnitType.create', purpose: 'administration', entity: { type: 'service_unit_type', id: input.code } });
  const exists = await ctx.trx.selectFrom('service_unit_type').select('code').where('code', '=', input.code).executeTakeFirst();
  if (exists) throw invalidField('code', 'errors.duplicateServiceUnitType');
  await ctx.trx
    .insertInto('service_unit_type')
    .values({ code: input.code, name_nb: input.nameNb, name_nn: input.nameNn, name_en: input.nameEn, sort_order: 500 })
    .execute()
    .catch(uniqueToField);
  return { code: input.code };
}

export async function createServiceUnit(ctx: DataContext, input: ServiceUnitInput) {
  const staff = requireStaff(ctx);
  const id = randomUUID();
  await authorize(ctx, { action: 'serviceUnit.create', purpose: 'administration', entity: { type: 'service_unit', id } });
  await checkUnitType(ctx, input.typeCode);
  await checkUnitNameFree(ctx, staff.municipalityId, input.name);
  await ctx.trx
    .insertInto('service_unit')
    .values({
      id, municipality_id: staff.municipalityId, type_code: input.typeCode, name: input.name, area: input.area ?? null,
      email: input.email ?? null, phone: input.phone ?? null,
    })
    .execute()
    .catch(uniqueToField);
  return { id };
}

export async function updateServiceUnit(ctx: DataContext, id: string, input: ServiceUnitUpdateInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'serviceUnit.update', purpose: 'administration', entity: { type: 'service_unit', id } });
  const current = await ctx.trx.selectFrom('service_unit').select(['version']).where('id', '=', id).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!current) throw notFound();
  checkVersion(ctx, current.version);
  await checkUnitType(ctx, input.typeCode);
  await checkUnitNameFree(ctx, staff.municipalityId, input.name, id);
  await ctx.trx
    .updateTable('service_unit')
    .set({
      name: input.name, type_code: input.typeCode, area: input.area ?? null, email: input.email ?? null,
      phone: input.phone ?? null, active: input.active, version: input.version + 1, updated_at: ctx.services.clock.now(),
    })
    .where('id', '=', id)
    .execute()
    .catch(uniqueToField);
  return { id, version: input.version + 1 };
}

async function checkUnitInMunicipality(ctx: DataContext, municipalityId: string, unitId: string) {
  const unit = await ctx.trx.selectFrom('service_unit').select('id').where('id', '=', unitId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!unit) throw invalidField('serviceUnitId', 'errors.unknownServiceUnit');
}

async function checkStaffUnique(ctx: DataContext, input: StaffInput, exceptId?: string) {
  const others = ctx.trx.selectFrom('staff_user').select(['username', 'email', 'national_id']);
  const scoped = exceptId ? others.where('id', '<>', exceptId) : others;
  const clashes = await scoped
    .where((eb) =>
      eb.or([
        eb('username', '=', input.username),
        eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()),
        ...(input.nationalId ? [eb('national_id', '=', input.nationalId)] : []),
      ]),
    )
    .execute();
  if (clashes.some((c) => c.username === input.username)) throw invalidField('username', 'errors.duplicateUsername');
  if (clashes.some((c) => c.email.toLowerCase() === input.email.toLowerCase())) throw invalidField('email', 'errors.duplicateEmail');
  if (input.nationalId && clashes.some((c) => c.national_id === input.nationalId)) throw invalidField('nationalId', 'errors.duplicateNationalId');
}

async function replaceRoles(ctx: DataContext, staffUserId: string, roles: StaffRole[]) {
  await ctx.trx.deleteFrom('staff_role').where('staff_user_id', '=', staffUserId).execute();
  await ctx.trx.insertInto('staff_role').values([...new Set(roles)].map((role) => ({ staff_user_id: staffUserId, role }))).execute();
}

export async function createStaffUser(ctx: DataContext, input: StaffInput) {
  const admin = requireStaff(ctx);
  const id = randomUUID();
  await authorize(ctx, { action: 'staff.create', purpose: 'administration', subject: { kind: 'staff', id } });
  await checkUnitInMunicipality(ctx, admin.municipalityId, input.serviceUnitId);
  await checkStaffUnique(ctx, input);
  await ctx.trx
    .insertInto('staff_user')
    .values({
      id, municipality_id: admin.municipalityId, username: input.username, display_name: input.displayName, email: input.email,
      phone: input.phone ?? null, national_id: input.nationalId ?? null, service_unit_id: input.serviceUnitId,
      title: input.title ?? null, language: input.language,
    })
    .execute()
    .catch(uniqueToField);
  await replaceRoles(ctx, id, input.roles);
  return { id };
}

export async function updateStaffUser(ctx: DataContext, id: string, input: StaffUpdateInput) {
  const admin = requireStaff(ctx);
  await authorize(ctx, { action: 'staff.update', purpose: 'administration', subject: { kind: 'staff', id } });
  const current = await ctx.trx.selectFrom('staff_user').select(['version']).where('id', '=', id).where('municipality_id', '=', admin.municipalityId).executeTakeFirst();
  if (!current) throw notFound();
  checkVersion(ctx, current.version);
  await checkUnitInMunicipality(ctx, admin.municipalityId, input.serviceUnitId);
  await checkStaffUnique(ctx, input, id);
  await ctx.trx
    .updateTable('staff_user')
    .set({
      username: input.username, display_name: input.displayName, email: input.email, phone: input.phone ?? null,
      national_id: input.nationalId ?? null, service_unit_id: input.serviceUnitId, title: input.title ?? null,
      language: input.language, active: input.active, version: input.version + 1, updated_at: ctx.services.clock.now(),
    })
    .where('id', '=', id)
    .execute()
    .catch(uniqueToField);
  await replaceRoles(ctx, id, input.roles);
  if (!input.active) await ctx.trx.deleteFrom('session').where('staff_user_id', '=', id).execute();
  return { id, version: input.version + 1 };
}

function staffQuery(ctx: DataContext, municipalityId: string) {
  return ctx.trx
    .selectFrom('staff_user')
    .leftJoin('service_unit', 'service_unit.id', 'staff_user.service_unit_id')
    .select([
      'staff_user.id', 'staff_user.username', 'staff_user.display_name', 'staff_user.email', 'staff_user.phone',
      'staff_user.national_id', 'staff_user.service_unit_id', 'service_unit.name as unit_name', 'staff_user.title',
      'staff_user.language', 'staff_user.active', 'staff_user.version',
    ])
    .where('staff_user.municipality_id', '=', municipalityId);
}

async function rolesOf(ctx: DataContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, StaffRole[]>();
  const rows = await ctx.trx.selectFrom('staff_role').select(['staff_user_id', 'role']).where('staff_user_id', 'in', ids).execute();
  const map = new Map<string, StaffRole[]>();
  for (const r of rows) map.set(r.staff_user_id, [...(map.get(r.staff_user_id) ?? []), r.role as StaffRole]);
  return map;
}

/** The municipality's staff users by name, a page at a time. */
export async function listStaff(ctx: DataContext, page: { after?: string | undefined }) {
  const admin = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'staff.list', purpose: 'administration' });
  let query = staffQuery(ctx, admin.municipalityId);
  if (after) query = query.where(sql<boolean>`(staff_user.display_name, staff_user.id) > (${after[0]}, ${after[1]}::uuid)`);
  const found = await query.orderBy('staff_user.display_name').orderBy('staff_user.id').limit(PAGE_SIZE + 1).execute();
  const { items: rows, ...more } = toPage(found, (r) => [r.display_name, r.id]);
  const roles = await rolesOf(ctx, rows.map((r) => r.id));
  // The list never carries national ids; only the edit form of one user does.
  return {
    staff: rows.map((r) => ({
      id: r.id, username: r.username, displayName: r.display_name, email: r.email, serviceUnitId: r.service_unit_id,
      unitName: r.unit_name, title: r.title, active: r.active, roles: roles.get(r.id) ?? [],
    })),
    ...more,
  };
}

export async function getStaff(ctx: DataContext, id: string) {
  const admin = requireStaff(ctx);
  await authorize(ctx, { action: 'staff.read', purpose: 'administration', subject: { kind: 'staff', id } });
  const row = await staffQuery(ctx, admin.municipalityId).where('staff_user.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const roles = await rolesOf(ctx, [id]);
  return {
    id: row.id, username: row.username, displayName: row.display_name, email: row.email, phone: row.phone,
    nationalId: row.national_id, serviceUnitId: row.service_unit_id, unitName: row.unit_name, title: row.title,
    language: row.language, active: row.active, version: row.version, roles: roles.get(id) ?? [],
  };
}

export async function getMunicipality(db: Db, id: string) {
  return db.selectFrom('municipality').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Active teams with their age groups, areas and leaders: organisation data, no personal data about
 * children. A page at a time, cut from the kept configuration in its order (kind, age group, name, id).
 */
export async function listTeams(db: Db, municipalityId: string, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.int, CURSOR_PART.text, CURSOR_PART.uuid]);
  const active = (await teamConfiguration(db, municipalityId)).filter((t) => t.active);
  const afterKey = after ? [after[0]!, Number(after[1]), after[2]!, after[3]!] as const : null;
  const from = afterKey ? active.findIndex((t) => compareTeamKeys(teamOrderKey(t), afterKey) > 0) : 0;
  const { items, ...more } = toPage(from < 0 ? [] : active.slice(from, from + PAGE_SIZE + 1), teamOrderKey);
  return {
    teams: items.map((t) => ({
      id: t.id, name: t.name, kind: t.kind, ageFromMonths: t.ageFromMonths, ageToMonths: t.ageToMonths, area: t.area,
      meetingPlace: t.meetingPlace, description: t.description, leaderName: t.leader?.name ?? null,
      memberUnits: t.units.map((u) => u.name),
    })),
    ...more,
  };
}
