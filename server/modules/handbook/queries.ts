// Reads of the handbook tables that the service, the public model and the action guide's link check
// share. Public reads see only published versions; a staff-only page only when the reader may.
import { sql } from 'kysely';
import { handbookPath } from '../../../common/handbook.ts';
import type { Language } from '../../../common/roles.ts';
import type { Db, Tx } from '../../infra/db/database.ts';
import { tsqueryText } from '../catalogue/queries.ts';

type Handle = Db | Tx;

/** The municipality a public read is for: the code asked for, else the reader's own, else the one this installation serves first. */
export async function handbookMunicipality(db: Handle, code: string | undefined, staffMunicipalityId: string | undefined) {
  const base = db.selectFrom('municipality').select(['id', 'name', 'code']);
  if (code) return base.where('code', '=', code).executeTakeFirst();
  if (staffMunicipalityId) return base.where('id', '=', staffMunicipalityId).executeTakeFirst();
  return base.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

/** Published pages in the reader's language (bokmål where not written in it); staff-only ones only when asked. */
function publishedPages(db: Handle, municipalityId: string, lang: Language, withStaffOnly: boolean) {
  let query = db
    .selectFrom('handbook_page as p')
    .innerJoin('handbook_page_version as v', (j) => j.onRef('v.page_id', '=', 'p.id').onRef('v.version', '=', 'p.published_version'))
    .innerJoin('handbook_page_text as nb', (j) => j.onRef('nb.version_id', '=', 'v.id').on('nb.lang', '=', 'nb'))
    .leftJoin('handbook_page_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', lang))
    .where('p.municipality_id', '=', municipalityId);
  if (!withStaffOnly) query = query.where('v.visibility', '=', 'public');
  return query;
}

export interface PageSummaryRow { id: string; slug: string; title: string; excerpt: string; visibility: 'public' | 'staff' }

export async function publishedSummaries(db: Handle, municipalityId: string, lang: Language, withStaffOnly: boolean, ids?: string[]): Promise<PageSummaryRow[]> {
  if (ids?.length === 0) return [];
  let query = publishedPages(db, municipalityId, lang, withStaffOnly).select((eb) => [
    'p.id', 'p.slug', 'v.visibility',
    eb.fn.coalesce('t.title', 'nb.title').as('title'),
    sql<string>`left(coalesce(t.body_text, nb.body_text), 220)`.as('excerpt'),
  ]);
  if (ids) query = query.where('p.id', 'in', ids);
  const rows = await query.orderBy('title').orderBy('p.id').execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, excerpt: r.excerpt, visibility: r.visibility as 'public' | 'staff' }));
}

export async function publishedPage(db: Handle, municipalityId: string, slug: string, lang: Language, withStaffOnly: boolean) {
  return publishedPages(db, municipalityId, lang, withStaffOnly)
    .select((eb) => [
      'p.id', 'p.slug', 'v.visibility', 'v.version', 'v.published_at', 'v.about_team_kind',
      eb.fn.coalesce('t.title', 'nb.title').as('title'),
      eb.fn.coalesce('t.body_html', 'nb.body_html').as('html'),
      sql<Language>`CASE WHEN t.title IS NULL THEN 'nb' ELSE t.lang END`.as('lang'),
    ])
    .where('p.slug', '=', slug)
    .executeTakeFirst();
}

/** The words of the published pages the reader may see: the spelling vocabulary of the handbook's search. */
export async function publishedWords(db: Handle, municipalityId: string, withStaffOnly: boolean): Promise<string[]> {
  const result = await sql<{ word: string }>`
    SELECT DISTINCT w AS word
    FROM handbook_page p
    JOIN handbook_page_version v ON v.page_id = p.id AND v.version = p.published_version
    JOIN handbook_page_text t ON t.version_id = v.id
    CROSS JOIN LATERAL regexp_split_to_table(lower(t.title || ' ' || t.body_text), '[\\s.,;:!?()«»"''/–—-]+') AS w
    WHERE p.municipality_id = ${municipalityId} AND length(w) >= 3 AND (v.visibility = 'public' OR ${withStaffOnly})
    ORDER BY w`.execute(db);
  return result.rows.map((r) => r.word);
}

