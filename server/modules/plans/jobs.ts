// Reminders before each evaluation date of an active plan, and Koordinerende enhet's notice before a
// young adult's after-care ends: run hourly by the job queue in any number of server processes; each
// dedupe key names what it is about, the date and the recipient, so a second runner or the next run
// sends nothing twice.
import type { Db } from '../../infra/db/database.ts';
import { addDays, osloDate } from '../../../common/dates.ts';
import { formatDate } from '../../../common/i18n/index.ts';
import { notify, notifyFromJob } from '../notifications/service.ts';
import { systemReads } from '../access/person-reads.ts';
import { planFamilyFromJob } from '../access/access.ts';

/** An evaluation is announced this many days ahead. */
export const EVALUATION_NOTICE_DAYS = 14;

/**
 * Before each evaluation date the coordinator in office is reminded, and so is the family taking part
 * in the plan (decision 0037): in the app always, by e-mail only when they chose it, and the e-mail
 * names neither the child nor the plan (it carries only the kind's name and the link).
 */
export async function sendPlanReminders(db: Db, now: Date): Promise<number> {
  const today = osloDate(now);
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    const reads = systemReads(trx);
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
      for (const personId of await planFamilyFromJob(trx, e.person_id, now)) {
        if (await notifyFromJob(trx, reads, {
          recipient: { kind: 'citizen', personId }, kind: 'plan.familyEvaluationDue', subjectPersonId: e.person_id, params: { date: formatDate(e.due_on) },
          link: `/min-side/${e.person_id}`, dedupeKey: `plan.familyEvaluationDue:${e.id}:${personId}`, reason: 'plan_evaluation_reminder', entity: { type: 'plan_evaluation', id: e.id },
        })) sent++;
      }
    }
  });
  return sent;
}

/**
 * Koordinerende enhet is told this many days before child welfare's after-care ends, so that a
 * coordinator in adult services is appointed and has accepted before the current one leaves office.
 */
export const AFTER_CARE_NOTICE_DAYS = 90;

/**
 * Before the last after-care period of a young adult with an active plan ends, each member of
 * Koordinerende enhet of the municipality is asked to appoint a coordinator in adult services, on the
 * request's page where the unit appoints (decision 0037). The text names neither the person nor
 * child welfare; a moved end date is a new notice.
 */
export async function sendAfterCareNotices(db: Db, now: Date): Promise<number> {
  const today = osloDate(now);
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    const ending = await trx.selectFrom('after_care as a')
      .innerJoin('individual_plan as ip', (join) => join.onRef('ip.person_id', '=', 'a.person_id').on('ip.status', '=', 'active'))
      .select(['a.id', 'a.ends_on', 'a.person_id', 'a.municipality_id', 'ip.request_id'])
      .where('a.ends_on', '>=', today).where('a.ends_on', '<=', addDays(today, AFTER_CARE_NOTICE_DAYS))
      // A period followed by another has not ended for the plan: the last one is announced.
      .where((eb) => eb.not(eb.exists(eb.selectFrom('after_care as later').select('later.id').whereRef('later.person_id', '=', 'a.person_id').whereRef('later.starts_on', '>', 'a.ends_on'))))
      .orderBy('a.ends_on').orderBy('a.id').execute();
    if (!ending.length) return;
    const reads = systemReads(trx);
    for (const a of ending) {
      const unit = await trx.selectFrom('staff_user as s').innerJoin('staff_role as r', 'r.staff_user_id', 's.id').select('s.id').distinct()
        .where('s.municipality_id', '=', a.municipality_id).where('s.active', '=', true).where('r.role', '=', 'coordinating_unit').orderBy('s.id').execute();
      for (const s of unit) {
        if (await notifyFromJob(trx, reads, {
          recipient: { kind: 'staff', staffUserId: s.id }, kind: 'afterCare.ending', subjectPersonId: a.person_id, params: { date: formatDate(a.ends_on) },
          link: a.request_id ? `/koordinerende-enhet/${a.request_id}` : '/koordinerende-enhet', dedupeKey: `afterCare.ending:${a.id}:${a.ends_on}:${s.id}`,
          reason: 'after_care_ending', entity: { type: 'after_care', id: a.id },
        })) sent++;
      }
    }
  });
  return sent;
}
