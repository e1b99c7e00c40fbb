// The audit writer (tilgangslogg). It only runs inside a transaction, so an access and its record
// commit or roll back together.
import { sql, type QueryCreator } from 'kysely';
import type { Tx } from '../../infra/db/database.ts';
import { executeBeforeCommit } from '../../infra/db/pipelined.ts';
import type { DB } from '../../infra/db/types.ts';
import type { Principal } from '../../infra/http/context.ts';
import { currentClientIp } from '../../infra/http/request-scope.ts';
import type { AuditedAction } from './presentation.ts';

export interface AuditEntry {
  principal: Principal | null;
  /** Only from the typed list: every action in the log has words for the family (presentation.ts). */
  action: AuditedAction;
  purpose: string;
  outcome: 'allowed' | 'denied';
  reason: string;
  subject?: { kind: 'person' | 'staff'; id: string } | undefined;
  entity?: { type: string; id: string } | undefined;
  requestId?: string | undefined;
  /** Done by Sammen itself (a background job), not by a person. */
  system?: boolean;
  /** Which background job (access/gate.ts, systemHandle): the system row's actor name. */
  job?: string | undefined;
}

/** Writes one event, or several in one statement (a list that names many people audits them all at once). */
export async function writeAudit(trx: Tx, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  if (!trx.isTransaction) throw new Error('The audit log is written only inside a transaction');
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (list.length === 0) return;
  await auditInsert(trx, list).execute();
}

/**
 * Writes the events as a statement whose answer nothing waits for: on PostgreSQL it goes out with
 * the transaction's next statement or its COMMIT, in the same round trip (infra/db/pipelined.ts).
 * A failure still undoes the whole transaction.
 */
export async function writeAuditBeforeCommit(trx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await executeBeforeCommit(trx, auditInsert(trx, entries));
}

/**
 * The columns an event's row goes to the database in, with their types: every stored column, and
 * the person or staff user whose municipality the insert looks up when the row has none.
 */
const UNNESTED = {
  municipality_id: 'uuid', person_id: 'uuid', staff_user_id: 'uuid', actor_kind: 'text', actor_id: 'uuid', actor_name: 'text', actor_role: 'text', actor_unit_id: 'uuid',
  subject_kind: 'text', subject_id: 'uuid', action: 'text', entity_type: 'text', entity_id: 'text', purpose: 'text', outcome: 'text', reason: 'text', request_id: 'text', client_ip: 'text',
} as const;
type UnnestedColumn = keyof typeof UNNESTED;
type StoredColumn = Exclude<UnnestedColumn, 'person_id' | 'staff_user_id'>;
/** Stored as they come. */
const STORED = (Object.keys(UNNESTED) as UnnestedColumn[]).filter((c): c is StoredColumn => c !== 'person_id' && c !== 'staff_user_id');
/** For rows without a municipality: the lookup's keys too. */
const WITH_LOOKUP = [...STORED, 'person_id', 'staff_user_id'] as const;

const unnest = (rows: Record<UnnestedColumn, string | null>[], columns: readonly UnnestedColumn[]) =>
  sql`unnest(${sql.join(columns.map((c) => sql`${rows.map((r) => r[c])}::${sql.raw(UNNESTED[c])}[]`))}) as e(${sql.join(columns.map((c) => sql.ref(c)))})`;

/**
 * The insert of these events, to run on its own or beside another statement as a CTE (one round trip
 * for both). The rows go as one array per column, unnested in the database: the statement is the
 * same text for one row or a page of fifty (one prepared statement), and neither the query builder
 * nor the driver handles a value per column per row.
 *
 * A signed-in user's rows carry their municipality. Only rows without one (Sammen itself, an
 * anonymous caller) look it up from the subject, in a statement of their own shape: PostgreSQL
 * planned that lookup afresh on every execution (its cost depends on how many rows the arrays hold),
 * while the plain insert keeps one plan per connection.
 */
export function auditInsert(db: QueryCreator<DB>, entries: readonly AuditEntry[]) {
  const clientIp = currentClientIp();
  const rows = entries.map((entry) => row(entry, clientIp));
  const insert = db.insertInto('audit_event').columns(STORED);
  if (rows.every((r) => r.municipality_id !== null)) {
    return insert.expression(sql`select ${sql.join(STORED.map((c) => sql.ref(`e.${c}`)))} from ${unnest(rows, STORED)}`);
  }
  const found = sql`coalesce(e.municipality_id, (select municipality_id from person where id = e.person_id), (select municipality_id from staff_user where id = e.staff_user_id))`;
  return insert.expression(sql`select ${sql.join(STORED.map((c) => (c === 'municipality_id' ? found : sql.ref(`e.${c}`))))} from ${unnest(rows, WITH_LOOKUP)}`);
}

function row(entry: AuditEntry, clientIp: string | null): Record<UnnestedColumn, string | null> {
  const p = entry.principal;
  return {
    ...municipalityOf(entry),
    actor_kind: p ? p.kind : entry.system ? 'system' : 'anonymous',
    actor_id: p ? (p.kind === 'staff' ? p.staffUserId : p.accountId) : null,
    actor_name: p?.displayName ?? entry.job ?? null,
    actor_role: p ? (p.kind === 'staff' ? p.activeRole : 'citizen') : null,
    actor_unit_id: p?.kind === 'staff' ? p.serviceUnitId : null,
    subject_kind: entry.subject?.kind ?? null,
    subject_id: entry.subject?.id ?? null,
    action: entry.action,
    entity_type: entry.entity?.type ?? null,
    entity_id: entry.entity?.id ?? null,
    purpose: entry.purpose,
    outcome: entry.outcome,
    reason: entry.reason,
    request_id: entry.requestId ?? null,
    client_ip: clientIp,
  };
}

/**
 * The municipality an event belongs to (decision 0019): a signed-in user's own (a citizen's is where
 * their person is registered); for Sammen itself or an anonymous visitor, the subject's, looked up
 * inside the insert, so it costs no round trip.
 */
function municipalityOf(entry: AuditEntry): Pick<Record<UnnestedColumn, string | null>, 'municipality_id' | 'person_id' | 'staff_user_id'> {
  const p = entry.principal;
  const none = { municipality_id: null, person_id: null, staff_user_id: null };
  if (p) return { ...none, municipality_id: p.municipalityId };
  if (entry.subject?.kind === 'person') return { ...none, person_id: entry.subject.id };
  if (entry.subject?.kind === 'staff') return { ...none, staff_user_id: entry.subject.id };
  return none;
}
