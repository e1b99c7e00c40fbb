// The spelling vocabulary of a municipality's published catalogue: every word of the published
// services' names, synonyms and summaries, which the search offers as corrections of a misspelt
// word ("helsesøstr" → "helsesøster"). It changes only when an administrator publishes, so it is
// built once per publication and kept in memory; each search asks the database for the catalogue's
// published version (one small statement) and rebuilds only when it moved. Every server process
// checks for itself, so several processes never serve a stale vocabulary for longer than a request.
import { sql } from 'kysely';
import type { Db, Tx } from '../../infra/db/database.ts';

/** How alike a misspelt word and a word in the catalogue must be to count as the same (as pg_trgm's similarity). */
const CORRECTION_THRESHOLD = 0.5;
/** Municipalities whose vocabulary is kept; one installation serves a few. */
const CACHED = 64;

interface Vocabulary {
  version: string;
  words: Set<string>;
  trigrams: { word: string; trigrams: Set<string> }[];
}

const cache = new Map<string, Vocabulary>();

/**
 * The trigrams pg_trgm makes of a text: each run of letters and digits, lower-cased, padded with two
 * spaces before and one after, cut into every three consecutive characters.
 */
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) result.add(padded.slice(i, i + 3).join(''));
  }
  return result;
}

/** pg_trgm's similarity(): shared trigrams over all trigrams of the two. */
export function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

/** Which versions of which services are published: changes with every publication. */
async function publishedVersion(db: Db | Tx, municipalityId: string): Promise<string> {
  const result = await sql<{ version: string | null }>`
    SELECT md5(string_agg(id::text || ':' || published_version, ',' ORDER BY id)) AS version
    FROM catalogue_service WHERE municipality_id = ${municipalityId} AND published_version IS NOT NULL`.execute(db);
  return result.rows[0]?.version ?? '';
}

async function build(db: Db | Tx, municipalityId: string, version: string): Promise<Vocabulary> {
  const result = await sql<{ word: string }>`
    SELECT DISTINCT w AS word
    FROM catalogue_service s
    JOIN catalogue_service_version v ON v.service_id = s.id AND v.version = s.published_version
    JOIN catalogue_service_text t ON t.version_id = v.id
    CROSS JOIN LATERAL regexp_split_to_table(lower(t.name || ' ' || t.keywords || ' ' || t.summary), '[\\s.,;:!?()«»"''/–—-]+') AS w
    WHERE s.municipality_id = ${municipalityId} AND length(w) >= 3
    ORDER BY w`.execute(db);
  const words = result.rows.map((r) => r.word);
  return { version, words: new Set(words), trigrams: words.map((word) => ({ word, trigrams: trigrams(word) })) };
}

async function vocabulary(db: Db | Tx, municipalityId: string): Promise<Vocabulary> {
  const version = await publishedVersion(db, municipalityId);
  const cached = cache.get(municipalityId);
  if (cached?.version === version) return cached;
  const fresh = await build(db, municipalityId, version);
  cache.delete(municipalityId);
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  cache.set(municipalityId, fresh);
  return fresh;
}

/**
 * Words of the published catalogue that are close to what was typed but not equal to it, the most
 * alike first (at most three per word). Exact words and inflected forms are left to the stemmer.
 */
export async function spellingCorrections(db: Db | Tx, municipalityId: string, typed: string[]): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>();
  if (typed.length === 0) return corrections;
  const known = await vocabulary(db, municipalityId);
  for (const word of typed) {
    if (known.words.has(word)) continue;
    const mine = trigrams(word);
    const close = known.trigrams
      .map((c) => ({ word: c.word, sim: similarity(mine, c.trigrams) }))
      .filter((c) => c.sim >= CORRECTION_THRESHOLD)
      .sort((a, b) => b.sim - a.sim || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    if (close.length) corrections.set(word, close.slice(0, 3).map((c) => c.word));
  }
  return corrections;
}
