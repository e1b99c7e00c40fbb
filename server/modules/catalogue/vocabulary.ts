// What the search keeps per published catalogue of a municipality: the spelling vocabulary (every
// word of the published services' names, synonyms and summaries, offered as corrections of a
// misspelt word: "helsesøstr" → "helsesøster") and the answers to searches made since. Both change
// only when an administrator publishes, so they are kept in memory, keyed by the catalogue's
// revision, which any change to the municipality's services renews (migration 0048). Each search
// reads the revision with the municipality and starts afresh when it moved. Every server process
// checks for itself, so several processes never serve a stale catalogue for longer than a request.
import { sql } from 'kysely';
import type { Db, Tx } from '../../infra/db/database.ts';

/** How alike a misspelt word and a word in the catalogue must be to count as the same (as pg_trgm's similarity). */
const CORRECTION_THRESHOLD = 0.5;
/** Municipalities whose catalogue is kept; one installation serves a few. */
const CACHED = 64;
/** Answers kept per catalogue: the searches people make most are few. */
const ANSWERS = 500;

export interface Vocabulary {
  words: Set<string>;
  trigrams: { word: string; trigrams: Set<string> }[];
}

interface Kept {
  revision: string;
  vocabulary: Promise<Vocabulary> | null;
  answers: Map<string, Promise<unknown>>;
}

const cache = new Map<string, Kept>();

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

/** A spelling vocabulary of these words (the handbook builds one from its published pages). */
export function vocabularyOf(words: string[]): Vocabulary {
  return { words: new Set(words), trigrams: words.map((word) => ({ word, trigrams: trigrams(word) })) };
}

async function build(db: Db | Tx, municipalityId: string): Promise<Vocabulary> {
  const result = await sql<{ word: string }>`
    SELECT DISTINCT w AS word
    FROM catalogue_service s
    JOIN catalogue_service_version v ON v.service_id = s.id AND v.version = s.published_version
    JOIN catalogue_service_text t ON t.version_id = v.id
    CROSS JOIN LATERAL regexp_split_to_table(lower(t.name || ' ' || t.keywords || ' ' || t.summary), '[\\s.,;:!?()«»"''/–—-]+') AS w
    WHERE s.municipality_id = ${municipalityId} AND length(w) >= 3
    ORDER BY w`.execute(db);
  return vocabularyOf(result.rows.map((r) => r.word));
}

/**
 * Words of the published catalogue that are close to what was typed but not equal to it, the most
 * alike first (at most three per word). Exact words and inflected forms are left to the stemmer.
 */
export function corrections(vocabulary: Vocabulary, typed: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const word of typed) {
    if (vocabulary.words.has(word)) continue;
    const mine = trigrams(word);
    const close = vocabulary.trigrams
      .map((c) => ({ word: c.word, sim: similarity(mine, c.trigrams) }))
      .filter((c) => c.sim >= CORRECTION_THRESHOLD)
      .sort((a, b) => b.sim - a.sim || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    if (close.length) found.set(word, close.slice(0, 3).map((c) => c.word));
  }
  return found;
}

export interface PublishedCatalogue {
  /** Spelling corrections for the words typed (see corrections()). */
  spellingCorrections(typed: string[]): Promise<Map<string, string[]>>;
  /** The answer kept for this search (its key names language, words and filters), else computed and kept. */
  answer<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** The municipality's published catalogue as the search sees it, at the revision just read from the database. */
export function publishedCatalogue(db: Db | Tx, municipality: { id: string; catalogue_revision: string }): PublishedCatalogue {
  const municipalityId = municipality.id;
  const revision = municipality.catalogue_revision;
  let kept = cache.get(municipalityId);
  if (kept?.revision !== revision) {
    kept = { revision, vocabulary: null, answers: new Map() };
    cache.delete(municipalityId);
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
    cache.set(municipalityId, kept);
  }
  const current = kept;
  return {
    async spellingCorrections(typed) {
      if (typed.length === 0) return new Map();
      current.vocabulary ??= build(db, municipalityId).catch((error: unknown) => {
        current.vocabulary = null;
        throw error;
      });
      return corrections(await current.vocabulary, typed);
    },
    answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const known = current.answers.get(key);
      if (known) return known as Promise<T>;
      const fresh = compute().catch((error: unknown) => {
        current.answers.delete(key);
        throw error;
      });
      if (current.answers.size >= ANSWERS) current.answers.delete(current.answers.keys().next().value!);
      current.answers.set(key, fresh);
      return fresh;
    },
  };
}
