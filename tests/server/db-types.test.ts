// The Kysely types (server/infra/db/types.ts) are what the migrations make: generated from this
// run's migrated database, they must equal the committed file. A migration that adds, drops or
// changes a column without `npm run db:types` fails here, naming the column.
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTypes } from '../../server/infra/db/codegen.ts';
import { openDatabase } from '../../server/infra/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const TYPES_FILE = new URL('../../server/infra/db/types.ts', import.meta.url);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** Each line with the interface (table) it stands in, so a difference reads "Person: national_id: string | null;". */
function located(source: string): string[] {
  let within = '';
  return source.split('\n').map((line) => {
    const opening = /^export (?:interface|type) (\w+)/.exec(line);
    if (opening) within = opening[1]!;
    return line.startsWith('  ') ? `${within}: ${line.trim()}` : line;
  });
}

/** The lines only one side has, each marked with the side: what a regeneration would add (+) and remove (-). */
function difference(committed: string, generated: string): string[] {
  const before = located(committed);
  const after = located(generated);
  const kept = new Set(before);
  const had = new Set(after);
  return [...after.filter((line) => !kept.has(line)).map((line) => `+ ${line}`), ...before.filter((line) => !had.has(line)).map((line) => `- ${line}`)];
}

describe('database types', () => {
  it('are generated from the migrated schema: types.ts is what `npm run db:types` writes', async () => {
    const [committed, generated] = await Promise.all([readFile(TYPES_FILE, 'utf8'), generateTypes(database.db)]);
    expect(difference(committed, generated), 'run `npm run db:types`; the lines a regeneration changes').toEqual([]);
    // Same lines can still stand in another order (a table's columns, the tables).
    expect(generated === committed, 'run `npm run db:types`: the lines are the same but in another order').toBe(true);
  });

  it('name a column a migration adds, with its type and the values its CHECK allows, when the file does not know it', async () => {
    // As the owner (who runs migrations), in a transaction that is rolled back: the schema stays as migrated.
    const owner = database.urls ? await openDatabase({ databaseUrl: database.urls.owner, dataDir: 'memory' }) : database;
    const trx = await owner.db.startTransaction().execute();
    try {
      await trx.schema.alterTable('person').addColumn('nickname', 'text').execute();
      await trx.schema.alterTable('person').addColumn('mood', 'text', (column) => column.notNull().defaultTo('glad').check(sql`mood IN ('glad', 'sad')`)).execute();
      const [committed, generated] = await Promise.all([readFile(TYPES_FILE, 'utf8'), generateTypes(trx)]);
      expect(difference(committed, generated)).toEqual(['+ Person: mood: Generated<"glad" | "sad">;', '+ Person: nickname: string | null;']);
    } finally {
      await trx.rollback().execute();
      if (owner !== database) await owner.close();
    }
  });
});
