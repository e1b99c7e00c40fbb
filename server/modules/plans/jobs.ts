// Reminders before each evaluation date of an active plan, to the coordinator in office: run hourly
// by the job queue in any number of server processes; the dedupe key names the evaluation and the
// recipient, so a second runner or the next run sends nothing twice.
import type { Db } from '../../infra/db/database.ts';
import { addDays, osloDate } from '../../../common/dates.ts';
import { formatDate } from '../../../common/i18n/index.ts';
import { notify } from '../notifications/service.ts';

/** An evaluation is announced this many days ahead. */
export const EVALUATION_NOTICE_DAYS = 14;

export async function sendPlanReminders(db: Db, now: Date): Promise<number> {
  const today = osloDate(now);
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('plan_evaluation as e').innerJoin('individual_plan as ip', 'ip.id', 'e.plan_id')
      .innerJoin('coordinator_assignment as a', (join) => join.onRef('a.person_id', '=', 'ip.person_id').on('a.status', '=', 'accepted'))
      .select(['e.id', 'e.due_on', 'ip.person_id', 'a.staff_user_id'])
      .where('ip.status', '=', 'active').where('e.done_at', 'is', null)
      .where('e.due_on', '>=', today).where('e.due_on', '<=', addDays(today, EVALUATION_NOTICE_DAYS))
      .orderBy('e.due_on').execute();
    for (const e of due) {
      const delivered = await notify(trx, {
        recipient: { kind: 'staff', staffUserId: e.staff_user_id }, kind: 'plan.evaluationDue', params: { date: formatDate(e.due_on) },
        link: `/barn/${e.person_id}/plan`, dedupeKey: `plan.evaluationDue:${e.id}:${e.staff_user_id}`,
      });
      if (delivered) {
        sent++;
        await trx.updateTable('plan_evaluation').set({ reminded_at: now }).where('id', '=', e.id).execute();
      }
    }
  });
  return sent;
}
