// Reads shared by the case service and the reminder jobs.
import { sql } from 'kysely';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { Language } from '../../../common/roles.ts';
import { loadConsentsForAccess } from '../consent/queries.ts';
import { consentCovers, type ConsentPurpose } from '../consent/rules.ts';

export async function loadCase(db: Db | Tx, caseId: string) {
  return db.selectFrom('help_case').selectAll().where('id', '=', caseId).executeTakeFirst();
}

export async function loadOpenCase(db: Db | Tx, personId: string) {
  return db.selectFrom('help_case').selectAll().where('person_id', '=', personId).where('closed_at', 'is', null).executeTakeFirst();
}

/** The newest case of a person: the open one, or else the one closed last. */
export async function loadLatestCase(db: Db | Tx, personId: string) {
  return db
    .selectFrom('help_case')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy(sql`closed_at IS NULL`, 'desc')
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function newestGuideVersion(db: Db | Tx, municipalityId: string) {
  return db
    .selectFrom('action_guide_version')
    .select(['id', 'version', 'published_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface GuideStep {
  level: number;
  position: number;
  stepKey: string;
  title: string;
  body: string;
  links: { label: string; url: string }[];
}

export async function guideSteps(db: Db | Tx, guideVersionId: string, lang: Language, level?: number): Promise<GuideStep[]> {
  let query = db.selectFrom('action_guide_step').selectAll().where('guide_version_id', '=', guideVersionId);
  if (level !== undefined) query = query.where('level', '=', level);
  const rows = await query.orderBy('level').orderBy('position').execute();
  return rows.map((r) => ({
    level: r.level,
    position: r.position,
    stepKey: r.step_key,
    title: r[`title_${lang}`],
    body: r[`body_${lang}`],
    links: r.links.map((l) => ({ label: l.label[lang], url: l.url })),
  }));
}

/** The current version of every entry of a case (the newest version of each entry key). */
export async function currentEntries(db: Db | Tx, caseId: string) {
  return db
    .selectFrom('relay_log_entry as e')
    .leftJoin('staff_user as s', 's.id', 'e.author_staff_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .leftJoin('person as p', 'p.id', 'e.author_person_id')
    .leftJoin('staff_user as r', 'r.id', 'e.responsible_staff_id')
    .leftJoin('service_unit as ru', 'ru.id', 'r.service_unit_id')
    .select([
      'e.id', 'e.entry_key', 'e.version', 'e.kind', 'e.category', 'e.title', 'e.body', 'e.responsible_staff_id', 'e.starts_on',
      'e.evaluate_on', 'e.measure_key', 'e.outcome', 'e.family_view', 'e.child_view', 'e.written_at', 'e.author_staff_id',
      'e.author_person_id', 's.display_name as author_staff_name', 'u.name as author_unit_name', 'p.given_name as author_given_name',
      'p.family_name as author_family_name', 'r.display_name as responsible_name', 'ru.name as responsible_unit_name',
      (eb) => eb.selectFrom('relay_log_entry as f').select((f) => f.fn.min('f.written_at').as('first')).whereRef('f.entry_key', '=', 'e.entry_key').as('first_written_at'),
    ])
    .where('e.case_id', '=', caseId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as n').select('n.id').whereRef('n.entry_key', '=', 'e.entry_key').whereRef('n.version', '>', 'e.version'))))
    .orderBy('e.written_at')
    .execute();
}

export interface StaffInUnit {
  id: string;
  name: string;
  title: string | null;
  unitId: string;
  unitName: string;
  unitTypeCode: string;
}

/** Active staff with case work whose unit the person's consents cover for one of the purposes now. */
export async function staffCoveredByConsent(db: Db | Tx, now: Date, personId: string, municipalityId: string, purposes: ConsentPurpose[], onlyUnitId?: string): Promise<StaffInUnit[]> {
  const consents = await loadConsentsForAccess(db, personId);
  if (consents.length === 0) return [];
  let query = db
    .selectFrom('staff_user as s')
    .innerJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.title', 'u.id as unit_id', 'u.name as unit_name', 'u.type_code'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', ['professional', 'team_leader', 'team_member', 'coordinator', 'coordinating_unit'])));
  if (onlyUnitId) query = query.where('u.id', '=', onlyUnitId);
  const rows = await query.orderBy('u.name').orderBy('s.display_name').execute();
  return rows
    .filter((r) => purposes.some((purpose) => consentCovers(consents, { id: r.unit_id, typeCode: r.type_code }, purpose, now).covered))
    .map((r) => ({ id: r.id, name: r.display_name, title: r.title, unitId: r.unit_id, unitName: r.unit_name, unitTypeCode: r.type_code }));
}

export async function activeInvolvement(db: Db | Tx, personId: string, staffUserId: string, kind?: string) {
  let query = db.selectFrom('involvement').select(['id', 'kind']).where('person_id', '=', personId).where('staff_user_id', '=', staffUserId).where('ended_at', 'is', null);
  if (kind) query = query.where('kind', '=', kind);
  return query.executeTakeFirst();
}

export async function involve(db: Db | Tx, personId: string, staffUserId: string, kind: string): Promise<void> {
  if (await activeInvolvement(db, personId, staffUserId, kind)) return;
  await db.insertInto('involvement').values({ person_id: personId, staff_user_id: staffUserId, kind }).execute();
}
