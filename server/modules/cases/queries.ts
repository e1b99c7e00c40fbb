// Reads shared by the case service and the reminder jobs.
import { sql, type InferResult, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { ActionGuideStep, Involvement } from '../../infra/db/types.ts';
import { CASE_WORK_ROLES, type Language } from '../../../common/roles.ts';
import { addDays } from '../../../common/dates.ts';
import { loadConsentsForAccess } from '../consent/queries.ts';
import { consentCovers, type ConsentPurpose } from '../consent/rules.ts';

/** The case, with its child's name: what a case's notifications say, in the same statement. */
export async function loadCase(db: Db | Tx, caseId: string) {
  return db.selectFrom('help_case').innerJoin('person as child', 'child.id', 'help_case.person_id')
    .selectAll('help_case').select(sql<string>`child.given_name || ' ' || child.family_name`.as('child_name'))
    .where('help_case.id', '=', caseId).executeTakeFirst();
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

/** Guide versions whose steps are kept: a municipality has one current version, an installation a few municipalities. */
const KEPT_GUIDES = 64;
const keptSteps = new Map<string, Promise<Selectable<ActionGuideStep>[]>>();

/**
 * Every step of a guide version, in order. A version's steps never change once published (a change
 * is a new version, guide.ts), so they are kept in memory by the version's id, which each request
 * reads from the database: every server process moves to a new publication at its next request.
 */
function stepsOfVersion(db: Db | Tx, guideVersionId: string) {
  let steps = keptSteps.get(guideVersionId);
  if (!steps) {
    steps = db.selectFrom('action_guide_step').selectAll().where('guide_version_id', '=', guideVersionId).orderBy('level').orderBy('position').execute();
    // A failed read is not kept.
    steps.catch(() => keptSteps.delete(guideVersionId));
    if (keptSteps.size >= KEPT_GUIDES) keptSteps.delete(keptSteps.keys().next().value!);
    keptSteps.set(guideVersionId, steps);
  }
  return steps;
}

/** Whom a guide step is written for: a pregnant woman's case has its own steps. */
export type GuideSubject = 'child' | 'pregnancy';

export function guideSubjectOf(personKind: string): GuideSubject {
  return personKind === 'pregnant' ? 'pregnancy' : 'child';
}

/** How long after a birth the mother's own help follows the pregnancy guide: the postnatal year EPDS screens. */
const POSTNATAL_DAYS = 365;

/**
 * The guide a person's own help follows (a screening's suggested step): a pregnant woman's, and a
 * new mother's while her child is under a year, is the pregnancy guide; everyone else's the child
 * guide. A case's steps follow its subject's kind (guideSubjectOf).
 */
export async function guideSubjectOfAnswerer(db: Db | Tx, personId: string, today: string): Promise<GuideSubject> {
  const person = await db.selectFrom('person').select('kind').where('id', '=', personId).executeTakeFirstOrThrow();
  if (person.kind === 'pregnant') return 'pregnancy';
  const newborn = await db.selectFrom('guardianship as g').innerJoin('person as c', 'c.id', 'g.child_id').select('c.id')
    .where('g.guardian_id', '=', personId).where('g.relation', '=', 'mother').where('c.birth_date', '>', addDays(today, -POSTNATAL_DAYS))
    .limit(1).executeTakeFirst();
  return newborn ? 'pregnancy' : 'child';
}

/**
 * The steps for the subject. A guide published before it had pregnancy steps (migration 0036) shows
 * a pregnancy the child steps of that level rather than none, until the municipality publishes them.
 * Without a subject, every step (a lookup by key, e.g. a screening's suggested step).
 */
export async function guideSteps(db: Db | Tx, guideVersionId: string, lang: Language, level?: number, subject?: GuideSubject): Promise<GuideStep[]> {
  const all = (await stepsOfVersion(db, guideVersionId)).filter((r) => level === undefined || r.level === level);
  const forSubject = subject ? all.filter((r) => r.subject === subject) : all;
  const rows = forSubject.length ? forSubject : all.filter((r) => r.subject === 'child');
  return rows.map((r) => ({
    level: r.level,
    position: r.position,
    stepKey: r.step_key,
    title: r[`title_${lang}`],
    body: r[`body_${lang}`],
    links: r.links.map((l) => ({ label: l.label[lang], url: l.url })),
  }));
}

/** Entries per page of the relay log. */
export const ENTRY_PAGE_SIZE = 50;

/** Where a page of the relay log ends: the last entry's time (microseconds since 1970) and id. */
export interface EntryCursor {
  micros: string;
  id: string;
}

export function encodeEntryCursor(cursor: EntryCursor): string {
  return Buffer.from(`${cursor.micros}.${cursor.id}`).toString('base64url');
}

/** The cursor a client sent back, or null when it is not one this server made. */
export function decodeEntryCursor(text: string): EntryCursor | null {
  const match = /^(\d{1,20})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(Buffer.from(text, 'base64url').toString());
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

/** Whether an entry is the newest version of its entry key. */
const isCurrent = sql<boolean>`NOT EXISTS (SELECT 1 FROM relay_log_entry n WHERE n.entry_key = e.entry_key AND n.version > e.version)`;

/**
 * One page of the current entries of the case `hc` of the enclosing query (the newest version of
 * each entry key), newest first by (written_at, id), in the categories given, after the cursor if any.
 */
function entriesPage(db: Db | Tx, categories: ReadonlySet<string> | 'all', before: EntryCursor | undefined, limit: number) {
  let query = db
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
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from e.written_at) * 1000000)::bigint::text`.as('written_micros'),
    ])
    .where('e.case_id', '=', sql<string>`hc.id`)
    // A purged case keeps its row, not its log.
    .where(sql<Date | null>`hc.purged_at`, 'is', null)
    .where(isCurrent);
  if (categories !== 'all') query = query.where('e.category', 'in', [...categories]);
  if (before) {
    query = query.where(sql<boolean>`(e.written_at, e.id) < (timestamptz 'epoch' + ${before.micros}::bigint * interval '1 microsecond', ${before.id}::uuid)`);
  }
  return query.orderBy('e.written_at', 'desc').orderBy('e.id', 'desc').limit(limit);
}

type EntryRow = InferResult<ReturnType<typeof entriesPage>>[number];
/** An entry as JSON carries it: its times as text. */
type EntryJson = Omit<EntryRow, 'written_at' | 'first_written_at'> & { written_at: string; first_written_at: string | null };

/** Where a page of a case's worries ends: the last one's date and id. */
export interface WorryCursor {
  noticedOn: string;
  id: string;
}

/**
 * The whole case read but its access decision, in one statement: the person, who is involved now,
 * the latest case, a page of its worries and of its relay log in the categories the reader may see
 * ('all': every one; each page one row longer than asked, to tell whether there is more), and how
 * many current entries lie outside those categories.
 */
export async function loadCaseView(db: Db | Tx, personId: string, visible: ReadonlySet<string> | 'all', page: { before?: EntryCursor | undefined; entries: number; worriesAfter?: WorryCursor | undefined; worries: number }) {
  const none = visible !== 'all' && visible.size === 0;
  const row = await db
    .selectFrom('person as p')
    .leftJoinLateral(
      (eb) => eb.selectFrom('help_case').select(['id', 'closed_at', 'purged_at']).whereRef('person_id', '=', 'p.id')
        .orderBy(sql`closed_at IS NULL`, 'desc').orderBy('opened_at', 'desc').limit(1).as('hc'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'p.id', 'p.given_name', 'p.family_name', 'p.birth_date', 'p.kind',
      'hc.id as case_id', 'hc.closed_at', 'hc.purged_at',
      jsonArrayFrom(
        eb.selectFrom('involvement as i').innerJoin('staff_user as s', 's.id', 'i.staff_user_id').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
          .select(['i.kind', 'i.started_at', 's.id as staff_id', 's.display_name', 's.title', 'u.name as unit_name'])
          .whereRef('i.person_id', '=', 'p.id').where('i.ended_at', 'is', null).orderBy('i.started_at').orderBy('i.id'),
      ).as('involved'),
      jsonArrayFrom((() => {
        let worries = eb.selectFrom('worry as w').innerJoin('staff_user as s', 's.id', 'w.noticed_by')
          .select(['w.id', 'w.categories', 'w.description', 'w.noticed_on', 's.display_name'])
          .whereRef('w.case_id', '=', 'hc.id');
        // A worry is shown when one of its categories is.
        if (visible !== 'all') worries = worries.where(sql<boolean>`w.categories && ${sql.val([...visible])}::text[]`);
        const after = page.worriesAfter;
        if (after) worries = worries.where(sql<boolean>`(w.noticed_on, w.id) > (${after.noticedOn}::date, ${after.id}::uuid)`);
        return worries.orderBy('w.noticed_on').orderBy('w.id').limit(page.worries);
      })()).as('worries'),
      none
        ? sql<EntryJson[]>`'[]'::json`.as('entries')
        : sql<EntryJson[]>`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${entriesPage(db, visible, page.before, page.entries)}) x)`.as('entries'),
      visible === 'all'
        ? sql<number>`0`.as('hidden')
        : (() => {
          let hidden = eb.selectFrom('relay_log_entry as e').select(sql<number>`count(*)::int`.as('n')).whereRef('e.case_id', '=', 'hc.id').where(isCurrent);
          if (visible.size > 0) hidden = hidden.where('e.category', 'not in', [...visible]);
          return hidden.as('hidden');
        })(),
    ])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    ...row,
    // JSON carries timestamps as text: the same Date the driver gives for a column.
    involved: row.involved.map((i) => ({ ...i, started_at: new Date(i.started_at) })),
    entries: row.entries.map((e) => ({ ...e, written_at: new Date(e.written_at), first_written_at: e.first_written_at === null ? null : new Date(e.first_written_at) })),
    hidden: row.purged_at ? 0 : Number(row.hidden ?? 0),
  };
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
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)));
  if (onlyUnitId) query = query.where('u.id', '=', onlyUnitId);
  const rows = await query.orderBy('u.name').orderBy('s.display_name').execute();
  return rows
    .filter((r) => purposes.some((purpose) => consentCovers(consents, { id: r.unit_id, typeCode: r.type_code }, purpose, now).covered))
    .map((r) => ({ id: r.id, name: r.display_name, title: r.title, unitId: r.unit_id, unitName: r.unit_name, unitTypeCode: r.type_code }));
}

/** Involves the staff user with the person in this kind, unless they already are. */
export async function involve(db: Db | Tx, personId: string, staffUserId: string, kind: Involvement['kind']): Promise<void> {
  const current = await db.selectFrom('involvement').select('id')
    .where('person_id', '=', personId).where('staff_user_id', '=', staffUserId).where('kind', '=', kind).where('ended_at', 'is', null).executeTakeFirst();
  if (current) return;
  await db.insertInto('involvement').values({ person_id: personId, staff_user_id: staffUserId, kind }).execute();
}
