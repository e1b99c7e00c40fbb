// The audit writer (tilgangslogg). It only runs inside a transaction, so an access and its record
// commit or roll back together.
import { sql, type QueryCreator } from 'kysely';
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

/**
 * The insert of these events, to run on its own or beside another statement as a CTE (one round trip
 * for both). The rows go as one array per column, unnested in the database: the statement is the
 * same text for one row or a page of fifty (one prepared statement), and neither the query builder
 * nor the driver handles a value per column per row.
 */
export function auditInsert(db: QueryCreator<DB>, entries: readonly AuditEntry[]) {
  const clientIp = currentClientIp();
  const c = { municipality: [] as (string | null)[], person: [] as (string | null)[], staff: [] as (string | null)[], actorKind: [] as string[], actorId: [] as (string | null)[],
    actorName: [] as (string | null)[], actorRole: [] as (string | null)[], actorUnit: [] as (string | null)[], subjectKind: [] as (string | null)[], subjectId: [] as (string | null)[],
    action: [] as string[], entityType: [] as (string | null)[], entityId: [] as (string | null)[], purpose: [] as string[], outcome: [] as string[], reason: [] as string[],
    requestId: [] as (string | null)[], clientIp: [] as (string | null)[] };
  for (const entry of entries) {
    const p = entry.principal;
    const where = municipalityOf(entry);
    c.municipality.push(where.municipalityId);
    c.person.push(where.personId);
    c.staff.push(where.staffUserId);
    c.actorKind.push(p ? p.kind : entry.system ? 'system' : 'anonymous');
    c.actorId.push(p ? (p.kind === 'staff' ? p.staffUserId : p.accountId) : null);
    c.actorName.push(p?.displayName ?? entry.job ?? null);
    c.actorRole.push(p ? (p.kind === 'staff' ? p.activeRole : 'citizen') : null);
    c.actorUnit.push(p?.kind === 'staff' ? p.serviceUnitId : null);
    c.subjectKind.push(entry.subject?.kind ?? null);
    c.subjectId.push(entry.subject?.id ?? null);
    c.action.push(entry.action);
    c.entityType.push(entry.entity?.type ?? null);
    c.entityId.push(entry.entity?.id ?? null);
    c.purpose.push(entry.purpose);
    c.outcome.push(entry.outcome);
    c.reason.push(entry.reason);
    c.requestId.push(entry.requestId ?? null);
    c.clientIp.push(clientIp);
  }
  return db.insertInto('audit_event')
    .columns(['municipality_id', 'actor_kind', 'actor_id', 'actor_name', 'actor_role', 'actor_unit_id', 'subject_kind', 'subject_id', 'action', 'entity_type', 'entity_id', 'purpose', 'outcome', 'reason', 'request_id', 'client_ip'])
    .expression(sql`select coalesce(e.municipality_id, (select municipality_id from person where id = e.person_id), (select municipality_id from staff_user where id = e.staff_user_id)),
        e.actor_kind, e.actor_id, e.actor_name, e.actor_role, e.actor_unit_id, e.subject_kind, e.subject_id, e.action, e.entity_type, e.entity_id, e.purpose, e.outcome, e.reason, e.request_id, e.client_ip
      from unnest(${c.municipality}::uuid[], ${c.person}::uuid[], ${c.staff}::uuid[], ${c.actorKind}::text[], ${c.actorId}::uuid[], ${c.actorName}::text[], ${c.actorRole}::text[],
        ${c.actorUnit}::uuid[], ${c.subjectKind}::text[], ${c.subjectId}::uuid[], ${c.action}::text[], ${c.entityType}::text[], ${c.entityId}::text[], ${c.purpose}::text[],
        ${c.outcome}::text[], ${c.reason}::text[], ${c.requestId}::text[], ${c.clientIp}::text[])
        as e(municipality_id, person_id, staff_user_id, actor_kind, actor_id, actor_name, actor_role, actor_unit_id, subject_kind, subject_id, action, entity_type, entity_id, purpose, outcome, reason, request_id, client_ip)`);
}

/**
 * The municipality an event belongs to (decision 0019): a staff user's own; a citizen's, from their
 * person; for Sammen itself or an anonymous visitor, the subject's. A person's or staff user's is
 * looked up inside the insert, so it costs no round trip.
 */
function municipalityOf(entry: AuditEntry): { municipalityId: string | null; personId: string | null; staffUserId: string | null } {
  const p = entry.principal;
  if (p?.kind === 'staff') return { municipalityId: p.municipalityId, personId: null, staffUserId: null };
  const personId = p?.kind === 'citizen' ? p.personId : entry.subject?.kind === 'person' ? entry.subject.id : null;
  if (personId) return { municipalityId: null, personId, staffUserId: null };
  if (entry.subject?.kind === 'staff') return { municipalityId: null, personId: null, staffUserId: entry.subject.id };
  return { municipalityId: null, personId: null, staffUserId: null };
}
