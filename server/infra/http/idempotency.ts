// Idempotency keys: the first answer to a create, kept per user under the client's key so a retry
// gets that answer instead of a second record (see migrations/0018 and route.ts, which uses these).
import type { Db, Tx } from '../db/database.ts';
import { AppError, conflict } from './errors.ts';

/** How long a key is remembered: longer than any client retries, short enough to keep the table small. */
export const IDEMPOTENCY_KEY_HOURS = 24;

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** A repeated create answered from the idempotency key: the first answer, status and body. */
export class ReplayedResponse {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    this.status = status;
    this.body = body;
  }
}

/** Claims the key for this request, or finds the first answer to replay. Waits while a concurrent holder of the key is uncommitted. */
export async function claimKey(trx: Tx, owner: string, key: string, hash: string): Promise<ReplayedResponse | null> {
  const claimed = await trx
    .insertInto('idempotency_key')
    .values({ owner, key, request_hash: hash })
    .onConflict((oc) => oc.columns(['owner', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed) return null;
  const first = await trx.selectFrom('idempotency_key').select(['request_hash', 'status', 'response']).where('owner', '=', owner).where('key', '=', key).executeTakeFirst();
  if (!first || first.status === null) throw conflict();
  if (first.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'errors.idempotencyKeyReused');
  return new ReplayedResponse(first.status, first.response);
}

/** The background job: forgets keys older than IDEMPOTENCY_KEY_HOURS. */
export async function deleteExpiredIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_key').where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
