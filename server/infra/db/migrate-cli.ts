// `npm run migrate`: applies pending migrations to DATABASE_URL, or to PGlite under DATA_DIR.
import { loadConfig } from '../../config.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(database.db);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await database.close();
