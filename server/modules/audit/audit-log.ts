// The audit writer (tilgangslogg). It only runs inside a transaction, so an access and its record
// commit or roll back together.
import { sql, type InsertObject, type QueryCreator } from 'kysely';
import type { Tx } from '../../infra/db/database.ts';
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

/** The insert of these events, to run on its own or beside another statement as a CTE (one round trip for both). */
export function auditInsert(db: QueryCreator<DB>, entries: readonly AuditEntry[]) {
  const clientIp = currentClientIp();
  return db.insertInto('audit_event').values(entries.map((entry) => row(entry, clientIp)));
}

/**
 * The municipality an event belongs to (decision 0019): a staff user's own; a citizen's, from their
 * person; for Sammen itself or an anonymous visitor, the subject's. Looked up inside the insert, so
 * it costs no round trip.
 */
function municipalityOf(entry: AuditEntry) {
  const p = entry.principal;
  if (p?.kind === 'staff') return p.municipalityId;
  const personId = p?.kind === 'citizen' ? p.personId : entry.subject?.kind === 'person' ? entry.subject.id : null;
  if (personId) return sql<string | null>`(SELECT municipality_id FROM person WHERE id = ${personId}::uuid)`;
  if (entry.subject?.kind === 'staff') return sql<string | null>`(SELECT municipality_id FROM staff_user WHERE id = ${entry.subject.id}::uuid)`;
  return null;
}

function row(entry: AuditEntry, clientIp: string | null): InsertObject<DB, 'audit_event'> {
  const p = entry.principal;
  return {
    municipality_id: municipalityOf(entry),
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
