// What the plan's service, its PDF and its jobs share.
import type { Tx } from '../../infra/db/database.ts';
import type { PlanChange } from '../../infra/db/types.ts';
import { AppError } from '../../infra/http/errors.ts';

export type PlanChangeKind = PlanChange['what'];

/** What only records an event about the plan and leaves its content, so its version, as it was. */
const KEEPS_VERSION: ReadonlySet<PlanChangeKind> = new Set(['confirmed', 'comment_added']);

/**
 * Records a change in the plan's history; a change of content makes the next version, under the
 * version the writer read (a concurrent change makes this one fail with 409).
 */
export async function recordChange(trx: Tx, plan: { id: string; version: number }, what: PlanChangeKind, by: { by_staff_id: string } | { by_person_id: string }, now: Date): Promise<number> {
  let version = plan.version;
  if (!KEEPS_VERSION.has(what)) {
    const updated = await trx.updateTable('individual_plan').set({ version: plan.version + 1 }).where('id', '=', plan.id).where('version', '=', plan.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'errors.conflict');
    version = plan.version + 1;
  }
  await trx.insertInto('plan_change').values({ plan_id: plan.id, version, what, changed_at: now, ...by }).execute();
  return version;
}
