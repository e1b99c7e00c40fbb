// Lists come in pages: at most a fixed number of rows in a stable order (ending in a unique column,
// so equal sort values never shuffle between pages), `hasMore`, and an opaque `nextCursor` — the
// last row's sort key — that the client sends back as `after` for the next page.
import { z } from 'zod';
import { invalidField } from './errors.ts';

/** Rows per page of a list read. */
export const PAGE_SIZE = 50;

/** The `after` query parameter of a paged list. */
export const afterCursor = z.string().min(1).max(400).optional();

/** The query of a list with no other parameters: `after` is the `nextCursor` of the page before. */
export const PageQuery = z.strictObject({ after: afterCursor });

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key.map(String))).toString('base64url');
}

const CursorKey = z.array(z.string().max(200));

/** What the parts of a cursor may look like, for a key that goes into SQL as a number, date or id. */
export const CURSOR_PART = {
  micros: /^-?\d{1,20}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  text: /^/,
  bigint: /^\d{1,19}$/,
  int: /^-?\d{1,9}$/,
};

/**
 * The sort key a cursor carries, or a 400 naming the field (`after`) when it is not one this server
 * made: as many strings as `parts` lists, each matching its pattern — so a forged part never reaches
 * the query as a cast that fails or a value that reads something else.
 */
export function decodeCursor(text: string | undefined, parts: readonly RegExp[], field = 'after'): string[] | undefined {
  if (text === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString());
  } catch {
    key = null;
  }
  const parsed = CursorKey.safeParse(key);
  if (!parsed.success || parsed.data.length !== parts.length || parsed.data.some((part, i) => !parts[i]!.test(part))) throw invalidField(field, 'errors.badCursor');
  return parsed.data;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * Cuts the `limit + 1` rows a query fetched to one page. More than that means the query lost its
 * limit and read the whole list: a bug, refused here so that tests/server/paging.test.ts fails.
 */
export function toPage<T>(rows: readonly T[], keyOf: (row: T) => readonly (string | number)[], limit = PAGE_SIZE): Page<T> {
  if (rows.length > limit + 1) throw new Error(`a paged read fetched ${rows.length} rows for a page of ${limit}: its query has no limit`);
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  const last = items.at(-1);
  return { items, hasMore, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
