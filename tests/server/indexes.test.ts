// Issue 12, "by construction": after migration, the catalog itself shows that every foreign key and
// every column a hot `where` looks up has an index to serve it. Without one, a lookup that costs a
// millisecond for a municipality scans millions of rows for the nation (worry.case_id did).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

interface IndexRow {
  table: string;
  name: string;
  columns: string[];
  predicate: string | null;
}

/** Every index in the public schema with its key columns in order (expressions as null) and its predicate. */
async function indexes(): Promise<IndexRow[]> {
  const { rows } = await sql<{ table: string; name: string; columns: (string | null)[]; predicate: string | null }>`
    SELECT t.relname AS table, ix.relname AS name,
      array(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            ORDER BY k.n)::text[] AS columns,
      pg_get_expr(i.indpred, i.indrelid) AS predicate
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_class ix ON ix.oid = i.indexrelid
    WHERE t.relnamespace = 'public'::regnamespace`.execute(database.db);
  return rows.map((r) => ({ ...r, columns: r.columns.map((c) => c ?? '') }));
}

/**
 * An index serves an equality lookup on `columns` when they are its leading columns and it holds
 * every row such a lookup can find: no predicate, `leading IS NOT NULL` (implied by equality), or
 * the one predicate the lookup always carries (`alwaysWhere`).
 */
function serves(index: IndexRow, table: string, columns: string[], alwaysWhere?: string): boolean {
  if (index.table !== table) return false;
  if (columns.some((c, n) => index.columns[n] !== c)) return false;
  if (index.predicate === null) return true;
  const predicate = index.predicate.replace(/^\((.*)\)$/, '$1');
  return predicate === `${columns[0]} IS NOT NULL` || predicate === alwaysWhere;
}

describe('indexes after migration', () => {
  it('index every foreign-key column (the leading column of a multi-column key)', async () => {
    const { rows: foreignKeys } = await sql<{ table: string; column: string; constraint: string }>`
      SELECT t.relname AS table, a.attname AS column, c.conname AS constraint
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      ORDER BY 1, 2`.execute(database.db);
    // The schema has foreign keys; an empty catalog read would prove nothing.
    expect(foreignKeys.length).toBeGreaterThan(50);
    const all = await indexes();
    const unindexed = foreignKeys.filter((fk) => !all.some((i) => serves(i, fk.table, [fk.column]))).map((fk) => `${fk.table}.${fk.column} (${fk.constraint})`);
    expect(unindexed).toEqual([]);
  });

  // Columns the requests look up by, with the predicate each lookup always carries (if any).
  const lookups: { table: string; columns: string[]; alwaysWhere?: string; why: string }[] = [
    { table: 'worry', columns: ['case_id'], why: 'a case read lists its worries' },
    { table: 'help_case', columns: ['person_id'], why: 'the transition check and the case read find a child’s cases' },
    { table: 'transition', columns: ['case_id'], why: 'the transition check (isTransitionReceiver) and the case read' },
    { table: 'transition', columns: ['to_unit_id'], why: 'transitions a unit receives' },
    { table: 'involvement', columns: ['person_id', 'staff_user_id'], why: 'the access check: is this user involved with this child' },
    { table: 'involvement', columns: ['staff_user_id'], alwaysWhere: 'ended_at IS NULL', why: 'a professional’s own children' },
    { table: 'consent', columns: ['subject_id'], why: 'the consents about a child, read by every access check' },
    { table: 'consent_giver', columns: ['person_id'], why: 'the consents a guardian gave' },
    { table: 'consent_recipient', columns: ['consent_id'], why: 'the units a consent names' },
    { table: 'relay_log_entry', columns: ['case_id'], why: 'a case’s relay log' },
    { table: 'session', columns: ['token_hash'], why: 'every signed-in request' },
  ];

  it.each(lookups)('index the lookup $table($columns): $why', async ({ table, columns, alwaysWhere }) => {
    const all = await indexes();
    expect(all.some((i) => i.table === table), `table ${table} exists`).toBe(true);
    const serving = all.filter((i) => serves(i, table, columns, alwaysWhere)).map((i) => i.name);
    expect(serving, `an index on ${table}(${columns.join(', ')})`).not.toEqual([]);
  });
});
