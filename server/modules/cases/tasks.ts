// The professional's task list: batons offered, measures to evaluate, action items and the
// collaboration survey's open rounds not yet answered, each listed
// only while the access module would let the user open what it is about.
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { osloDate } from '../../../common/dates.ts';
import { authorize, may, recordAccess, visibleCategories } from '../access/access.ts';
import { roundsToAnswer } from '../questionnaires/survey.ts';
import { meetingName } from '../teams/service.ts';

export async function myTasks(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'person.list', purpose: 'follow_up' });
  const today = osloDate(ctx.services.clock.now());
  const handovers = await ctx.trx
    .selectFrom('relay_handover as h')
    .innerJoin('help_case as c', 'c.id', 'h.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('staff_user as f', 'f.id', 'h.from_staff_id')
    .select(['h.id', 'h.requested_at', 'h.message', 'p.id as person_id', 'p.given_name', 'p.family_name', 'f.display_name as from_name'])
    .where('h.to_staff_id', '=', staff.staffUserId)
    .where('h.status', '=', 'pending')
    .orderBy('h.requested_at')
    .execute();
  const measures = await ctx.trx
    .selectFrom('relay_log_entry as e')
    .innerJoin('help_case as c', 'c.id', 'e.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['e.entry_key', 'e.title', 'e.category', 'e.evaluate_on', 'p.id as person_id', 'p.given_name', 'p.family_name'])
    .where('e.kind', '=', 'measure')
    .where('e.responsible_staff_id', '=', staff.staffUserId)
    .where('c.closed_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as n').select('n.id').whereRef('n.entry_key', '=', 'e.entry_key').whereRef('n.version', '>', 'e.version'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as v').select('v.id').whereRef('v.measure_key', '=', 'e.entry_key').where('v.kind', '=', 'evaluation').whereRef('v.written_at', '>=', 'e.written_at'))))
    .orderBy('e.evaluate_on')
    .execute();
  const actionItems = await ctx.trx
    .selectFrom('action_item as a')
    .innerJoin('team_meeting as m', 'm.id', 'a.meeting_id')
    .leftJoin('team as t', 't.id', 'm.team_id')
    .leftJoin('person as p', 'p.id', 'm.person_id')
    .select(['a.id', 'a.what', 'a.due_on', 'm.id as meeting_id', 't.name as team_name', 'p.id as person_id', 'p.given_name', 'p.family_name'])
    .where('a.owner_staff_id', '=', staff.staffUserId)
    .where('a.status', '=', 'open')
    .where('m.status', '=', 'closed')
    .orderBy('a.due_on')
    .execute();
  // A task is derived from the case: it is listed only while the access module would let the user
  // open what it is about — the baton, the measure in the log, the meeting's plan. A withdrawn
  // consent takes the child out of the list.
  const handoversShown = [];
  for (const h of handovers) if (await may(ctx, { action: 'handover.answer', purpose: 'follow_up', entity: { type: 'relay_handover', id: h.id } })) handoversShown.push(h);
  const measuresShown = [];
  const categoriesOf = new Map<string, Awaited<ReturnType<typeof visibleCategories>>>();
  for (const m of measures) {
    if (!categoriesOf.has(m.person_id)) {
      const open = await may(ctx, { action: 'case.read', purpose: 'follow_up', subject: { kind: 'person', id: m.person_id } });
      categoriesOf.set(m.person_id, open ? await visibleCategories(ctx, m.person_id) : new Set());
    }
    const visible = categoriesOf.get(m.person_id)!;
    if (visible === 'all' || visible.has(m.category)) measuresShown.push(m);
  }
  const itemsShown = [];
  for (const a of actionItems) if (await may(ctx, { action: 'actionItem.update', purpose: 'follow_up', entity: { type: 'action_item', id: a.id } })) itemsShown.push(a);
  // Each child named in the list is a read of their data, for the family's access log.
  const people = new Set([...handoversShown.map((h) => h.person_id), ...measuresShown.map((m) => m.person_id), ...itemsShown.flatMap((a) => (a.person_id ? [a.person_id] : []))]);
  for (const personId of people) {
    if (await may(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } })) {
      recordAccess(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } }, 'task_list');
    }
  }
  const surveys = await roundsToAnswer(ctx);
  return {
    surveys,
    handovers: handoversShown.map((h) => ({ id: h.id, requestedAt: h.requested_at, message: h.message, fromName: h.from_name, person: { id: h.person_id, name: `${h.given_name} ${h.family_name}` } })),
    measures: measuresShown.map((m) => ({ entryKey: m.entry_key, title: m.title, evaluateOn: m.evaluate_on, overdue: m.evaluate_on! < today, person: { id: m.person_id, name: `${m.given_name} ${m.family_name}` } })),
    actionItems: itemsShown.map((a) => ({
      id: a.id, what: a.what, dueOn: a.due_on, overdue: a.due_on < today, meetingId: a.meeting_id, teamName: meetingName(ctx.lang, a.team_name),
      person: a.person_id ? { id: a.person_id, name: `${a.given_name} ${a.family_name}` } : null,
    })),
  };
}