/**
 * Ranks the published pages for the words typed, as the catalogue ranks its services: the best
 * over the page's languages of the full-text rank (titles weigh most, Norwegian or English
 * stemming, prefixes, spelling corrections OR-ed in), a bonus when every word is found, and the
 * trigram likeness of what was typed to the title.
 */
export async function searchPublished(db: Handle, municipalityId: string, lang: Language, words: string[], corrections: Map<string, string[]>, withStaffOnly: boolean): Promise<{ id: string; score: number }[]> {
  if (words.length === 0) return [];
  const anyWord = tsqueryText(words, corrections, '|');
  const everyWord = tsqueryText(words, corrections, '&');
  const typed = words.join(' ');
  const result = await sql<{ id: string; score: number }>`
    WITH q AS MATERIALIZED (
      SELECT to_tsquery('norwegian', ${anyWord}) AS nb_any, to_tsquery('english', ${anyWord}) AS en_any,
        to_tsquery('norwegian', ${everyWord}) AS nb_every, to_tsquery('english', ${everyWord}) AS en_every
    ), candidates AS (
      SELECT p.id, t.lang, t.title, t.search,
        CASE WHEN t.lang = 'en' THEN q.en_any ELSE q.nb_any END AS any_q,
        CASE WHEN t.lang = 'en' THEN q.en_every ELSE q.nb_every END AS every_q
      FROM handbook_page p
      JOIN handbook_page_version v ON v.page_id = p.id AND v.version = p.published_version
      JOIN handbook_page_text t ON t.version_id = v.id
      CROSS JOIN q
      WHERE p.municipality_id = ${municipalityId} AND (v.visibility = 'public' OR ${withStaffOnly})
    ), scored AS (
      SELECT id, search @@ any_q AS found, ts_rank(search, any_q) AS rank_any, search @@ every_q AS all_words,
        strict_word_similarity(${typed}, lower(title)) AS title_likeness, lang = ${lang} AS own_language
      FROM candidates
    )
    SELECT id, max(
      rank_any
      + CASE WHEN all_words THEN 0.3 ELSE 0 END
      + CASE WHEN title_likeness >= 0.5 THEN 0.6 * title_likeness ELSE 0 END
      + CASE WHEN own_language THEN 0.02 ELSE 0 END
    )::float8 AS score
    FROM scored
    WHERE found OR title_likeness >= 0.6
    GROUP BY id
    ORDER BY score DESC, id
    LIMIT 50`.execute(db);
  return result.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/** The steps of the municipality's newest action guide that link to the page, in the reader's language. */
export async function stepsLinkingTo(db: Handle, municipalityId: string, slug: string, lang: Language) {
  const title = lang === 'nn' ? 's.title_nn' : lang === 'en' ? 's.title_en' : 's.title_nb';
  const rows = await db
    .selectFrom('action_guide_step as s')
    .innerJoin('action_guide_version as v', 'v.id', 's.guide_version_id')
    .select(['s.level', 's.step_key', sql<string>`coalesce(nullif(${sql.ref(title)}, ''), s.title_nb)`.as('title')])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.version', '=', (eb) => eb.selectFrom('action_guide_version').select((e) => e.fn.max('version').as('v')).where('municipality_id', '=', municipalityId))
    .where(sql<boolean>`s.links @> ${JSON.stringify([{ url: handbookPath(slug) }])}::jsonb`)
    .orderBy('s.level').orderBy('s.position')
    .execute();
  return rows.map((r) => ({ level: r.level, stepKey: r.step_key, title: r.title }));
}

/** Which of these slugs are published pages of the municipality, with their visibility. */
export async function publishedSlugs(db: Handle, municipalityId: string, slugs: string[]): Promise<Map<string, 'public' | 'staff'>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('handbook_page as p')
    .innerJoin('handbook_page_version as v', (j) => j.onRef('v.page_id', '=', 'p.id').onRef('v.version', '=', 'p.published_version'))
    .select(['p.slug', 'v.visibility'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.slug', 'in', slugs)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.visibility as 'public' | 'staff']));
}
