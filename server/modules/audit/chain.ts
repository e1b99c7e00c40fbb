// Tamper evidence for the audit log (decision 0011). audit_seal() in the database links committed
// events into a hash chain; verifyAuditChain recomputes that chain here, in Node, from the events as
// they are now, and names the first event that no longer matches.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../infra/db/database.ts';

const SEAL_BATCH = 10_000;

/**
 * Seals every event that can be sealed now and returns how many were added. Each audit_seal() call
 * seals up to the horizon an earlier call recorded, so two rounds reach everything that had
 * committed before this started (unless a transaction older than that is still open).
 */
export async function sealAuditLog(db: Db): Promise<number> {
  let total = 0;
  for (let round = 0; round < 2; round++) {
    let n: number;
    do {
      const { rows } = await sql<{ n: number }>`SELECT audit_seal(${SEAL_BATCH}) AS n`.execute(db);
      n = rows[0]!.n;
      total += n;
    } while (n === SEAL_BATCH);
  }
  return total;
}

/**
 * Seals until every event that had committed when this started is in the chain, waiting (up to
 * timeoutMs) for transactions elsewhere on the server that hold the horizon back. Returns whether
 * it got there; the verify command reports what is left as not yet sealed.
 */
export async function sealCommitted(db: Db, timeoutMs = 10_000): Promise<boolean> {
  const { rows } = await sql<{ target: number | null }>`SELECT max(id) AS target FROM audit_event`.execute(db);
  const target = Number(rows[0]!.target ?? 0);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await sealAuditLog(db);
    const state = await db.selectFrom('audit_seal_state').select('sealed_through').executeTakeFirstOrThrow();
    if (Number(state.sealed_through) >= target) return true;
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type ChainBreak =
  /** The event's content differs from what was sealed, or the event before it was removed. */
  | 'changed'
  /** A sealed event is gone. */
  | 'removed'
  /** An event inside the sealed range has no seal: it was inserted afterwards. */
  | 'inserted'
  /** The chain stops before the last sealed event: events at its end were removed. */
  | 'truncated';

export type ChainVerification =
  | { ok: true; verified: number; pending: number; head: { id: number; hash: string } | null }
  | { ok: false; verified: number; broken: { id: number; occurredAt: Date | null; problem: ChainBreak } };

function bytes(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Recomputes the whole chain, in id order and in batches, against the events as stored now. */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<ChainVerification> {
  const state = await db.selectFrom('audit_seal_state').selectAll().executeTakeFirstOrThrow();
  const sealedThrough = Number(state.sealed_through);
  // Absent before migration 0021: then no event has a municipality yet.
  const withoutMunicipality = Number(state.sealed_without_municipality_through ?? 0);
  let previous: Buffer = Buffer.alloc(0);
  let after = 0;
  let verified = 0;
  let last: { id: number; hash: Buffer } | null = null;
  for (;;) {
    const { events, links, complete } = await db.transaction().execute(async (trx) => {
      // The same canonical text audit_seal() hashed: its timestamps are in UTC, and the events
      // sealed before they had a municipality (migration 0021) were hashed without it.
      await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
      const events = (
        await sql<{ id: number; occurred_at: Date; content: string }>`
          SELECT e.id, e.occurred_at,
            jsonb_strip_nulls(CASE WHEN e.id <= ${withoutMunicipality} THEN to_jsonb(e) - 'municipality_id' ELSE to_jsonb(e) END)::text AS content
          FROM audit_event e WHERE e.id > ${after} AND e.id <= ${sealedThrough}
          ORDER BY e.id LIMIT ${batchSize}`.execute(trx)
      ).rows;
      const complete = events.length < batchSize;
      const upTo = complete ? sealedThrough : Number(events.at(-1)!.id);
      const links = await trx
        .selectFrom('audit_chain').select(['event_id', 'hash'])
        .where('event_id', '>', after).where('event_id', '<=', upTo)
        .orderBy('event_id').execute();
      return { events, links, complete };
    });
    // Both lists are in id order: walk them together.
    let i = 0;
    let j = 0;
    while (i < events.length || j < links.length) {
      const event = events[i];
      const link = links[j];
      const eventId = event ? Number(event.id) : Infinity;
      const linkId = link ? Number(link.event_id) : Infinity;
      if (linkId < eventId) return { ok: false, verified, broken: { id: linkId, occurredAt: null, problem: 'removed' } };
      if (eventId < linkId) return { ok: false, verified, broken: { id: eventId, occurredAt: new Date(event!.occurred_at), problem: 'inserted' } };
      const hash = createHash('sha256').update(previous).update(event!.content, 'utf8').digest();
      if (!hash.equals(bytes(link!.hash))) return { ok: false, verified, broken: { id: eventId, occurredAt: new Date(event!.occurred_at), problem: 'changed' } };
      previous = hash;
      last = { id: eventId, hash };
      verified++;
      i++;
      j++;
    }
    if (complete) break;
    after = Number(events.at(-1)!.id);
  }
  const headId = state.head_id === null ? null : Number(state.head_id);
  if (headId !== (last?.id ?? null) || (last && state.head_hash && !bytes(state.head_hash).equals(last.hash))) {
    return { ok: false, verified, broken: { id: headId ?? last?.id ?? 0, occurredAt: null, problem: 'truncated' } };
  }
  const pending = await db
    .selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n'))
    .where('id', '>', sealedThrough).executeTakeFirstOrThrow();
  return { ok: true, verified, pending: pending.n, head: last ? { id: last.id, hash: last.hash.toString('hex') } : null };
}

const PROBLEMS: Record<ChainBreak, string> = {
  changed: 'does not match the chain: it was changed, or the event sealed before it was removed',
  removed: 'was sealed and is gone',
  inserted: 'lies inside the sealed part of the log but was never sealed: it was inserted afterwards',
  truncated: 'was the last sealed event, but the chain now ends before it: events at the end were removed',
};

/** The verification as an operator reads it. */
export function describeVerification(result: ChainVerification): string {
  if (result.ok) {
    const head = result.head ? ` Chain head: event ${result.head.id}, sha256 ${result.head.hash}.` : '';
    const pending = result.pending ? ` ${result.pending} newer events are not sealed yet.` : '';
    return `OK: ${result.verified} audit events verified.${head}${pending}`;
  }
  const { id, occurredAt, problem } = result.broken;
  const at = occurredAt ? ` (${occurredAt.toISOString()})` : '';
  return `BROKEN: audit event ${id}${at} ${PROBLEMS[problem]}. ${result.verified} events before it verified.`;
}
