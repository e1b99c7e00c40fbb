// The deadlines' reminders and escalations, run by the job queue in any number of server processes.
// Each notice carries a dedupe key naming the report, the deadline and the recipient, so a second
// runner, or the next hour's run, sends nothing twice. The texts name the reference, never the child.
import type { Db, Tx } from '../../infra/db/database.ts';
import { addDays } from '../../../common/dates.ts';
import { formatDate } from '../../../common/i18n/index.ts';
import { osloDate } from '../../../common/dates.ts';
import { notify, type NotificationKind } from '../notifications/service.ts';
import { REMINDER_DAYS_BEFORE } from './deadlines.ts';
import { INTAKE_LINK, intakeStaff } from './service.ts';

/** The investigation's end is announced this many days ahead. */
export const INVESTIGATION_NOTICE_DAYS = 14;

/** The intake's leader: the leader of the municipality's child-welfare service; without one, the intake itself. */
async function intakeLeaders(trx: Tx, municipalityId: string): Promise<string[]> {
  const unit = await trx.selectFrom('service_unit').select('leader_staff_user_id')
    .where('municipality_id', '=', municipalityId).where('type_code', '=', 'child_welfare').where('leader_staff_user_id', 'is not', null)
    .orderBy('id').executeTakeFirst();
  return unit?.leader_staff_user_id ? [unit.leader_staff_user_id] : intakeStaff(trx, municipalityId);
}

export async function sendReportReminders(db: Db, now: Date): Promise<number> {
  const today = osloDate(now);
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('child_welfare_report')
      .select(['id', 'municipality_id', 'reference', 'review_by', 'feedback_by', 'decided_at', 'feedback_at', 'investigation_end_by', 'investigation_ended_on', 'final_feedback_at'])
      .where((w) => w.or([w('feedback_at', 'is', null), w.and([w('investigation_end_by', 'is not', null), w('final_feedback_at', 'is', null)])]))
      .orderBy('received_at').execute();
    const send = async (recipients: string[], kind: NotificationKind, r: { id: string; reference: string }, deadline: string, label: string) => {
      for (const staffUserId of recipients) {
        if (await notify(trx, { recipient: { kind: 'staff', staffUserId }, kind, params: { reference: r.reference, date: formatDate(deadline) }, link: INTAKE_LINK(r.id), dedupeKey: `${kind}:${label}:${r.id}:${deadline}:${staffUserId}` })) sent++;
      }
    };
    for (const r of open) {
      const intake = () => intakeStaff(trx, r.municipality_id);
      const leaders = () => intakeLeaders(trx, r.municipality_id);
      if (!r.decided_at) {
        if (today > r.review_by) await send(await leaders(), 'cwReport.overdue', r, r.review_by, 'review');
        else if (today >= addDays(r.review_by, -REMINDER_DAYS_BEFORE)) await send(await intake(), 'cwReport.reviewDue', r, r.review_by, 'review');
      }
      if (!r.feedback_at && today > r.feedback_by) await send(await leaders(), 'cwReport.overdue', r, r.feedback_by, 'feedback');
      if (r.investigation_end_by && !r.investigation_ended_on) {
        if (today > r.investigation_end_by) await send(await leaders(), 'cwReport.overdue', r, r.investigation_end_by, 'investigation');
        else if (today >= addDays(r.investigation_end_by, -INVESTIGATION_NOTICE_DAYS)) await send(await intake(), 'cwReport.investigationDue', r, r.investigation_end_by, 'investigation');
      }
    }
  });
  return sent;
}
