// `npm run migrate`: applies pending migrations to DATABASE_URL, or to PGlite under DATA_DIR. With
// DATABASE_OWNER_URL they run as the owner role, followed by the grant step for DATABASE_URL's role.
import { loadConfig } from '../../config.ts';
import { openMigratedDatabase } from './setup.ts';

const config = loadConfig();
const { database, applied } = await openMigratedDatabase(config);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
if (config.databaseOwnerUrl) console.log('Privileges of the application role set.');
await database.close();
