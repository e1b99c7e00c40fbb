// System-level teams (systemteam: småbarnsteam, barneteam, ungdomsteam) meet on trends and system
// issues, never on a child: a member, the leader or the SBU coordinator schedules a meeting, writes
// the minutes with the common template (background, assessments, decisions) and an action plan, and
// closes it. Every text is checked for national identity numbers and names from the person
// register, and refused with nothing stored. Closing forwards the report: a notice and the PDF in
// Sammen to the SBU coordinator(s), and the PDF by e-mail to the SLT group.
import { z } from 'zod';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../infra/http/errors.ts';
import { isoDate, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { formatDate, formatDateTime, translate, type MessageKey } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import { authorize, seesEveryTeam } from '../access/access.ts';
import { notify, notifyAll, queueEmail, type NotificationInput } from '../notifications/service.ts';
import { findPersonalData, type CheckedText } from './personal-data.ts';
import { renderSystemReport } from './system-report-pdf.ts';

const DEFAULT_MINUTES = 90;

const dateTime = z.iso.datetime({ offset: true, message: 'teams.sys.err.when' });

export const ScheduleSystemBody = z
  .strictObject({
    teamId: z.uuid({ message: 'teams.sys.err.teamRequired' }),
    topic: nonEmptyText(200),
    startsAt: dateTime,
    endsAt: dateTime.optional(),
    place: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt && new Date(v.endsAt) <= new Date(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'teams.sys.err.endsBeforeStart' });
  });
export type ScheduleSystemInput = z.infer<typeof ScheduleSystemBody>;

const SystemItem = z.strictObject({
  what: nonEmptyText(500),
  ownerStaffId: uuid.optional(),
  dueOn: isoDate.optional(),
});

export const SystemMinutesBody = z
  .strictObject({
    version: recordVersion(),
    background: optionalText(8000),
    assessments: optionalText(8000),
    decisions: optionalText(8000),
    actionItems: z.array(SystemItem).max(30).default([]),
  })
  .superRefine((v, ctx) => {
    v.actionItems.forEach((item, i) => {
      if (!item.ownerStaffId) ctx.addIssue({ code: 'custom', path: ['actionItems', i, 'ownerStaffId'], message: 'teams.sys.err.ownerRequired' });
      if (!item.dueOn) ctx.addIssue({ code: 'custom', path: ['actionItems', i, 'dueOn'], message: 'teams.sys.err.dueRequired' });
    });
  });
export type SystemMinutesInput = z.infer<typeof SystemMinutesBody>;

export const CloseSystemBody = z.strictObject({ version: recordVersion() });

/** The labels the refusal names, in the order of the form. */
const FIELD_LABELS: Record<string, MessageKey> = {
  topic: 'teams.sys.topic',
  place: 'teams.sys.place',
  background: 'teams.sys.background',
  assessments: 'teams.sys.assessments',
  decisions: 'teams.sys.decisions',
};

function labelOf(lang: Language, field: string): string {
  const item = /^actionItems\.(\d+)\.what$/.exec(field);
  if (item) return translate(lang, 'teams.sys.itemWhatNumbered', { n: Number(item[1]) + 1 });
  return translate(lang, FIELD_LABELS[field] ?? 'teams.sys.background');
}

/** Refuses the request, naming each field that holds a national id or a name from the register. */
async function refusePersonalData(ctx: DataContext, municipalityId: string, fields: CheckedText[]): Promise<void> {
  const findings = await findPersonalData(ctx.trx, municipalityId, fields);
  if (findings.length === 0) return;
  const problems: FieldProblem[] = findings.map((f) => ({ field: f.field, messageKey: f.kind === 'nationalId' ? 'teams.sys.err.nationalIdInText' : 'teams.sys.err.nameInText' }));
  throw new AppError('VALIDATION', 'teams.sys.err.personalData', {
    params: { fields: findings.map((f) => labelOf(ctx.lang, f.field)).join(', ') },
    fields: problems,
  });
}

