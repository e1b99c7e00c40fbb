// Reads and writes of the catalogue tables. The public reads only ever see the published version
// of a service; drafts and history are read by the administrator's service functions.
import { sql } from 'kysely';
import type { GuideDefinition, RuleSet, Situation, Audience } from '../../../common/catalogue.ts';
import { LANGUAGES, type Language } from '../../../common/roles.ts';
import type { Db, Tx } from '../../infra/db/database.ts';
import { storedRuleSet } from './rules.ts';
import type { ServiceTextsInput } from './schema.ts';

export interface ServiceVersionContent {
  ageFrom: number | null;
  ageTo: number | null;
  audiences: Audience[];
  situations: Situation[];
  lowThreshold: boolean;
  phone: string | null;
  email: string | null;
  url: string | null;
  address: string | null;
  rules: RuleSet;
  changeNote: string | null;
  texts: Record<Language, ServiceTextsInput>;
}

export interface ServiceSummary {
  id: string;
  slug: string;
  name: string;
  summary: string;
  ageFrom: number | null;
  ageTo: number | null;
  audiences: Audience[];
  situations: Situation[];
  lowThreshold: boolean;
}

export interface ServiceDetails extends ServiceSummary {
  audienceText: string;
  howTo: string;
  cost: string;
  openingHours: string;
  location: string;
  phone: string | null;
  email: string | null;
  url: string | null;
  address: string | null;
  version: number;
  publishedAt: Date | string | null;
}

type Handle = Db | Tx;

/** The municipality's name, and the revision of its catalogue the search keeps its answers by (vocabulary.ts). */
const municipalityColumns = ['id', 'name', 'catalogue_revision'] as const;

/**
 * The municipality whose catalogue a request sees: the signed-in user's own, otherwise the one this
 * installation serves (Sammen is run by one municipality; with several, the first one set up).
 */
