// Opens the server's database and brings it up to date. With DATABASE_OWNER_URL the migrations and
// the grant step run as the owner role, and the server keeps only the application role's connection;
// without it one connection (PGlite, or a single PostgreSQL role) does both.
import type { Config } from '../../config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';
import { canRewriteAuditLog, currentRole, grantApplicationRole } from './roles.ts';

export interface MigratedDatabase {
  database: Database;
  applied: string[];
  /** The server's role can change or remove audit events: a single-role setup, fine only for development. */
  auditLogRewritable: boolean;
}

export async function openMigratedDatabase(config: Pick<Config, 'databaseUrl' | 'databaseOwnerUrl' | 'dataDir'> & Partial<Pick<Config, 'databasePreparedStatements'>>): Promise<MigratedDatabase> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.databasePreparedStatements });
  try {
    let applied: string[];
    if (config.databaseOwnerUrl) {
      const owner = await openDatabase({ databaseUrl: config.databaseOwnerUrl, dataDir: config.dataDir });
      try {
        applied = await migrate(owner.db);
        await grantApplicationRole(owner.db, await currentRole(database.db));
      } finally {
        await owner.close();
      }
    } else {
      applied = await migrate(database.db);
    }
    // PGlite is one embedded user in the server's own process: roles protect nothing there.
    const auditLogRewritable = database.kind === 'postgresql' && (await canRewriteAuditLog(database.db));
    return { database, applied, auditLogRewritable };
  } catch (error) {
    await database.close();
    throw error;
  }
}
