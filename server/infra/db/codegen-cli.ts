// `npm run db:types`: migrates a fresh database on the PostgreSQL server (TEST_POSTGRES_URL, by
// default the local one), writes types.ts from its schema and drops the database again.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateTypes } from './codegen.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sammen_types_${process.pid}`;
const typesFile = fileURLToPath(new URL('./types.ts', import.meta.url));

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE ${name}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, dataDir: 'memory' });
  try {
    await migrate(database.db);
    await writeFile(typesFile, await generateTypes(database.db));
  } finally {
    await database.close();
  }
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(`Wrote ${typesFile} from the migrated schema.`);
