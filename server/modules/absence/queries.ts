// Reads for the absence import and the contact teacher's list (Kysely).
import { sql } from 'kysely';
import type { Tx } from '../../infra/db/database.ts';
import type { GuideLink } from '../../infra/db/column-types.ts';
import type { Language } from '../../../common/roles.ts';

const CHUNK = 1000;

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Children of the municipality with these national ids, and their enrolments at the unit. */
export async function childrenAtUnit(trx: Tx, municipalityId: string, unitId: string, nationalIds: string[]) {
  const people = new Map<string, { id: string; enrolments: { from: string; to: string | null }[] }>();
  for (const part of chunks([...new Set(nationalIds)])) {
    const rows = await trx
      .selectFrom('person')
      .select(['id', 'national_id'])
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', 'child')
      .where('national_id', 'in', part)
      .execute();
    for (const r of rows) people.set(r.national_id!, { id: r.id, enrolments: [] });
  }
  const byId = new Map([...people.values()].map((p) => [p.id, p]));
  for (const part of chunks([...byId.keys()])) {
    const enrolments = await trx
      .selectFrom('enrolment')
      .select(['person_id', 'starts_on', 'ends_on'])
      .where('service_unit_id', '=', unitId)
      .where('person_id', 'in', part)
      .execute();
    for (const e of enrolments) byId.get(e.person_id)!.enrolments.push({ from: e.starts_on, to: e.ends_on });
  }
  return people;
}

/** Active staff of the unit by lower-case e-mail. */
export async function staffOfUnitByEmail(trx: Tx, unitId: string, emails: string[]) {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(emails)])) {
    const rows = await trx
      .selectFrom('staff_user')
      .select(['id', sql<string>`lower(email)`.as('email')])
      .where('service_unit_id', '=', unitId)
      .where('active', '=', true)
      .where(sql<string>`lower(email)`, 'in', part)
      .execute();
    for (const r of rows) found.set(r.email, r.id);
  }
  return found;
}

export interface HighAbsenceRow {
  id: string;
  person_id: string;
  period_from: string;
  period_to: string;
  absence_percent: number;
  progress: 'good' | 'weak';
  contact_teacher_id: string;
}

/**
 * The latest period of each child at the unit (newest period, then newest import), kept when it is
 * above 10 % with weak progress. Optionally only for one contact teacher or some children.
 */
export async function highAbsenceAtUnit(trx: Tx, unitId: string, filter: { teacherId?: string; personIds?: string[] } = {}): Promise<HighAbsenceRow[]> {
  let latest = trx
    .selectFrom('absence_record as r')
    .innerJoin('absence_import as i', 'i.id', 'r.import_id')
    .distinctOn('r.person_id')
    .select(['r.id', 'r.person_id', 'r.period_from', 'r.period_to', 'r.absence_percent', 'r.progress', 'r.contact_teacher_id'])
    .where('r.service_unit_id', '=', unitId);
  if (filter.personIds) {
    if (filter.personIds.length === 0) return [];
    latest = latest.where('r.person_id', 'in', filter.personIds);
  }
  let query = trx
    .selectFrom(
      latest
        .orderBy('r.person_id')
        .orderBy('r.period_to', 'desc')
        .orderBy('r.period_from', 'desc')
        .orderBy('i.imported_at', 'desc')
        .orderBy('r.line', 'desc')
        .as('l'),
    )
    .selectAll('l')
    .where('l.absence_percent', '>', 10)
    .where('l.progress', '=', 'weak');
  if (filter.teacherId) query = query.where('l.contact_teacher_id', '=', filter.teacherId);
  return query.execute();
}

/** Names of children who are still enrolled at the unit today. */
export async function enrolledChildren(trx: Tx, unitId: string, personIds: string[], today: string) {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('person as p')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('p.id', 'in', personIds)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('enrolment as e')
          .select('e.id')
          .whereRef('e.person_id', '=', 'p.id')
          .where('e.service_unit_id', '=', unitId)
          .where('e.starts_on', '<=', today)
          .where((w) => w.or([w('e.ends_on', 'is', null), w('e.ends_on', '>=', today)])),
      ),
    )
    .execute();
}

/** The first step (level 0, position 1) of the municipality's newest action guide version. */
export async function firstGuideStep(trx: Tx, municipalityId: string, lang: Language) {
  const step = await trx
    .selectFrom('action_guide_step as s')
    .innerJoin('action_guide_version as v', 'v.id', 's.guide_version_id')
    .select(['s.step_key', `s.title_${lang} as title`, `s.body_${lang} as body`, 's.links', 'v.version'])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.version', '=', (eb) => eb.selectFrom('action_guide_version').select((f) => f.fn.max('version').as('v')).where('municipality_id', '=', municipalityId))
    .where('s.level', '=', 0)
    .where('s.position', '=', 1)
    .executeTakeFirst();
  if (!step) return null;
  const links = (typeof step.links === 'string' ? JSON.parse(step.links) : step.links) as GuideLink[];
  return {
    key: step.step_key,
    title: step.title,
    body: step.body,
    guideVersion: step.version,
    links: links.map((l) => ({ label: l.label[lang] ?? l.label.nb, url: l.url })),
  };
}
