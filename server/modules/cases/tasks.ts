// The professional's task list: batons offered, measures to evaluate, action items and the
// collaboration survey's open rounds not yet answered. Each of the first three comes a page at a time
// (a relay holder of many children can owe hundreds), and a row is shown only while the access module
// would let the user open what it is about.
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { osloDate } from '../../../common/dates.ts';
import { authorize, may, recordAccess, visibleCategories } from '../access/access.ts';
import { roundsToAnswer } from '../questionnaires/survey.ts';
import { meetingName } from '../teams/service.ts';

type Page = { after?: string | undefined };

/** Each child named in a page of tasks is a read of their data, for the family's access log. */
async function recordNamed(ctx: DataContext, personIds: (string | null)[]) {
  for (const personId of new Set(personIds)) {
    if (personId && await may(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } })) {
      recordAccess(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } }, 'task_list');
    }
  }
}

/** The collaboration survey's rounds the user has still to answer (few: one per open round). */
export async function myTasks(ctx: DataContext) {
  requireStaff(ctx);
  await authorize(ctx, { action: 'person.list', purpose: 'follow_up' });
  return { surveys: await roundsToAnswer(ctx) };
}

/** Batons offered to the user, oldest first. */
export async function myHandovers(ctx: DataContext, page: Page) {
  const staff = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'person.list', purpose: 'follow_up' });
  let query = ctx.trx
    .selectFrom('relay_handover as h')
    .innerJoin('help_case as c', 'c.id', 'h.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('staff_user as f', 'f.id', 'h.from_staff_id')
    .select(['h.id', 'h.requested_at', 'h.message', 'p.id as person_id', 'p.given_name', 'p.family_name', 'f.display_name as from_name',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from h.requested_at) * 1000000)::bigint::text`.as('requested_micros')])
    .where('h.to_staff_id', '=', staff.staffUserId)
    .where('h.status', '=', 'pending');
  if (after) query = query.where(sql<boolean>`(h.requested_at, h.id) > (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  const { items, ...more } = toPage(await query.orderBy('h.requested_at').orderBy('h.id').limit(PAGE_SIZE + 1).execute(), (h) => [h.requested_micros, h.id]);
  // A withdrawn consent or a case moved on takes the baton out of the list.
  const shown = [];
  for (const h of items) if (await may(ctx, { action: 'handover.answer', purpose: 'follow_up', entity: { type: 'relay_handover', id: h.id } })) shown.push(h);
  await recordNamed(ctx, shown.map((h) => h.person_id));
  return {
    handovers: shown.map((h) => ({ id: h.id, requestedAt: h.requested_at, message: h.message, fromName: h.from_name, person: { id: h.person_id, name: `${h.given_name} ${h.family_name}` } })),
    ...more,
  };
}

/** The measures the user is responsible for and has not evaluated, the earliest evaluation date first. */
export async function myMeasures(ctx: DataContext, page: Page) {
  const staff = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.date, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'person.list', purpose: 'follow_up' });
  const today = osloDate(ctx.services.clock.now());
  let query = ctx.trx
    .selectFrom('relay_log_entry as e')
    .innerJoin('help_case as c', 'c.id', 'e.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['e.id', 'e.entry_key', 'e.title', 'e.category', 'e.evaluate_on', 'p.id as person_id', 'p.given_name', 'p.family_name'])
    .where('e.kind', '=', 'measure')
    .where('e.responsible_staff_id', '=', staff.staffUserId)
    .where('c.closed_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as n').select('n.id').whereRef('n.entry_key', '=', 'e.entry_key').whereRef('n.version', '>', 'e.version'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as v').select('v.id').whereRef('v.measure_key', '=', 'e.entry_key').where('v.kind', '=', 'evaluation').whereRef('v.written_at', '>=', 'e.written_at'))));
  // A measure always has an evaluation date (the table's check), so the pair is never NULL.
  if (after) query = query.where(sql<boolean>`(e.evaluate_on, e.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const found = await query.orderBy('e.evaluate_on').orderBy('e.id').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (m) => [m.evaluate_on!, m.id]);
  // A measure is shown only in the categories the consent lets the user read.
  const shown = [];
  const categoriesOf = new Map<string, Awaited<ReturnType<typeof visibleCategories>>>();
  for (const m of items) {
    if (!categoriesOf.has(m.person_id)) {
      const open = await may(ctx, { action: 'case.read', purpose: 'follow_up', subject: { kind: 'person', id: m.person_id } });
      categoriesOf.set(m.person_id, open ? await visibleCategories(ctx, m.person_id) : new Set());
    }
    const visible = categoriesOf.get(m.person_id)!;
    if (visible === 'all' || visible.has(m.category)) shown.push(m);
  }
  await recordNamed(ctx, shown.map((m) => m.person_id));
  return {
    measures: shown.map((m) => ({ entryKey: m.entry_key, title: m.title, evaluateOn: m.evaluate_on, overdue: m.evaluate_on !== null && m.evaluate_on < today, person: { id: m.person_id, name: `${m.given_name} ${m.family_name}` } })),
    ...more,
  };
}

/** The open action items the user owns from closed meetings, the earliest due first. */
export async function myActionItems(ctx: DataContext, page: Page) {
  const staff = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.date, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'person.list', purpose: 'follow_up' });
  const today = osloDate(ctx.services.clock.now());
  let query = ctx.trx
    .selectFrom('action_item as a')
    .innerJoin('team_meeting as m', 'm.id', 'a.meeting_id')
    .leftJoin('team as t', 't.id', 'm.team_id')
    .leftJoin('person as p', 'p.id', 'm.person_id')
    .select(['a.id', 'a.what', 'a.due_on', 'm.id as meeting_id', 't.name as team_name', 'p.id as person_id', 'p.given_name', 'p.family_name'])
    .where('a.owner_staff_id', '=', staff.staffUserId)
    .where('a.status', '=', 'open')
    .where('m.status', '=', 'closed');
  if (after) query = query.where(sql<boolean>`(a.due_on, a.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const { items, ...more } = toPage(await query.orderBy('a.due_on').orderBy('a.id').limit(PAGE_SIZE + 1).execute(), (a) => [a.due_on, a.id]);
  const shown = [];
  for (const a of items) if (await may(ctx, { action: 'actionItem.update', purpose: 'follow_up', entity: { type: 'action_item', id: a.id } })) shown.push(a);
  await recordNamed(ctx, shown.map((a) => a.person_id));
  return {
    actionItems: shown.map((a) => ({
      id: a.id, what: a.what, dueOn: a.due_on, overdue: a.due_on < today, meetingId: a.meeting_id, teamName: meetingName(ctx.lang, a.team_name),
      person: a.person_id ? { id: a.person_id, name: `${a.given_name} ${a.family_name}` } : null,
    })),
    ...more,
  };
}
