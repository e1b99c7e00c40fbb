// Background work for cases, run by the PostgreSQL job queue in any number of server processes.
// Every reminder carries a dedupe key naming what it is about and the date it concerns, so a run
// repeated by another process, or the next hour, sends nothing twice.
import type { Db, Tx } from '../../infra/db/database.ts';
import { addDays, osloDate } from '../../../common/dates.ts';
import { formatDate } from '../../../common/i18n/index.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { systemReads } from '../access/person-reads.ts';
import { familyDecidersFromJob } from '../access/access.ts';
import { notifyFromJob } from '../notifications/service.ts';
import { childName, personLink } from './service.ts';

/** An evaluation date this close is announced to the responsible person. */
export const EVALUATION_NOTICE_DAYS = 7;
/** The receiver of a handover is reminded after this many days without an answer. */
export const HANDOVER_REMINDER_DAYS = 2;

/** Current versions of measures in open cases without an evaluation written after them. */
async function measuresToEvaluate(trx: Tx, until: string) {
  return trx
    .selectFrom('relay_log_entry as e')
    .innerJoin('help_case as c', 'c.id', 'e.case_id')
    .select(['e.entry_key', 'e.title', 'e.evaluate_on', 'e.responsible_staff_id', 'c.id as case_id', 'c.person_id', 'c.relay_holder_id'])
    .where('e.kind', '=', 'measure')
    .where('c.closed_at', 'is', null)
    .where('e.evaluate_on', '<=', until)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as n').select('n.id').whereRef('n.entry_key', '=', 'e.entry_key').whereRef('n.version', '>', 'e.version'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as v').select('v.id').whereRef('v.measure_key', '=', 'e.entry_key').where('v.kind', '=', 'evaluation').whereRef('v.written_at', '>=', 'e.written_at'))))
    .execute();
}

async function hasGoals(trx: Tx, caseId: string): Promise<boolean> {
  return (await trx.selectFrom('relay_log_entry').select('id').where('case_id', '=', caseId).where('kind', '=', 'goal').limit(1).executeTakeFirst()) !== undefined;
}