async function loadSystemMeeting(ctx: DataContext, meetingId: string, action: 'systemMeeting.read' | 'systemMeeting.write') {
  await authorize(ctx, { action, purpose: 'administration', entity: { type: 'team_meeting', id: meetingId } });
  // A system-level meeting always belongs to a team (only a plan's meeting has none).
  const meeting = await ctx.trx.selectFrom('team_meeting').selectAll().where('id', '=', meetingId).where('kind', '=', 'system').$narrowType<{ team_id: string }>().executeTakeFirst();
  if (!meeting) throw notFound();
  return meeting;
}

async function teamMembers(trx: Tx, teamId: string) {
  return trx
    .selectFrom('team_member as tm')
    .innerJoin('staff_user as s', 's.id', 'tm.staff_user_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 's.service_unit_id', 'u.name as unit_name', 's.active'])
    .where('tm.team_id', '=', teamId)
    .orderBy('s.display_name')
    .execute();
}

/** The system-level teams the user works in (the SBU coordinator: all of them) and their meetings. */
export async function listSystemMeetings(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'systemMeeting.read', purpose: 'administration' });
  let teams = ctx.trx
    .selectFrom('team as t')
    .leftJoin('staff_user as l', 'l.id', 't.leader_staff_user_id')
    .select(['t.id', 't.name', 't.meeting_place', 't.leader_staff_user_id', 'l.display_name as leader_name'])
    .where('t.municipality_id', '=', staff.municipalityId)
    .where('t.kind', '=', 'system_level')
    .where('t.active', '=', true);
  if (!seesEveryTeam(staff)) {
    teams = teams.where((eb) =>
      eb.or([
        eb('t.leader_staff_user_id', '=', staff.staffUserId),
        eb.exists(eb.selectFrom('team_member as tm').select('tm.team_id').whereRef('tm.team_id', '=', 't.id').where('tm.staff_user_id', '=', staff.staffUserId)),
      ]),
    );
  }
  const teamRows = await teams.orderBy('t.age_from_months').orderBy('t.name').execute();
  const meetings = teamRows.length
    ? await ctx.trx
        .selectFrom('team_meeting as m')
        .select(['m.id', 'm.team_id', 'm.topic', 'm.starts_at', 'm.place', 'm.status', 'm.closed_at'])
        .where('m.kind', '=', 'system')
        .where('m.team_id', 'in', teamRows.map((t) => t.id))
        .$narrowType<{ team_id: string }>()
        .orderBy('m.starts_at', 'desc')
        .execute()
    : [];
  const names = new Map(teamRows.map((t) => [t.id, t.name]));
  return {
    teams: teamRows.map((t) => ({ id: t.id, name: t.name, meetingPlace: t.meeting_place, leaderName: t.leader_name })),
    meetings: meetings.map((m) => ({
      id: m.id, teamId: m.team_id, teamName: names.get(m.team_id) ?? '', topic: m.topic, startsAt: m.starts_at, place: m.place, status: m.status, closedAt: m.closed_at,
    })),
  };
}

