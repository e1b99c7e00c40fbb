// Person-scoped reads that audit themselves. The family is promised that every response naming a
// person leaves one audit row naming that person (decision 0015). Remembering a recordAccess() call
// in every handler is how rows went missing, so the rule lives here instead:
// - authorize() notes the person it decided about;
// - readPeople() records the people a handler is about to show, once each in a request;
// - the route guard hands every guarded response to checkPeopleNamedIn(), which finds each person id
//   the response carries (in any field, link or text) and refuses to commit when one of them was
//   neither the subject of an allowed decision nor read by the handler: a person leaves in a response
//   only when authorized, never audited after the fact.
// A request's audit rows are written together, in the statement of that check just before the
// transaction commits (one round trip for the rows and the check; decision 0036): they commit or roll
// back with the request as before, and a request that fails writes none.
// Background jobs have no request: systemReads() gives a run the same once-per-person ledger, with
// Sammen itself as the actor.
import { sql } from 'kysely';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { auditInsert, writeAudit, writeAuditBeforeCommit, type AuditEntry } from '../audit/audit-log.ts';
import type { RequestAudit } from '../../infra/http/context.ts';
import type { AuditedAction } from '../audit/presentation.ts';
import { systemJobOf, ungatedTrx } from './gate.ts';

export interface PersonRead {
  /** An AccessAction, or a system action with a text in audit/presentation.ts. */
  action: AuditedAction;
  purpose: string;
  /** Why this person is part of the response, e.g. 'guardian_of_read_person'. */
  reason: string;
  entity?: { type: string; id: string } | undefined;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MAX_DEPTH = 32;

/** The citizen's own person: reading one's own data is not someone else looking. */
function self(ctx: DataContext): string | null {
  return ctx.principal?.kind === 'citizen' ? ctx.principal.personId : null;
}

interface Access { action: AuditedAction; purpose: string; subject?: { kind: string; id: string } | undefined; entity?: { type: string; id: string } | undefined }

const accessKey = (a: Access) => `${a.action}|${a.subject?.kind ?? ''}:${a.subject?.id ?? ''}|${a.entity?.type ?? ''}:${a.entity?.id ?? ''}`;

/** The audit rows of a request, written before it commits (writePendingAudit, checkPeopleNamedIn). */
const pending = new WeakMap<RequestAudit, AuditEntry[]>();

/** Records an audit row of this request: it is written in the request's transaction, before it commits. */
export function auditInRequest(ctx: DataContext, entries: AuditEntry | readonly AuditEntry[]): void {
  if (!pending.has(ctx.audit)) pending.set(ctx.audit, []);
  pending.get(ctx.audit)!.push(...(Array.isArray(entries) ? entries : [entries as AuditEntry]));
}

function takePending(ctx: DataContext): AuditEntry[] {
  const rows = pending.get(ctx.audit) ?? [];
  pending.delete(ctx.audit);
  return rows;
}

/** Writes the request's audit rows (for an answer sent straight to the reply): with the next statement or the COMMIT. */
async function writePendingAudit(ctx: DataContext): Promise<void> {
  await writeAuditBeforeCommit(ungatedTrx(ctx), takePending(ctx));
}

/** Whether this request already recorded the same allowed access (a handler that loads a thing twice). */
export function alreadyRecorded(ctx: DataContext, access: Access): boolean {
  return ctx.audit.allowed.has(accessKey(access));
}

/** Called by authorize() and recordAccess() after they wrote the row of an allowed access. */
export function noteAccess(ctx: DataContext, access: Access): void {
  ctx.audit.allowed.add(accessKey(access));
  if (access.subject?.kind === 'person') ctx.audit.people.add(access.subject.id);
}

/**
 * Records that this request reads and shows these people: one row per person per request, after an
 * allowed decision. Null ids (an anonymous referral, a notification about no one) are skipped.
 */
export function readPeople(ctx: DataContext, personIds: Iterable<string | null | undefined>, read: PersonRead): void {
  if (!ctx.decisions.some((d) => d.allowed)) throw new Error('readPeople needs an allowed access decision first');
  const own = self(ctx);
  const fresh: string[] = [];
  for (const id of personIds) {
    if (!id || id === own || ctx.audit.people.has(id)) continue;
    ctx.audit.people.add(id);
    fresh.push(id);
  }
  auditInRequest(ctx, fresh.map((id) => ({
    principal: ctx.principal, action: read.action, purpose: read.purpose, outcome: 'allowed' as const, reason: read.reason,
    subject: { kind: 'person' as const, id }, entity: read.entity, requestId: ctx.requestId,
  })));
}

function collectIds(value: unknown, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (typeof value === 'string') {
    // Most strings of a response are names, dates and codes: too short, or without the hyphen every id has.
    if (value.length >= 36 && value.includes('-')) for (const match of value.matchAll(UUID)) into.add(match[0].toLowerCase());
    return;
  }
  if (typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into, depth + 1);
    return;
  }
  for (const item of Object.values(value)) collectIds(item, into, depth + 1);
}

