// Two database roles on a real PostgreSQL (decision 0011): an owner that runs the migrations and owns
// every table, and the application role the server connects as. The grant step below runs as the
// owner after every migration and sets the application role's privileges from scratch, so it is
// idempotent and a table added by a later migration is covered the next time it runs. The role name
// is the deployment's, which is why this is code and not a numbered migration.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { MIGRATION_LOCK } from './migrate.ts';

/**
 * Tables where the server may do less than ordinary DML. The audit log may only grow; its chain and
 * seal state are written only by audit_seal(), which runs with the owner's rights.
 */
export const RESTRICTED_TABLES: Readonly<Record<string, readonly string[]>> = {
  audit_event: ['SELECT', 'INSERT'],
  audit_chain: ['SELECT'],
  audit_seal_state: ['SELECT'],
  schema_migration: ['SELECT'],
};
const ORDINARY_DML = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;
/** Functions the server calls that run as their owner. */
const OWNER_FUNCTIONS = ['audit_seal(integer)'] as const;

export class UnsafeApplicationRoleError extends Error {}

/** Grants the application role what the server needs and nothing that can rewrite the audit log. */
export async function grantApplicationRole(owner: Db, appRole: string): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    // Concurrent GRANTs on one object fail ("tuple concurrently updated"): one process at a time.
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    const role = await sql<{ superuser: boolean; owner: boolean; same: boolean }>`
      SELECT rolsuper AS superuser, pg_has_role(rolname, current_user, 'USAGE') AS owner, rolname = current_user AS same
      FROM pg_roles WHERE rolname = ${appRole}`.execute(trx);
    const found = role.rows[0];
    if (!found) throw new UnsafeApplicationRoleError(`The application role ${appRole} does not exist`);
    if (found.same || found.superuser || found.owner) {
      throw new UnsafeApplicationRoleError(
        `The application role ${appRole} is a superuser, the owner role or a member of it, so it could rewrite the audit log. ` +
          'Give the server a role of its own (see README, "Database roles").',
      );
    }
    const to = sql.id(appRole);
    await sql`GRANT USAGE ON SCHEMA ${sql.id(await currentSchema(trx))} TO ${to}`.execute(trx);
    const tables = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`.execute(trx);
    for (const { name } of tables.rows) {
      const privileges = RESTRICTED_TABLES[name] ?? ORDINARY_DML;
      // Revoking first also takes back anything granted by hand (TRUNCATE, TRIGGER, UPDATE on the log).
      await sql`REVOKE ALL ON TABLE ${sql.id(name)} FROM ${to}`.execute(trx);
      await sql`GRANT ${sql.raw(privileges.join(', '))} ON TABLE ${sql.id(name)} TO ${to}`.execute(trx);
    }
    const sequences = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'`.execute(trx);
    for (const { name } of sequences.rows) {
      // nextval and currval, but no setval.
      await sql`REVOKE ALL ON SEQUENCE ${sql.id(name)} FROM ${to}`.execute(trx);
      await sql`GRANT USAGE, SELECT ON SEQUENCE ${sql.id(name)} TO ${to}`.execute(trx);
    }
    for (const fn of OWNER_FUNCTIONS) await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${to}`.execute(trx);
  });
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return rows[0]!.schema;
}

export async function currentRole(db: Db): Promise<string> {
  const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(db);
  return rows[0]!.role;
}

/**
 * Whether the connected role could change or remove audit events: a superuser, the table's owner
 * (or a member of it), or a role granted UPDATE, DELETE or TRUNCATE. The server refuses to start in
 * production on such a role.
 */
export async function canRewriteAuditLog(db: Db): Promise<boolean> {
  const { rows } = await sql<{ can: boolean }>`
    SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
        OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_event'::regclass), 'USAGE')
        OR has_table_privilege('audit_event', 'UPDATE')
        OR has_table_privilege('audit_event', 'DELETE')
        OR has_table_privilege('audit_event', 'TRUNCATE') AS can`.execute(db);
  return rows[0]!.can;
}