/** Schedules a meeting of a system-level team; its leader chairs it and the members are invited. */
export async function scheduleSystemMeeting(ctx: DataContext, input: ScheduleSystemInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'systemMeeting.write', purpose: 'administration', entity: { type: 'team', id: input.teamId } });
  const team = await ctx.trx.selectFrom('team').select(['id', 'name', 'leader_staff_user_id', 'meeting_place', 'active']).where('id', '=', input.teamId).executeTakeFirstOrThrow();
  if (!team.active) throw invalidField('teamId', 'teams.sys.err.teamInactive');
  if (!team.leader_staff_user_id) throw invalidField('teamId', 'teams.sys.err.noLeader');
  const place = input.place ?? team.meeting_place;
  if (!place) throw invalidField('place', 'teams.sys.err.placeRequired');
  await refusePersonalData(ctx, staff.municipalityId, [{ field: 'topic', text: input.topic }, { field: 'place', text: input.place }]);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + DEFAULT_MINUTES * 60_000);
  const meeting = await ctx.trx
    .insertInto('team_meeting')
    .values({
      team_id: team.id, kind: 'system', starts_at: startsAt, ends_at: endsAt, place, chair_staff_id: team.leader_staff_user_id,
      topic: input.topic, created_by: staff.staffUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const members = (await teamMembers(ctx.trx, team.id)).filter((m) => m.active);
  const invited = [...new Set([team.leader_staff_user_id, ...members.map((m) => m.id)])];
  await ctx.trx
    .insertInto('meeting_participant')
    .values(invited.map((id) => ({ meeting_id: meeting.id, staff_user_id: id, role: id === team.leader_staff_user_id ? ('chair' as const) : ('professional' as const) })))
    .execute();
  for (const id of invited) {
    if (id === staff.staffUserId) continue;
    await notify(ctx.trx, {
      recipient: { kind: 'staff', staffUserId: id }, kind: 'meeting.invited', params: { teamName: team.name, date: formatDateTime(startsAt) },
      link: `/systemteam/${meeting.id}`, dedupeKey: `meeting.invited:${meeting.id}:${id}`,
    });
  }
  return { id: meeting.id, version: 1 };
}

async function itemsOf(trx: Tx, meetingId: string) {
  const rows = await trx
    .selectFrom('action_item as a')
    .innerJoin('staff_user as s', 's.id', 'a.owner_staff_id')
    .leftJoin('service_unit as u', 'u.id', 'a.owner_unit_id')
    .select(['a.id', 'a.position', 'a.what', 'a.owner_staff_id', 's.display_name', 'u.name as unit_name', 'a.due_on', 'a.status', 'a.done_on'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
  return rows.map((a) => ({
    id: a.id, position: a.position, what: a.what, owner: { id: a.owner_staff_id!, name: a.display_name, unitName: a.unit_name }, dueOn: a.due_on,
    status: a.status, doneOn: a.done_on,
  }));
}

async function meetingDetails(ctx: DataContext, meeting: Awaited<ReturnType<typeof loadSystemMeeting>>) {
  const team = await ctx.trx.selectFrom('team').select(['id', 'name']).where('id', '=', meeting.team_id).executeTakeFirstOrThrow();
  const participants = await ctx.trx
    .selectFrom('meeting_participant as mp')
    .innerJoin('staff_user as s', 's.id', 'mp.staff_user_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 'u.name as unit_name', 'mp.role'])
    .where('mp.meeting_id', '=', meeting.id)
    .orderBy('mp.role')
    .orderBy('s.display_name')
    .execute();
  const chair = await ctx.trx.selectFrom('staff_user').select('display_name').where('id', '=', meeting.chair_staff_id).executeTakeFirstOrThrow();
  return { team, participants, chair: chair.display_name, items: await itemsOf(ctx.trx, meeting.id) };
}

export async function getSystemMeeting(ctx: DataContext, meetingId: string) {
  const m = await loadSystemMeeting(ctx, meetingId, 'systemMeeting.read');
  const d = await meetingDetails(ctx, m);
  const deliveries = await ctx.trx
    .selectFrom('system_report_delivery as d')
    .leftJoin('staff_user as s', 's.id', 'd.staff_user_id')
    .select(['d.id', 'd.email', 's.display_name', 'd.sent_at'])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.sent_at')
    .execute();
  const owners = (await teamMembers(ctx.trx, m.team_id)).filter((o) => o.active);
  return {
    id: m.id,
    team: d.team,
    topic: m.topic,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    place: m.place,
    chair: d.chair,
    status: m.status,
    version: m.version,
    closedAt: m.closed_at,
    minutes: { background: m.background, assessments: m.assessments, decisions: m.decisions },
    actionItems: d.items,
    participants: d.participants.map((p) => ({ id: p.id, name: p.display_name, unitName: p.unit_name, role: p.role })),
    owners: owners.map((o) => ({ id: o.id, name: o.display_name, unitName: o.unit_name })),
    deliveries: deliveries.map((x) => (x.email ? { kind: 'email' as const, to: x.email, sentAt: x.sent_at } : { kind: 'staff' as const, to: x.display_name ?? '', sentAt: x.sent_at })),
    mayWrite: m.status === 'scheduled',
  };
}

/** The minutes and the action plan, saved as the meeting goes; refused whole if any text holds personal data. */
export async function saveSystemMinutes(ctx: DataContext, meetingId: string, input: SystemMinutesInput) {
  const staff = requireStaff(ctx);
  const m = await loadSystemMeeting(ctx, meetingId, 'systemMeeting.write');
  if (m.status !== 'scheduled') throw new AppError('CONFLICT', 'teams.sys.err.closed');
  await refusePersonalData(ctx, staff.municipalityId, [
    { field: 'background', text: input.background },
    { field: 'assessments', text: input.assessments },
    { field: 'decisions', text: input.decisions },
    ...input.actionItems.map((item, i) => ({ field: `actionItems.${i}.what`, text: item.what })),
  ]);
  const owners = await teamMembers(ctx.trx, m.team_id);
  input.actionItems.forEach((item, i) => {
    if (!owners.some((o) => o.id === item.ownerStaffId && o.active)) throw invalidField(`actionItems.${i}.ownerStaffId`, 'teams.sys.err.ownerNotMember');
  });
  checkVersion(ctx, m.version);
  const updated = await ctx.trx
    .updateTable('team_meeting')
    .set({ background: input.background ?? null, assessments: input.assessments ?? null, decisions: input.decisions ?? null, version: m.version + 1 })
    .where('id', '=', meetingId)
    .where('version', '=', input.version)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict();
  await ctx.trx.deleteFrom('action_item').where('meeting_id', '=', meetingId).execute();
  if (input.actionItems.length) {
    await ctx.trx
      .insertInto('action_item')
      .values(input.actionItems.map((item, i) => ({
        meeting_id: meetingId, case_id: null, position: i + 1, what: item.what, owner_staff_id: item.ownerStaffId!,
        owner_unit_id: owners.find((o) => o.id === item.ownerStaffId)?.service_unit_id ?? null, due_on: item.dueOn!,
      })))
      .execute();
  }
  return { version: m.version + 1 };
}

async function reportOf(trx: Tx, meeting: Awaited<ReturnType<typeof loadSystemMeeting>>, lang: Language) {
  const team = await trx.selectFrom('team as t').innerJoin('municipality as mu', 'mu.id', 't.municipality_id').select(['t.name', 'mu.name as municipality_name']).where('t.id', '=', meeting.team_id).executeTakeFirstOrThrow();
  const participants = await trx
    .selectFrom('meeting_participant as mp')
    .innerJoin('staff_user as s', 's.id', 'mp.staff_user_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.display_name', 'u.name as unit_name'])
    .where('mp.meeting_id', '=', meeting.id)
    .orderBy('s.display_name')
    .execute();
  const chair = await trx.selectFrom('staff_user').select('display_name').where('id', '=', meeting.chair_staff_id).executeTakeFirstOrThrow();
  const items = await itemsOf(trx, meeting.id);
  const pdf = await renderSystemReport(lang, {
    municipalityName: team.municipality_name, teamName: team.name, topic: meeting.topic ?? '', startsAt: new Date(meeting.starts_at), place: meeting.place,
    chair: chair.display_name, participants: participants.map((p) => (p.unit_name ? `${p.display_name} (${p.unit_name})` : p.display_name)),
    background: meeting.background, assessments: meeting.assessments, decisions: meeting.decisions,
    actionItems: items.map((i) => ({ what: i.what, owner: i.owner.name, unit: i.owner.unitName, dueOn: i.dueOn })),
    closedAt: meeting.closed_at ? new Date(meeting.closed_at) : null,
  });
  return { pdf, teamName: team.name };
}

function fileName(teamName: string, startsAt: Date | string): string {
  const slug = teamName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[æÆ]/g, 'ae').replace(/[øØ]/g, 'o').replace(/[åÅ]/g, 'a').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `rapport-${slug}-${new Date(startsAt).toISOString().slice(0, 10)}.pdf`;
}

/**
 * Closes the meeting (only with an action plan, and only if the stored minutes still hold no
 * personal data) and forwards the report: to each SBU coordinator in Sammen, and to the SLT group's
 * mailbox as a PDF. Each delivery is recorded.
 */
export async function closeSystemMeeting(ctx: DataContext, meetingId: string, version: number) {
  const staff = requireStaff(ctx);
  const m = await loadSystemMeeting(ctx, meetingId, 'systemMeeting.write');
  if (m.status !== 'scheduled') throw new AppError('CONFLICT', 'teams.sys.err.closed');
  checkVersion(ctx, m.version);
  const items = await itemsOf(ctx.trx, meetingId);
  if (items.length === 0) throw invalidField('actionItems', 'teams.sys.err.actionPlanRequired');
  // The register may have grown since the minutes were saved.
  await refusePersonalData(ctx, staff.municipalityId, [
    { field: 'topic', text: m.topic }, { field: 'background', text: m.background }, { field: 'assessments', text: m.assessments }, { field: 'decisions', text: m.decisions },
    ...items.map((item, i) => ({ field: `actionItems.${i}.what`, text: item.what })),
  ]);
  const closedAt = ctx.services.clock.now();
  const updated = await ctx.trx
    .updateTable('team_meeting')
    .set({ status: 'closed', closed_at: closedAt, closed_by: staff.staffUserId, version: m.version + 1 })
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict();
  const closed = { ...m, status: 'closed' as const, closed_at: closedAt, version: m.version + 1 };

  const team = await ctx.trx.selectFrom('team').select(['name', 'municipality_id']).where('id', '=', m.team_id).executeTakeFirstOrThrow();
  const date = formatDate(m.starts_at);
  const coordinators = await ctx.trx
    .selectFrom('staff_user as s')
    .innerJoin('staff_role as r', 'r.staff_user_id', 's.id')
    .select('s.id')
    .where('r.role', '=', 'sbu_coordinator')
    .where('s.municipality_id', '=', team.municipality_id)
    .where('s.active', '=', true)
    .execute();
  await notifyAll(ctx.trx, coordinators.map((c): NotificationInput => ({
    recipient: { kind: 'staff', staffUserId: c.id }, kind: 'systemMeeting.report', params: { teamName: team.name, date },
    link: `/systemteam/${meetingId}`, dedupeKey: `systemMeeting.report:${meetingId}:${c.id}`,
  })));
  if (coordinators.length) await ctx.trx.insertInto('system_report_delivery').values(coordinators.map((c) => ({ meeting_id: meetingId, staff_user_id: c.id }))).execute();
  const municipality = await ctx.trx.selectFrom('municipality').select('slt_email').where('id', '=', team.municipality_id).executeTakeFirstOrThrow();
  if (municipality.slt_email) {
    // The SLT group reads bokmål; the report holds no personal data, so it travels as an attachment.
    const lang: Language = 'nb';
    const { pdf } = await reportOf(ctx.trx, closed, lang);
    await queueEmail(ctx.trx, {
      to: municipality.slt_email,
      subject: translate(lang, 'teams.sys.mail.subject', { team: team.name, date }),
      text: `${translate(lang, 'teams.sys.mail.body', { team: team.name, date, topic: m.topic ?? '' })}\n\n-- \n${translate(lang, 'notifications.email.footerStaff')}\n`,
      language: lang,
      attachments: [{ filename: fileName(team.name, m.starts_at), contentType: 'application/pdf', content: pdf }],
    });
    await ctx.trx.insertInto('system_report_delivery').values({ meeting_id: meetingId, email: municipality.slt_email }).execute();
  }
  return { status: 'closed', version: closed.version, deliveries: coordinators.length + (municipality.slt_email ? 1 : 0) };
}

/** The report as a PDF in the reader's language, once the meeting is closed. */
export async function systemReportPdf(ctx: DataContext, meetingId: string) {
  const m = await loadSystemMeeting(ctx, meetingId, 'systemMeeting.read');
  if (m.status !== 'closed') throw new AppError('CONFLICT', 'teams.sys.err.notClosed');
  const { pdf, teamName } = await reportOf(ctx.trx, m, ctx.lang);
  return { pdf, fileName: fileName(teamName, m.starts_at) };
}