async function unrecordedPeople(ctx: DataContext, value: unknown): Promise<string[]> {
  const found = new Set<string>();
  collectIds(value, found, 0);
  const own = self(ctx);
  const candidates = [...found].filter((id) => id !== own && !ctx.audit.people.has(id));
  const rows = takePending(ctx);
  // The access module's own statements: beside the handler's gate, never through it.
  const trx = ungatedTrx(ctx);
  if (candidates.length === 0) {
    // Nothing to look up: the rows need no answer, and go out with the COMMIT.
    await writeAuditBeforeCommit(trx, rows);
    return [];
  }
  // The ids go as one array: one parameter and one statement text however many the answer holds.
  const people = rows.length > 0 ? trx.with('audit_rows', (db) => auditInsert(db, rows)) : trx;
  const named = await people.selectFrom('person').select('id').where(sql<boolean>`id = any(${candidates}::uuid[])`).execute();
  return named.map((r) => r.id).sort();
}

/**
 * For a response that shows text naming people it cannot list (the development mailbox): every
 * person whose id the value carries is read under the request's decision, with this reason.
 */
export async function readPeopleNamedIn(ctx: DataContext, value: unknown, read: PersonRead): Promise<void> {
  readPeople(ctx, await unrecordedPeople(ctx, value), read);
}

/** A guarded response named a person no decision in its request covered. */
export class UnauthorizedPersonInResponse extends Error {}

/**
 * The route guard: every person whose id a guarded response carries must have been authorized in
 * the request — the subject of an allowed decision (authorize), or read by the handler under one
 * (readPeople) — and so already has an audit row. One that was not makes the request fail and commit
 * nothing, like a guarded route without a decision. A file sent straight to the reply is not
 * scanned; its handler calls readPeople().
 */
export async function checkPeopleNamedIn(ctx: DataContext, response: unknown): Promise<void> {
  if (response === ctx.reply || ctx.reply.sent) return writePendingAudit(ctx);
  const named = await unrecordedPeople(ctx, response);
  if (named.length > 0) {
    throw new UnauthorizedPersonInResponse(`${ctx.request.method} ${ctx.request.routeOptions.url} names ${named.length} person(s) no decision in the request covered`);
  }
}

/**
 * A background job's reads: Sammen itself reads, once per person per run. On a handle from
 * systemHandle() (the worker gives each job one) the job's name is the row's actor.
 */
export function systemReads(trx: Tx) {
  const seen = new Set<string>();
  const job = systemJobOf(trx) ?? undefined;
  return {
    async read(personId: string | null | undefined, read: PersonRead): Promise<void> {
      if (!personId || seen.has(personId)) return;
      seen.add(personId);
      await writeAudit(trx, { principal: null, system: true, job, action: read.action, purpose: read.purpose, outcome: 'allowed', reason: read.reason, subject: { kind: 'person', id: personId }, entity: read.entity });
    },
  };
}
export type SystemReads = ReturnType<typeof systemReads>;