export async function catalogueMunicipality(db: Handle, ownMunicipalityId: string | undefined) {
  const query = db.selectFrom('municipality').select(municipalityColumns);
  if (ownMunicipalityId) return query.where('id', '=', ownMunicipalityId).executeTakeFirst();
  return query.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function loadGuide(db: Handle, municipalityId: string): Promise<{ version: number; definition: GuideDefinition }> {
  const row = await db
    .selectFrom('catalogue_guide')
    .select(['version', 'definition'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, definition: { questions: [] } };
  const definition = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as GuideDefinition;
  return { version: row.version, definition };
}

export async function insertGuide(db: Handle, municipalityId: string, version: number, definition: GuideDefinition, createdBy: string | null) {
  await db
    .insertInto('catalogue_guide')
    .values({ municipality_id: municipalityId, version, definition: JSON.stringify(definition), created_by: createdBy })
    .execute();
}

/** Adds one version of a service with its texts in every language. */
export async function insertVersion(db: Handle, serviceId: string, version: number, content: ServiceVersionContent, createdBy: string | null) {
  const row = await db
    .insertInto('catalogue_service_version')
    .values({
      service_id: serviceId, version, age_from: content.ageFrom, age_to: content.ageTo, audiences: content.audiences,
      situations: content.situations, low_threshold: content.lowThreshold, phone: content.phone, email: content.email,
      url: content.url, address: content.address, rules: JSON.stringify(content.rules), change_note: content.changeNote,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('catalogue_service_text')
    .values(
      LANGUAGES.map((lang) => {
        const t = content.texts[lang];
        return {
          version_id: row.id, lang, name: t.name, summary: t.summary, audience_text: t.audienceText, how_to: t.howTo,
          cost: t.cost, opening_hours: t.openingHours, location: t.location, keywords: t.keywords,
        };
      }),
    )
    .execute();
  return row.id;
}

const versionColumns = [
  'v.id as version_id', 'v.version', 'v.age_from', 'v.age_to', 'v.audiences', 'v.situations', 'v.low_threshold', 'v.phone',
  'v.email', 'v.url', 'v.address', 'v.rules', 'v.change_note', 'v.created_at', 'v.published_at',
] as const;

/** One version of a service with its texts in every language (the administrator's view). */
export async function loadVersion(db: Handle, serviceId: string, version: number) {
  const row = await db
    .selectFrom('catalogue_service_version as v')
    .leftJoin('staff_user as c', 'c.id', 'v.created_by')
    .leftJoin('staff_user as p', 'p.id', 'v.published_by')
    .select([...versionColumns, 'c.display_name as created_by_name', 'p.display_name as published_by_name'])
    .where('v.service_id', '=', serviceId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  const texts = await db.selectFrom('catalogue_service_text').selectAll().where('version_id', '=', row.version_id).execute();
  const byLang = Object.fromEntries(
    LANGUAGES.map((lang) => {
      const t = texts.find((x) => x.lang === lang);
      return [lang, {
        name: t?.name ?? '', summary: t?.summary ?? '', audienceText: t?.audience_text ?? '', howTo: t?.how_to ?? '', cost: t?.cost ?? '',
        openingHours: t?.opening_hours ?? '', location: t?.location ?? '', keywords: t?.keywords ?? '',
      }];
    }),
  ) as Record<Language, ServiceTextsInput>;
  const content: ServiceVersionContent = {
    ageFrom: row.age_from, ageTo: row.age_to, audiences: row.audiences as Audience[], situations: row.situations as Situation[],
    lowThreshold: row.low_threshold, phone: row.phone, email: row.email, url: row.url, address: row.address,
    rules: storedRuleSet(row.rules), changeNote: row.change_note, texts: byLang,
  };
  return {
    version: row.version, createdAt: row.created_at, createdBy: row.created_by_name, publishedAt: row.published_at,
    publishedBy: row.published_by_name, content,
  };
}

export async function loadServiceRow(db: Handle, municipalityId: string, serviceId: string) {
  return db
    .selectFrom('catalogue_service')
    .select(['id', 'slug', 'latest_version', 'published_version'])
    .where('id', '=', serviceId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Every version of a service, newest first, with who saved and who published it. */
export async function versionHistory(db: Handle, serviceId: string, lang: Language) {
  return db
    .selectFrom('catalogue_service_version as v')
    .innerJoin('catalogue_service_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', lang))
    .innerJoin('catalogue_service_text as nb', (j) => j.onRef('nb.version_id', '=', 'v.id').on('nb.lang', '=', 'nb'))
    .leftJoin('staff_user as c', 'c.id', 'v.created_by')
    .leftJoin('staff_user as p', 'p.id', 'v.published_by')
    // A draft may not have every language yet: its bokmål name stands in.
    .select((eb) => [
      'v.version', 'v.created_at', 'v.published_at', 'v.change_note', 'c.display_name as created_by_name', 'p.display_name as published_by_name',
      eb.fn.coalesce(eb.fn<string>('nullif', ['t.name', eb.val('')]), 'nb.name').as('name'),
    ])
    .where('v.service_id', '=', serviceId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** All services of the municipality with their latest and published versions (the administrator's list). */
/** A page of the municipality's services by name in the reader's language (bokmål where it has none), then id, after the cursor if any. */
export async function adminServiceList(db: Handle, municipalityId: string, lang: Language, page: { after?: readonly string[] | undefined; limit: number }) {
  const name = sql<string>`coalesce(nullif(t.name, ''), nb.name)`;
  let query = db
    .selectFrom('catalogue_service as s')
    .innerJoin('catalogue_service_version as v', (j) => j.onRef('v.service_id', '=', 's.id').onRef('v.version', '=', 's.latest_version'))
    .innerJoin('catalogue_service_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', lang))
    .innerJoin('catalogue_service_text as nb', (j) => j.onRef('nb.version_id', '=', 'v.id').on('nb.lang', '=', 'nb'))
    .select(['s.id', 's.slug', 's.latest_version', 's.published_version', 's.updated_at', 'v.situations', name.as('name')])
    .where('s.municipality_id', '=', municipalityId);
  if (page.after) query = query.where(sql<boolean>`(${name}, s.id) > (${page.after[0]}, ${page.after[1]}::uuid)`);
  return query.orderBy(name).orderBy('s.id').limit(page.limit).execute();
}

// ---------------------------------------------------------------------------------------------
// Public reads: published versions only.

export interface PublicFilters {
  situation?: Situation | undefined;
  audience?: Audience | undefined;
  age?: number | undefined;
}

function publishedBase(db: Handle, municipalityId: string, lang: Language, filters: PublicFilters) {
  let query = db
    .selectFrom('catalogue_service as s')
    .innerJoin('catalogue_service_version as v', (j) => j.onRef('v.service_id', '=', 's.id').onRef('v.version', '=', 's.published_version'))
    .innerJoin('catalogue_service_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', lang))
    .where('s.municipality_id', '=', municipalityId);
  if (filters.situation) query = query.where(sql<boolean>`v.situations @> ARRAY[${filters.situation}]::text[]`);
  if (filters.audience) query = query.where(sql<boolean>`v.audiences @> ARRAY[${filters.audience}]::text[]`);
  if (filters.age !== undefined) {
    const age = filters.age;
    query = query.where((eb) => eb.and([
      eb.or([eb('v.age_from', 'is', null), eb('v.age_from', '<=', age)]),
      eb.or([eb('v.age_to', 'is', null), eb('v.age_to', '>=', age)]),
    ]));
  }
  return query;
}

const summaryColumns = [
  's.id', 's.slug', 't.name', 't.summary', 'v.age_from', 'v.age_to', 'v.audiences', 'v.situations', 'v.low_threshold',
] as const;

type SummaryRow = {
  id: string; slug: string; name: string; summary: string; age_from: number | null; age_to: number | null;
  audiences: string[]; situations: string[]; low_threshold: boolean;
};

export function toSummary(r: SummaryRow): ServiceSummary {
  return {
    id: r.id, slug: r.slug, name: r.name, summary: r.summary, ageFrom: r.age_from, ageTo: r.age_to,
    audiences: r.audiences as Audience[], situations: r.situations as Situation[], lowThreshold: r.low_threshold,
  };
}

export async function publishedSummaries(db: Handle, municipalityId: string, lang: Language, filters: PublicFilters = {}, ids?: string[]) {
  let query = publishedBase(db, municipalityId, lang, filters).select([...summaryColumns]);
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('s.id', 'in', ids);
  }
  const rows = await query.orderBy('t.name').execute();
  return rows.map(toSummary);
}

export async function publishedService(db: Handle, municipalityId: string, slug: string, lang: Language): Promise<ServiceDetails | null> {
  const r = await publishedBase(db, municipalityId, lang, {})
    .select([
      ...summaryColumns, 't.audience_text', 't.how_to', 't.cost', 't.opening_hours', 't.location', 'v.phone', 'v.email', 'v.url',
      'v.address', 'v.version', 'v.published_at',
    ])
    .where('s.slug', '=', slug)
    .executeTakeFirst();
  if (!r) return null;
  return {
    ...toSummary(r), audienceText: r.audience_text, howTo: r.how_to, cost: r.cost, openingHours: r.opening_hours, location: r.location,
    phone: r.phone, email: r.email, url: r.url, address: r.address, version: r.version, publishedAt: r.published_at,
  };
}

/** The published services with their rules, in name order, for suggestions. */
export async function publishedWithRules(db: Handle, municipalityId: string, lang: Language) {
  const rows = await publishedBase(db, municipalityId, lang, {}).select([...summaryColumns, 'v.rules']).orderBy('t.name').execute();
  return rows.map((r) => ({ ...toSummary(r), rules: storedRuleSet(r.rules) }));
}

// ---------------------------------------------------------------------------------------------
// Search

/** Splits what was typed into words: letters and digits only, so they are safe inside a tsquery. */
export function searchWords(q: string): string[] {
  const words = q.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, 8);
}

/** `(word:* | correction) op (…)`; the words hold only letters and digits. The handbook's search uses it too. */
export function tsqueryText(words: string[], corrections: Map<string, string[]>, op: '&' | '|'): string {
  return words
    .map((w) => {
      const alternatives = [w.length >= 3 ? `${w}:*` : w, ...(corrections.get(w) ?? [])];
      return `(${alternatives.join(' | ')})`;
    })
    .join(` ${op} `);
}

export interface SearchHit {
  service: ServiceSummary;
  score: number;
}

/**
 * Ranks the published services for the words typed, in one statement that also returns their
 * summaries. A service's score is the best over its three language versions of: the full-text rank
 * (name and synonyms weigh most, Norwegian or English stemming, prefixes so compound words are
 * found, spelling corrections OR-ed in), a bonus when every word is found, and the trigram likeness
 * of what was typed to whole words of the name and of the synonyms.
 */
export async function searchPublished(db: Handle, municipalityId: string, lang: Language, words: string[], corrections: Map<string, string[]>, filters: PublicFilters): Promise<SearchHit[]> {
  if (words.length === 0) return [];
  const anyWord = tsqueryText(words, corrections, '|');
  const everyWord = tsqueryText(words, corrections, '&');
  const typed = words.join(' ');
  // The services the filters leave, with their summaries in the reader's language.
  const shown = publishedBase(db, municipalityId, lang, filters).select([...summaryColumns]);
  const result = await sql<SummaryRow & { score: number }>`
    WITH shown AS ${shown},
    -- Each query parsed once per language, not once per text.
    q AS MATERIALIZED (
      SELECT to_tsquery('norwegian', ${anyWord}) AS nb_any, to_tsquery('english', ${anyWord}) AS en_any,
        to_tsquery('norwegian', ${everyWord}) AS nb_every, to_tsquery('english', ${everyWord}) AS en_every
    ), candidates AS (
      SELECT shown.id, t.lang, t.name, t.keywords, t.search,
        CASE WHEN t.lang = 'en' THEN q.en_any ELSE q.nb_any END AS any_q,
        CASE WHEN t.lang = 'en' THEN q.en_every ELSE q.nb_every END AS every_q
      FROM shown
      JOIN catalogue_service s ON s.id = shown.id
      JOIN catalogue_service_version v ON v.service_id = s.id AND v.version = s.published_version
      JOIN catalogue_service_text t ON t.version_id = v.id
      CROSS JOIN q
    ), scored AS (
      SELECT id,
        search @@ any_q AS found,
        ts_rank(search, any_q) AS rank_any,
        search @@ every_q AS all_words,
        strict_word_similarity(${typed}, lower(name)) AS name_likeness,
        strict_word_similarity(${typed}, lower(keywords)) AS keyword_likeness,
        lang = ${lang} AS own_language
      FROM candidates
    ), ranked AS (
      SELECT id, max(
        rank_any
        + CASE WHEN all_words THEN 0.3 ELSE 0 END
        -- Trigram likeness counts only when a word is really alike (a typo), not merely related.
        + CASE WHEN name_likeness >= 0.5 THEN 0.6 * name_likeness ELSE 0 END
        + CASE WHEN keyword_likeness >= 0.5 THEN 0.3 * keyword_likeness ELSE 0 END
        + CASE WHEN own_language THEN 0.02 ELSE 0 END
      )::float8 AS score
      FROM scored
      WHERE found OR name_likeness >= 0.6 OR keyword_likeness >= 0.6
      GROUP BY id
      ORDER BY score DESC, id
      LIMIT 50
    )
    SELECT shown.*, ranked.score FROM ranked JOIN shown ON shown.id = ranked.id
    ORDER BY ranked.score DESC, ranked.id
  `.execute(db);
  return result.rows.map((r) => ({ service: toSummary(r), score: Number(r.score) }));
}

/** Number of published services per life situation (the navigation shows them). */
export async function situationCounts(db: Handle, municipalityId: string): Promise<Record<string, number>> {
  const result = await sql<{ situation: string; count: number }>`
    SELECT situation, count(*)::int AS count
    FROM catalogue_service s
    JOIN catalogue_service_version v ON v.service_id = s.id AND v.version = s.published_version
    CROSS JOIN LATERAL unnest(v.situations) AS situation
    WHERE s.municipality_id = ${municipalityId}
    GROUP BY situation
  `.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.situation, Number(r.count)]));
}