export async function sendCaseReminders(db: Db, now: Date): Promise<number> {
  const today = osloDate(now);
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    // Reminder texts name the child: each child named is a read by Sammen, in the family's log.
    const reads = systemReads(trx);
    for (const m of await measuresToEvaluate(trx, addDays(today, EVALUATION_NOTICE_DAYS))) {
      const overdue = m.evaluate_on! < today;
      const params = { measureTitle: m.title, childName: await childName(trx, m.person_id), date: formatDate(m.evaluate_on!) };
      const recipients = overdue ? [...new Set([m.responsible_staff_id!, m.relay_holder_id])] : [m.responsible_staff_id!];
      for (const staffUserId of recipients) {
        const kind = overdue ? 'measure.overdue' : 'measure.evaluationDue';
        if (await notifyFromJob(trx, reads, { recipient: { kind: 'staff', staffUserId }, kind, subjectPersonId: m.person_id, params, link: personLink(m.person_id), dedupeKey: `${kind}:${m.entry_key}:${m.evaluate_on}:${staffUserId}`, reason: 'measure_reminder' })) sent++;
      }
      // Before the evaluation the family rates the goals' progress again (måloppnåelse, issue 16), so
      // the meeting sees the curve's new point; once, when the evaluation is announced.
      if (!overdue && (await hasGoals(trx, m.case_id))) {
        for (const personId of await familyDecidersFromJob(trx, m.person_id, now)) {
          if (await notifyFromJob(trx, reads, {
            recipient: { kind: 'citizen', personId }, kind: 'goal.ratingDue', subjectPersonId: m.person_id, params: { measureTitle: m.title, date: formatDate(m.evaluate_on!) },
            link: `/min-side/${m.person_id}`, dedupeKey: `goal.ratingDue:${m.entry_key}:${m.evaluate_on}:${personId}`, reason: 'goal_rating_reminder',
          })) sent++;
        }
      }
    }

    const pending = await trx
      .selectFrom('relay_handover as h')
      .innerJoin('help_case as c', 'c.id', 'h.case_id')
      .innerJoin('municipality as mu', 'mu.id', 'c.municipality_id')
      .innerJoin('staff_user as f', 'f.id', 'h.from_staff_id')
      .leftJoin('service_unit as u', 'u.id', 'f.service_unit_id')
      .select(['h.id', 'h.to_staff_id', 'h.requested_at', 'h.escalated_at', 'c.person_id', 'mu.handover_escalation_days', 'u.leader_staff_user_id', 'f.display_name as from_name'])
      .where('h.status', '=', 'pending')
      .where('c.closed_at', 'is', null)
      .execute();
    for (const h of pending) {
      const waitedDays = (now.getTime() - new Date(h.requested_at).getTime()) / 86_400_000;
      const name = await childName(trx, h.person_id);
      if (waitedDays >= HANDOVER_REMINDER_DAYS) {
        if (await notifyFromJob(trx, reads, { recipient: { kind: 'staff', staffUserId: h.to_staff_id }, kind: 'handover.reminder', subjectPersonId: h.person_id, params: { childName: name }, link: personLink(h.person_id), dedupeKey: `handover.reminder:${h.id}`, reason: 'handover_reminder', entity: { type: 'relay_handover', id: h.id } })) sent++;
      }
      if (waitedDays >= h.handover_escalation_days && !h.escalated_at) {
        // The leader of the holder's unit gets it; a unit without a leader leaves it with the holder.
        const leader = h.leader_staff_user_id;
        const claimed = await trx.updateTable('relay_handover').set({ escalated_at: now }).where('id', '=', h.id).where('escalated_at', 'is', null).executeTakeFirst();
        if (leader && Number(claimed.numUpdatedRows) > 0) {
          // The leader must be able to open the case to act on it.
          const involved = await trx.selectFrom('involvement').select('id').where('person_id', '=', h.person_id).where('staff_user_id', '=', leader).where('ended_at', 'is', null).executeTakeFirst();
          if (!involved) await trx.insertInto('involvement').values({ person_id: h.person_id, staff_user_id: leader, kind: 'coordinator' }).execute();
          if (await notifyFromJob(trx, reads, { recipient: { kind: 'staff', staffUserId: leader }, kind: 'handover.escalated', subjectPersonId: h.person_id, params: { fromName: h.from_name, childName: name }, link: personLink(h.person_id), dedupeKey: `handover.escalated:${h.id}`, reason: 'handover_escalation', entity: { type: 'relay_handover', id: h.id } })) sent++;
        }
      }
    }

    // Action items from team meetings past their deadline: the owner is reminded once per deadline,
    // a professional on the meeting's page, a parent or the youth on Min side where they tick it off.
    const overdueItems = await trx
      .selectFrom('action_item as a')
      .innerJoin('team_meeting as m', 'm.id', 'a.meeting_id')
      .innerJoin('team', 'team.id', 'm.team_id')
      .select(['a.id', 'a.what', 'a.due_on', 'a.owner_staff_id', 'a.owner_person_id', 'm.id as meeting_id', 'm.person_id', 'm.kind', 'team.name as team_name'])
      .where('a.status', '=', 'open')
      .where('m.status', '=', 'closed')
      .where('a.due_on', '<', today)
      .execute();
    for (const a of overdueItems) {
      const params = { what: a.what, date: formatDate(a.due_on) };
      const about = { subjectPersonId: a.person_id, reason: 'action_item_reminder', entity: { type: 'action_item', id: a.id } };
      const reminder: Parameters<typeof notifyFromJob>[2] = a.owner_person_id
        ? { ...about, recipient: { kind: 'citizen', personId: a.owner_person_id }, kind: 'actionItem.familyOverdue', params: { ...params, teamName: a.team_name }, link: `/min-side/${a.person_id}`, dedupeKey: `actionItem.familyOverdue:${a.id}:${a.due_on}` }
        : { ...about, recipient: { kind: 'staff', staffUserId: a.owner_staff_id! }, kind: 'actionItem.overdue', params, link: a.kind === 'system' ? `/systemteam/${a.meeting_id}` : `/moter/${a.meeting_id}`, dedupeKey: `actionItem.overdue:${a.id}:${a.due_on}` };
      if (await notifyFromJob(trx, reads, reminder)) sent++;
    }

    const planned = await trx
      .selectFrom('transition as t')
      .innerJoin('help_case as c', 'c.id', 't.case_id')
      .innerJoin('service_unit as u', 'u.id', 't.to_unit_id')
      .select(['t.id', 't.due_on', 'c.person_id', 'c.relay_holder_id', 'u.name as unit_name'])
      .where('t.status', '=', 'planned')
      .where('c.closed_at', 'is', null)
      .where('t.due_on', '<=', addDays(today, 30))
      .execute();
    for (const tr of planned) {
      if (await notifyFromJob(trx, reads, {
        recipient: { kind: 'staff', staffUserId: tr.relay_holder_id }, kind: 'transition.due', subjectPersonId: tr.person_id,
        params: { childName: await childName(trx, tr.person_id), unitName: tr.unit_name, date: formatDate(tr.due_on) }, link: personLink(tr.person_id), dedupeKey: `transition.due:${tr.id}`,
        reason: 'transition_reminder', entity: { type: 'transition', id: tr.id },
      })) sent++;
    }
  });
  return sent;
}

/**
 * The retention rule: a closed relay log is kept until its retain_until date and then deleted. The
 * case row stays (closed, purged) so that figures still count it; the deletion is audited.
 */
export async function purgeExpiredCases(db: Db, now: Date): Promise<number> {
  const today = osloDate(now);
  return db.transaction().execute(async (trx) => {
    const expired = await trx.selectFrom('help_case').select(['id', 'person_id']).where('retain_until', '<', today).where('purged_at', 'is', null).forUpdate().skipLocked().execute();
    for (const c of expired) {
      await trx.deleteFrom('relay_log_entry').where('case_id', '=', c.id).execute();
      await trx.deleteFrom('case_step_done').where('case_id', '=', c.id).execute();
      await trx.updateTable('worry').set({ description: '–' }).where('case_id', '=', c.id).execute();
      await trx.updateTable('help_case').set({ purged_at: now, close_note: null }).where('id', '=', c.id).execute();
      await writeAudit(trx, { principal: null, system: true, action: 'case.purge', purpose: 'retention', outcome: 'allowed', reason: 'retention_rule', subject: { kind: 'person', id: c.person_id }, entity: { type: 'help_case', id: c.id } });
    }
    return expired.length;
  });
}
