// Early-intervention teams at work on one child: a professional's referral, intake by the team's
// leader, a meeting with the family at the child's kindergarten or school, one minutes template with
// a mandatory action plan that becomes relay-log entries, a copy for every participant, and the
// follow-up of the plan at the next meeting.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { daysBetween, osloDate } from '../../../common/dates.ts';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, conflict, invalidField } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { formatDate, formatDateTime, translate } from '../../../common/i18n/index.ts';
import { isLanguage, type Language } from '../../../common/roles.ts';
import { abilitiesOf, aboutPerson, authorize, authorizeIfAllowed, parentsOf, subjectOf, visibleCategories } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { loadConsentsForAccess } from '../consent/queries.ts';
import { consentState } from '../consent/rules.ts';
import { involve, loadOpenCase } from '../cases/queries.ts';
import { openCase } from '../cases/service.ts';
import { notify, notifyAll, queueEmail, type NotificationInput } from '../notifications/service.ts';
import { calendarFile } from './ics.ts';
import { renderMinutes } from './minutes-pdf.ts';
import { offerRating } from './ratings.ts';
import type { MinutesInput, ScheduleInput } from './schema.ts';
import { meetingName, teamForPerson } from './service.ts';

const MEETING_MINUTES = 90;

async function personName(trx: Tx, personId: string): Promise<string> {
  const p = await trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  return `${p.given_name} ${p.family_name}`;
}

// ---------------------------------------------------------------------------------------------
// Referral and intake

export async function referralProposal(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'referralProposal.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } });
  const team = await teamForPerson(ctx.trx, personId, osloDate(ctx.services.clock.now()));
  const consents = await loadConsentsForAccess(ctx.trx, personId);
  const teamConsent = consents.some((c) => consentState(c, ctx.services.clock.now()) === 'active' && c.purposes.includes('team_discussion'));
  return { team: team ? { id: team.id, name: team.name } : null, teamDiscussionConsent: teamConsent };
}

/** A professional refers a child they follow: with the family's consent to team discussion, or with the family taking part. */
export async function refer(ctx: DataContext, personId: string, input: { reason: string; basis: 'consent' | 'family_present'; teamId?: string | undefined; otherTeamReason?: string | undefined }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'referral.create', purpose: 'follow_up', subject: { kind: 'person', id: personId } });
  const person = await ctx.trx.selectFrom('person').select(['municipality_id', 'kind']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (person.kind === 'adult') throw invalidField('teamId', 'cases.err.notAChild');
  const proposed = await teamForPerson(ctx.trx, personId, osloDate(ctx.services.clock.now()));
  const teamId = input.teamId ?? proposed?.id;
  const team = teamId ? await ctx.trx.selectFrom('team').select(['id', 'name', 'leader_staff_user_id', 'kind', 'active']).where('id', '=', teamId).where('municipality_id', '=', person.municipality_id).executeTakeFirst() : undefined;
  if (!team || team.kind !== 'early_intervention' || !team.active) throw invalidField('teamId', 'meetings.err.unknownTeam');
  // Another team than the proposed one is a choice the receiving leader should be able to read.
  const otherTeam = proposed && proposed.id !== team.id;
  if (otherTeam && !input.otherTeamReason) throw invalidField('otherTeamReason', 'meetings.err.otherTeamReasonRequired');
  if (input.basis === 'consent') {
    const consents = await loadConsentsForAccess(ctx.trx, personId);
    if (!consents.some((c) => consentState(c, ctx.services.clock.now()) === 'active' && c.purposes.includes('team_discussion'))) throw invalidField('basis', 'meetings.err.needsConsent');
  }
  const open = await ctx.trx.selectFrom('referral').select('id').where('person_id', '=', personId).where('team_id', '=', team.id).where('status', 'in', ['waiting', 'more_info', 'accepted']).executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'meetings.err.alreadyReferred');
  const helpCase = (await loadOpenCase(ctx.trx, personId)) ?? (await openCase(ctx, personId, person.municipality_id, translate(ctx.lang, 'meetings.ui.openedByReferral')));
  const row = await ctx.trx
    .insertInto('referral')
    .values({
      team_id: team.id, person_id: personId, case_id: helpCase.id, source: 'professional', referred_by_staff_id: staff.staffUserId, reason: input.reason, basis: input.basis,
      proposed_team_id: proposed?.id ?? null, other_team_reason: otherTeam ? input.otherTeamReason! : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (team.leader_staff_user_id) {
    await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: team.leader_staff_user_id }, kind: 'referral.received', params: { teamName: team.name }, link: `/team/${team.id}/inntak`, dedupeKey: `referral.received:${row.id}` });
  }
  return { id: row.id, team: { id: team.id, name: team.name } };
}

/** An anonymous discussion in the team: age and a summary, no identity, no consent needed. */
export async function referAnonymously(ctx: DataContext, input: { teamId: string; ageYears: number; summary: string }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'referral.anonymous', purpose: 'follow_up' });
  const team = await ctx.trx.selectFrom('team').select(['id', 'kind']).where('id', '=', input.teamId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!team || team.kind !== 'early_intervention') throw invalidField('teamId', 'meetings.err.unknownTeam');
  const row = await ctx.trx
    .insertInto('referral')
    .values({ team_id: team.id, person_id: null, age_years: input.ageYears, anonymous_summary: input.summary, source: 'professional', referred_by_staff_id: staff.staffUserId, reason: input.summary, basis: 'anonymous' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** The team's open referrals, longest waiting first, a page at a time, each with its meetings. */
export async function intakeQueue(ctx: DataContext, teamId: string, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'intake.read', purpose: 'follow_up', entity: { type: 'team', id: teamId } });
  // The page is cut from the team's referrals first; only its rows are joined to names.
  let waiting = ctx.trx
    .selectFrom('referral')
    .select(['id', 'person_id', 'age_years', 'source', 'reason', 'basis', 'status', 'received_at', 'answer_note', 'referred_by_staff_id', 'requested_by_person_id', 'proposed_team_id', 'other_team_reason'])
    .where('team_id', '=', teamId)
    .where('status', 'in', ['waiting', 'more_info', 'accepted']);
  if (after) waiting = waiting.where(sql<boolean>`(received_at, id) > (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  const found = await ctx.trx
    .selectFrom(waiting.orderBy('received_at').orderBy('id').limit(PAGE_SIZE + 1).as('r'))
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('staff_user as s', 's.id', 'r.referred_by_staff_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .leftJoin('person as f', 'f.id', 'r.requested_by_person_id')
    .leftJoin('team as pt', 'pt.id', 'r.proposed_team_id')
    .select([
      'r.id', 'r.person_id', 'r.age_years', 'r.source', 'r.reason', 'r.basis', 'r.status', 'r.received_at', 'r.answer_note', 'r.other_team_reason', 'pt.name as proposed_team_name',
      'p.given_name', 'p.family_name', 'p.birth_date', 's.display_name as referred_by', 'u.name as referred_by_unit', 'f.given_name as family_given', 'f.family_name as family_family',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from r.received_at) * 1000000)::bigint::text`.as('received_micros'),
    ])
    .orderBy('r.received_at').orderBy('r.id')
    .execute();
  const { items: rows, hasMore, nextCursor } = toPage(found, (r) => [r.received_micros, r.id]);
  const meetings = rows.length === 0 ? [] : await ctx.trx
    .selectFrom('team_meeting').select(['id', 'referral_id', 'starts_at', 'status'])
    .where(sql<boolean>`referral_id = any(${rows.map((r) => r.id)}::uuid[])`).where('kind', '=', 'case')
    .orderBy('starts_at').orderBy('id').execute();
  const meetingsOf = new Map<string, { id: string; startsAt: Date; status: (typeof meetings)[number]['status'] }[]>();
  for (const m of meetings) {
    const list = meetingsOf.get(m.referral_id!) ?? [];
    list.push({ id: m.id, startsAt: m.starts_at, status: m.status });
    meetingsOf.set(m.referral_id!, list);
  }
  // A team leader counts waiting in calendar days in Norway, not in elapsed 24-hour periods.
  const today = osloDate(ctx.services.clock.now());
  readPeople(ctx, rows.map((r) => r.person_id), { action: 'person.read', purpose: 'follow_up', reason: 'intake_queue' });
  return {
    referrals: rows.map((r) => ({
      id: r.id,
      person: r.person_id ? { id: r.person_id, name: `${r.given_name} ${r.family_name}`, birthDate: r.birth_date } : null,
      ageYears: r.age_years,
      source: r.source,
      referredBy: r.source === 'family' ? `${r.family_given ?? ''} ${r.family_family ?? ''}`.trim() : `${r.referred_by ?? ''}${r.referred_by_unit ? `, ${r.referred_by_unit}` : ''}`,
      reason: r.reason,
      basis: r.basis,
      status: r.status,
      receivedAt: r.received_at,
      waitingDays: daysBetween(osloDate(new Date(r.received_at)), today),
      answerNote: r.answer_note,
      otherTeam: r.other_team_reason ? { proposedTeamName: r.proposed_team_name ?? '', reason: r.other_team_reason } : null,
      meetings: meetingsOf.get(r.id) ?? [],
    })),
    hasMore,
    nextCursor,
  };
}

async function answerable(ctx: DataContext, referralId: string) {
  await authorize(ctx, { action: 'referral.answer', purpose: 'follow_up', entity: { type: 'referral', id: referralId } });
  const r = (await ctx.trx.selectFrom('referral').selectAll().where('id', '=', referralId).forUpdate().executeTakeFirst())!;
  if (!['waiting', 'more_info'].includes(r.status)) throw new AppError('CONFLICT', 'meetings.err.referralAnswered');
  return r;
}

export async function acceptReferral(ctx: DataContext, referralId: string, note: string | undefined) {
  const staff = requireStaff(ctx);
  const r = await answerable(ctx, referralId);
  await ctx.trx.updateTable('referral').set({ status: 'accepted', answered_at: ctx.services.clock.now(), answered_by: staff.staffUserId, answer_note: note ?? null }).where('id', '=', referralId).execute();
  // The team has the case: its leader is involved from now on.
  if (r.person_id) await involve(ctx.trx, r.person_id, staff.staffUserId, 'team_member');
  return { status: 'accepted' };
}

export async function askForMore(ctx: DataContext, referralId: string, note: string) {
  const staff = requireStaff(ctx);
  await answerable(ctx, referralId);
  await ctx.trx.updateTable('referral').set({ status: 'more_info', answered_at: ctx.services.clock.now(), answered_by: staff.staffUserId, answer_note: note }).where('id', '=', referralId).execute();
  return { status: 'more_info' };
}

export async function redirectReferral(ctx: DataContext, referralId: string, teamId: string, note: string) {
  const staff = requireStaff(ctx);
  const r = await answerable(ctx, referralId);
  const target = await ctx.trx.selectFrom('team').select(['id', 'kind', 'leader_staff_user_id', 'name']).where('id', '=', teamId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!target || target.kind !== 'early_intervention' || target.id === r.team_id) throw invalidField('teamId', 'meetings.err.unknownTeam');
  await ctx.trx.updateTable('referral').set({ status: 'redirected', answered_at: ctx.services.clock.now(), answered_by: staff.staffUserId, answer_note: note, redirected_to_team_id: target.id }).where('id', '=', referralId).execute();
  const moved = await ctx.trx
    .insertInto('referral')
    .values({
      team_id: target.id, person_id: r.person_id, case_id: r.case_id, age_years: r.age_years, anonymous_summary: r.anonymous_summary, source: r.source,
      referred_by_staff_id: r.referred_by_staff_id, requested_by_person_id: r.requested_by_person_id, reason: r.reason, basis: r.basis, received_at: r.received_at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (target.leader_staff_user_id) {
    await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: target.leader_staff_user_id }, kind: 'referral.received', params: { teamName: target.name }, link: `/team/${target.id}/inntak`, dedupeKey: `referral.received:${moved.id}` });
  }
  return { status: 'redirected', referralId: moved.id };
}

/** The queues of the teams the signed-in user leads. */
export async function myIntake(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'intake.read', purpose: 'follow_up' });
  const teams = await ctx.trx.selectFrom('team').select(['id', 'name']).where('leader_staff_user_id', '=', staff.staffUserId).where('kind', '=', 'early_intervention').orderBy('name').execute();
  const result = [];
  for (const team of teams) result.push({ team, ...(await intakeQueue(ctx, team.id)) });
  return { teams: result };
}

/** Who can be invited: staff involved with the child and the team's members; the family who may take part. */
export async function meetingCandidates(ctx: DataContext, referralId: string) {
  await authorize(ctx, {
    action: 'meetingCandidates.read', purpose: 'follow_up', entity: { type: 'referral', id: referralId },
    ...aboutPerson(await subjectOf(ctx, 'referral', referralId)),
  });
  const r = (await ctx.trx.selectFrom('referral').select(['person_id', 'team_id']).where('id', '=', referralId).executeTakeFirst())!;
  if (!r.person_id) return { staff: [], family: [], place: null };
  const staff = await ctx.trx
    .selectFrom('staff_user as s')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 'u.name as unit_name'])
    .where('s.active', '=', true)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('involvement as i').select('i.id').whereRef('i.staff_user_id', '=', 's.id').where('i.person_id', '=', r.person_id!).where('i.ended_at', 'is', null)),
      eb.exists(eb.selectFrom('team_member as m').select('m.staff_user_id').whereRef('m.staff_user_id', '=', 's.id').where('m.team_id', '=', r.team_id)),
    ]))
    .orderBy('s.display_name')
    .execute();
  const parents = await parentsOf(ctx, r.person_id);
  const family = parents.length ? await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name']).where('id', 'in', parents).orderBy('given_name').orderBy('id').execute() : [];
  const child = await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name']).where('id', '=', r.person_id).executeTakeFirstOrThrow();
  readPeople(ctx, family.map((f) => f.id), { action: 'meetingCandidates.read', purpose: 'follow_up', reason: 'guardian_of_referred_child', entity: { type: 'referral', id: referralId } });
  const arena = await childArena(ctx.trx, r.person_id, osloDate(ctx.services.clock.now()));
  return {
    staff: staff.map((s) => ({ id: s.id, name: s.display_name, unitName: s.unit_name })),
    family: [...family.map((f) => ({ id: f.id, name: `${f.given_name} ${f.family_name}`, role: 'guardian' })), { id: child.id, name: `${child.given_name} ${child.family_name}`, role: 'youth' }],
    place: arena?.name ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Meetings

/** Where the child goes now (their kindergarten or school) and who leads it: the meeting's place and chair. */
async function childArena(trx: Tx, personId: string, today: string) {
  return trx
    .selectFrom('enrolment as e')
    .innerJoin('service_unit as u', 'u.id', 'e.service_unit_id')
    .select(['u.id', 'u.name', 'u.leader_staff_user_id'])
    .where('e.person_id', '=', personId)
    .where('e.starts_on', '<=', today)
    .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
    .orderBy('e.starts_on', 'desc')
    .executeTakeFirst();
}

export async function scheduleMeeting(ctx: DataContext, referralId: string, input: ScheduleInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'meeting.schedule', purpose: 'follow_up', entity: { type: 'referral', id: referralId } });
  const r = (await ctx.trx.selectFrom('referral as r').innerJoin('team as t', 't.id', 'r.team_id').select(['r.id', 'r.status', 'r.person_id', 'r.case_id', 'r.basis', 'r.team_id', 't.name as team_name', 't.meeting_place', 't.leader_staff_user_id']).where('r.id', '=', referralId).executeTakeFirst())!;
  if (r.status !== 'accepted') throw new AppError('CONFLICT', 'meetings.err.notAccepted');
  if (!r.person_id) throw new AppError('CONFLICT', 'meetings.err.anonymousNoMeeting');
  if (r.basis === 'family_present' && input.personIds.length === 0) throw invalidField('personIds', 'meetings.err.familyRequired');
  const arena = await childArena(ctx.trx, r.person_id, osloDate(ctx.services.clock.now()));
  const chairId = arena?.leader_staff_user_id ?? r.leader_staff_user_id ?? staff.staffUserId;
  // Professionals: those already involved with the child, or members of the team.
  const member = async (id: string) => !!(await ctx.trx.selectFrom('team_member').select('staff_user_id').where('team_id', '=', r.team_id).where('staff_user_id', '=', id).executeTakeFirst());
  return createCaseMeeting(ctx, input, {
    teamId: r.team_id, planId: null, referralId: r.id, caseId: r.case_id, personId: r.person_id, chairId,
    place: input.place ?? arena?.name ?? r.meeting_place ?? '', mayTakePart: member,
  });
}

/**
 * A meeting about one child, of a team (after a referral) or of an individual plan: the times
 * checked, the family limited to guardians with parental responsibility and the child, the
 * professionals to those involved with the child (or `mayTakePart`), everyone invited.
 */
export async function createCaseMeeting(ctx: DataContext, input: ScheduleInput, m: {
  teamId: string | null; planId: string | null; referralId: string | null; caseId: string | null; personId: string; chairId: string; place: string;
  mayTakePart?: (staffUserId: string) => Promise<boolean>;
}) {
  const staff = requireStaff(ctx);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + MEETING_MINUTES * 60_000);
  if (startsAt.getTime() < ctx.services.clock.now().getTime() - 3_600_000) throw invalidField('startsAt', 'meetings.err.inPast');
  if (endsAt <= startsAt) throw invalidField('endsAt', 'meetings.err.endBeforeStart');

  // Family: guardians with parental responsibility, and the child.
  const familyAllowed = new Set([...(await parentsOf(ctx, m.personId)), m.personId]);
  const personIds = [...new Set(input.personIds)];
  personIds.forEach((id, i) => {
    if (!familyAllowed.has(id)) throw invalidField(`personIds.${i}`, 'meetings.err.notFamily');
  });
  const staffIds = [...new Set([...input.staffIds, m.chairId, staff.staffUserId])];
  for (const [i, id] of input.staffIds.entries()) {
    const involved = await ctx.trx.selectFrom('involvement').select('id').where('person_id', '=', m.personId).where('staff_user_id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
    if (!involved && !(await m.mayTakePart?.(id))) throw invalidField(`staffIds.${i}`, 'meetings.err.participantNotInvolved');
  }
  if (!m.place.trim()) throw invalidField('place', 'errors.required');

  const id = randomUUID();
  await ctx.trx.insertInto('team_meeting').values({
    id, team_id: m.teamId, plan_id: m.planId, kind: 'case', referral_id: m.referralId, case_id: m.caseId, person_id: m.personId, starts_at: startsAt, ends_at: endsAt,
    place: m.place, chair_staff_id: m.chairId, created_by: staff.staffUserId,
  }).execute();
  await ctx.trx.insertInto('meeting_participant').values([
    ...staffIds.map((s) => ({ meeting_id: id, staff_user_id: s, person_id: null, role: s === m.chairId ? ('chair' as const) : ('professional' as const) })),
    ...personIds.map((p) => ({ meeting_id: id, staff_user_id: null, person_id: p, role: p === m.personId ? ('youth' as const) : ('guardian' as const) })),
  ]).execute();
  for (const s of staffIds) await involve(ctx.trx, m.personId, s, 'meeting_participant');
  await invite(ctx.trx, id, ctx.services.clock.now());
  return { id, chairStaffId: m.chairId, place: m.place };
}

/** Invitations: in the app, and by e-mail with a calendar file. Neither names the child. */
async function invite(trx: Tx, meetingId: string, now: Date): Promise<void> {
  const m = await trx.selectFrom('team_meeting as m').leftJoin('team as t', 't.id', 'm.team_id').innerJoin('staff_user as c', 'c.id', 'm.chair_staff_id')
    .select(['m.id', 'm.starts_at', 'm.ends_at', 'm.place', 'm.person_id', 'm.created_at', 't.name as team_name', 'c.email as chair_email']).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  const participants = await trx
    .selectFrom('meeting_participant as mp')
    .leftJoin('staff_user as s', 's.id', 'mp.staff_user_id')
    .leftJoin('person as p', 'p.id', 'mp.person_id')
    .select(['mp.staff_user_id', 'mp.person_id', 's.email as staff_email', 's.language as staff_language', 'p.email as person_email', 'p.language as person_language'])
    .where('mp.meeting_id', '=', meetingId)
    .execute();
  const attendees = participants.map((p) => p.staff_email ?? p.person_email).filter((e): e is string => !!e);
  for (const p of participants) {
    const lang: Language = isLanguage(p.staff_language ?? p.person_language) ? (p.staff_language ?? p.person_language) as Language : 'nb';
    const date = formatDateTime(m.starts_at);
    const team = meetingName(lang, m.team_name);
    const link = p.staff_user_id ? `/moter/${m.id}` : `/min-side/${m.person_id}`;
    await notify(trx, {
      recipient: p.staff_user_id ? { kind: 'staff', staffUserId: p.staff_user_id } : { kind: 'citizen', personId: p.person_id! },
      kind: 'meeting.invited', subjectPersonId: m.person_id, params: { teamName: team, date }, link, dedupeKey: `meeting.invited:${m.id}:${p.staff_user_id ?? p.person_id}`,
    });
    const to = p.staff_email ?? p.person_email;
    if (!to) continue;
    const ics = calendarFile({
      uid: `${m.id}@sammen`, start: new Date(m.starts_at), end: new Date(m.ends_at), summary: translate(lang, 'meetings.ics.summary', { team }),
      location: m.place, description: translate(lang, 'meetings.ics.description'), organizerEmail: m.chair_email, attendees,
    }, now);
    await queueEmail(trx, {
      to, language: lang, subject: translate(lang, 'meetings.email.subject', { team, date }),
      text: translate(lang, 'meetings.email.body', { team, date, place: m.place }),
      attachments: [{ filename: 'moete.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: Buffer.from(ics, 'utf8') }],
    });
  }
}

async function loadMeeting(ctx: DataContext, meetingId: string, action: 'meeting.read' | 'meeting.write') {
  await authorize(ctx, {
    action, purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up',
    ...aboutPerson(await subjectOf(ctx, 'team_meeting', meetingId)), entity: { type: 'team_meeting', id: meetingId },
  });
  return (await ctx.trx.selectFrom('team_meeting').selectAll().where('id', '=', meetingId).executeTakeFirst())!;
}

async function itemsOf(trx: Tx, today: string, where: { meetingId?: string; caseId?: string; openBefore?: string }) {
  let q = trx
    .selectFrom('action_item as a')
    .leftJoin('staff_user as s', 's.id', 'a.owner_staff_id')
    .leftJoin('person as p', 'p.id', 'a.owner_person_id')
    .leftJoin('service_unit as u', 'u.id', 'a.owner_unit_id')
    .select(['a.id', 'a.meeting_id', 'a.position', 'a.what', 'a.owner_staff_id', 'a.owner_person_id', 's.display_name as owner', 'p.given_name', 'p.family_name', 'u.name as unit', 'a.due_on', 'a.status', 'a.done_on', 'a.review_note', 'a.reviewed_in_meeting_id']);
  if (where.meetingId) q = q.where('a.meeting_id', '=', where.meetingId);
  if (where.caseId) q = q.where('a.case_id', '=', where.caseId).where('a.meeting_id', '<>', where.openBefore ?? '');
  return (await q.orderBy('a.meeting_id').orderBy('a.position').execute()).map((a) => ({
    id: a.id, meetingId: a.meeting_id, position: a.position, what: a.what,
    owner: { id: (a.owner_staff_id ?? a.owner_person_id)!, name: a.owner ?? `${a.given_name ?? ''} ${a.family_name ?? ''}`.trim(), unitName: a.unit },
    ownerKind: a.owner_person_id ? 'family' as const : 'staff' as const,
    dueOn: a.due_on, status: a.status, doneOn: a.done_on, reviewNote: a.review_note, reviewedInMeetingId: a.reviewed_in_meeting_id,
    overdue: a.status === 'open' && a.due_on < today,
  }));
}

export async function getMeeting(ctx: DataContext, meetingId: string) {
  const m = await loadMeeting(ctx, meetingId, 'meeting.read');
  const team = m.team_id ? await ctx.trx.selectFrom('team').select(['id', 'name']).where('id', '=', m.team_id).executeTakeFirstOrThrow() : null;
  const participants = await ctx.trx
    .selectFrom('meeting_participant as mp')
    .leftJoin('staff_user as s', 's.id', 'mp.staff_user_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .leftJoin('person as p', 'p.id', 'mp.person_id')
    .select(['mp.id', 'mp.role', 'mp.staff_user_id', 'mp.person_id', 'mp.copy_sent_at', 'mp.attendance', 's.display_name', 'u.name as unit_name', 'p.given_name', 'p.family_name'])
    .where('mp.meeting_id', '=', meetingId)
    .orderBy('mp.role')
    .execute();
  // What the reader may do here, by the rules of the routes that do it.
  const abilities = await abilitiesOf(ctx, { purpose: 'follow_up', entity: { type: 'team_meeting', id: m.id } }, { writeMinutes: 'meeting.write', close: 'meeting.write' });
  // The family taking part is shown under the decision to read the meeting.
  readPeople(ctx, participants.map((p) => p.person_id), { action: 'meeting.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', reason: 'meeting_participant', entity: { type: 'team_meeting', id: meetingId } });
  return {
    id: m.id,
    kind: m.kind,
    team: team ? { id: team.id, name: team.name } : null,
    planId: m.plan_id,
    person: m.person_id ? { id: m.person_id, name: await personName(ctx.trx, m.person_id) } : null,
    startsAt: m.starts_at, endsAt: m.ends_at, place: m.place, status: m.status, version: m.version, category: m.category,
    minutes: { background: m.background, childView: m.child_view, familyView: m.family_view, assessments: m.assessments, decisions: m.decisions },
    participants: participants.map((p) => ({
      id: p.id, role: p.role, staffId: p.staff_user_id, personId: p.person_id, copySentAt: p.copy_sent_at,
      name: p.display_name ?? `${p.given_name ?? ''} ${p.family_name ?? ''}`.trim(), unitName: p.unit_name, attendance: p.attendance,
    })),
    actionItems: await itemsOf(ctx.trx, osloDate(ctx.services.clock.now()), { meetingId }),
    // The plan from earlier meetings about the same child, to be reviewed at this one.
    toReview: m.case_id ? await itemsOf(ctx.trx, osloDate(ctx.services.clock.now()), { caseId: m.case_id, openBefore: m.id }) : [],
    abilities,
  };
}

/** The minutes and action plan, saved as the meeting goes; each item has an owner and a deadline. */
export async function saveMinutes(ctx: DataContext, meetingId: string, input: MinutesInput) {
  const m = await loadMeeting(ctx, meetingId, 'meeting.write');
  if (m.status !== 'scheduled') throw new AppError('CONFLICT', 'meetings.err.closed');
  checkVersion(ctx, m.version);
  const participants = await ctx.trx.selectFrom('meeting_participant as mp').innerJoin('staff_user as s', 's.id', 'mp.staff_user_id').select(['s.id', 's.service_unit_id']).where('mp.meeting_id', '=', meetingId).execute();
  // The family owns an item only as a guardian or the youth taking part in this meeting.
  const family = await ctx.trx.selectFrom('meeting_participant').select('person_id').where('meeting_id', '=', meetingId).where('role', 'in', ['guardian', 'youth']).where('person_id', 'is not', null).execute();
  input.actionItems.forEach((item, i) => {
    if (item.ownerPersonId) {
      if (!family.some((p) => p.person_id === item.ownerPersonId)) throw invalidField(`actionItems.${i}.ownerPersonId`, 'meetings.err.familyOwnerNotParticipant');
    } else if (!participants.some((p) => p.id === item.ownerStaffId)) throw invalidField(`actionItems.${i}.ownerStaffId`, 'meetings.err.ownerNotParticipant');
  });
  const invited = new Set((await ctx.trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).execute()).map((p) => p.id));
  input.attendance.forEach((a, i) => {
    if (!invited.has(a.participantId)) throw invalidField(`attendance.${i}.participantId`, 'meetings.err.notParticipant');
  });
  const updated = await ctx.trx.updateTable('team_meeting')
    .set({
      background: input.background ?? null, child_view: input.childView ?? null, family_view: input.familyView ?? null, assessments: input.assessments ?? null,
      decisions: input.decisions ?? null, category: input.category, version: m.version + 1,
    })
    .where('id', '=', meetingId).where('version', '=', input.version).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict();
  for (const a of input.attendance) {
    await ctx.trx.updateTable('meeting_participant').set({ attendance: a.attendance }).where('id', '=', a.participantId).where('meeting_id', '=', meetingId).execute();
  }
  await ctx.trx.deleteFrom('action_item').where('meeting_id', '=', meetingId).execute();
  if (input.actionItems.length) {
    await ctx.trx.insertInto('action_item').values(input.actionItems.map((item, i) => ({
      meeting_id: meetingId, case_id: m.case_id, position: i + 1, what: item.what, owner_staff_id: item.ownerPersonId ? null : item.ownerStaffId!,
      owner_person_id: item.ownerPersonId ?? null,
      owner_unit_id: item.ownerPersonId ? null : participants.find((p) => p.id === item.ownerStaffId)?.service_unit_id ?? null, due_on: item.dueOn!,
    }))).execute();
  }
  return { version: m.version + 1 };
}

/** Items from earlier meetings reviewed at this one: done, or not done and why. */
export async function reviewItems(ctx: DataContext, meetingId: string, items: { id: string; status: 'done' | 'not_done'; note?: string | undefined }[]) {
  const m = await loadMeeting(ctx, meetingId, 'meeting.write');
  if (!m.case_id) throw invalidField('items', 'meetings.err.nothingToReview');
  const today = osloDate(ctx.services.clock.now());
  for (const [i, item] of items.entries()) {
    const found = await ctx.trx.selectFrom('action_item').select(['id', 'status', 'done_on']).where('id', '=', item.id).where('case_id', '=', m.case_id).where('meeting_id', '<>', meetingId).executeTakeFirst();
    if (!found) throw invalidField(`items.${i}.id`, 'meetings.err.nothingToReview');
    if (item.status === 'not_done' && !item.note) throw invalidField(`items.${i}.note`, 'meetings.err.whyNotDone');
    await ctx.trx.updateTable('action_item').set({
      status: item.status, done_on: item.status === 'done' ? found.done_on ?? today : null, review_note: item.note ?? null, reviewed_in_meeting_id: meetingId, reviewed_at: ctx.services.clock.now(),
    }).where('id', '=', item.id).execute();
  }
  return { reviewed: items.length };
}

export async function markItemDone(ctx: DataContext, itemId: string) {
  await authorize(ctx, { action: 'actionItem.update', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', ...aboutPerson(await subjectOf(ctx, 'action_item', itemId)), entity: { type: 'action_item', id: itemId } });
  const found = await ctx.trx.selectFrom('action_item').select('status').where('id', '=', itemId).executeTakeFirst();
  if (found!.status !== 'open') throw new AppError('CONFLICT', 'meetings.err.itemNotOpen');
  await ctx.trx.updateTable('action_item').set({ status: 'done', done_on: osloDate(ctx.services.clock.now()) }).where('id', '=', itemId).execute();
  return { status: 'done' };
}

/**
 * Closes a meeting: only with an action plan. The minutes and each item of the plan become entries
 * in the child's relay log, every participant gets the copy in Sammen, and the family is asked for
 * their rating.
 */
export async function closeMeeting(ctx: DataContext, meetingId: string) {
  const staff = requireStaff(ctx);
  const m = await loadMeeting(ctx, meetingId, 'meeting.write');
  if (m.status !== 'scheduled') throw new AppError('CONFLICT', 'meetings.err.closed');
  const items = await ctx.trx.selectFrom('action_item').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
  if (items.length === 0) throw invalidField('actionItems', 'meetings.err.actionPlanRequired');
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('team_meeting').set({ status: 'closed', closed_at: now, closed_by: staff.staffUserId, version: m.version + 1 }).where('id', '=', meetingId).execute();
  const team = { name: meetingName(ctx.lang, m.team_id ? (await ctx.trx.selectFrom('team').select('name').where('id', '=', m.team_id).executeTakeFirstOrThrow()).name : null) };
  const date = formatDate(m.starts_at);
  // The minutes go into the relay log only as far as the family's consent lets the one closing
  // write the log (for collaboration, in the minutes' category). Otherwise they stay with the
  // meeting, where its participants read them.
  const toLog = m.case_id && m.person_id
    ? await authorizeIfAllowed(ctx, { action: 'case.write', purpose: 'follow_up', subject: { kind: 'person', id: m.person_id }, entity: { type: 'help_case', id: m.case_id } })
    : false;
  const categories = toLog ? await visibleCategories(ctx, m.person_id!) : new Set<string>();
  const inRelayLog = toLog && (categories === 'all' || categories.has(m.category));
  if (m.case_id && inRelayLog) {
    const lang = ctx.lang;
    const body = (['background', 'child_view', 'family_view', 'assessments', 'decisions'] as const)
      .filter((k) => m[k]?.trim())
      .map((k) => `${translate(lang, `meetings.ui.${k === 'child_view' ? 'childView' : k === 'family_view' ? 'familyView' : k}`)}: ${m[k]}`)
      .join('\n\n');
    await ctx.trx.insertInto('relay_log_entry').values({
      case_id: m.case_id, entry_key: randomUUID(), version: 1, kind: 'decision', category: m.category,
      title: translate(lang, 'meetings.ui.minutesEntryTitle', { team: team.name, date }), body, author_staff_id: staff.staffUserId,
    }).execute();
    for (const item of items) {
      const entryKey = randomUUID();
      await ctx.trx.insertInto('relay_log_entry').values({
        case_id: m.case_id, entry_key: entryKey, version: 1, kind: 'agreement', category: m.category, title: item.what,
        body: translate(lang, 'meetings.ui.itemEntryBody', { team: team.name, date, due: formatDate(item.due_on) }),
        responsible_staff_id: item.owner_staff_id, evaluate_on: item.due_on, author_staff_id: staff.staffUserId,
      }).execute();
      await ctx.trx.updateTable('action_item').set({ entry_key: entryKey }).where('id', '=', item.id).execute();
      if (m.person_id && item.owner_staff_id) await involve(ctx.trx, m.person_id, item.owner_staff_id, 'measure_responsible');
    }
  }
  const participants = await ctx.trx.selectFrom('meeting_participant').select(['id', 'staff_user_id', 'person_id']).where('meeting_id', '=', meetingId).execute();
  await notifyAll(ctx.trx, participants.map((p): NotificationInput => ({
    recipient: p.staff_user_id ? { kind: 'staff', staffUserId: p.staff_user_id } : { kind: 'citizen', personId: p.person_id! },
    kind: 'meeting.minutes', subjectPersonId: m.person_id, params: { teamName: team.name, date },
    link: p.staff_user_id ? `/moter/${m.id}` : `/min-side/${m.person_id}`, dedupeKey: `meeting.minutes:${m.id}:${p.id}`,
  })));
  await ctx.trx.updateTable('meeting_participant').set({ copy_sent_at: now }).where('meeting_id', '=', meetingId).execute();
  await offerRating(ctx.trx, meetingId, ctx.services.clock.now());
  return { status: 'closed', entries: inRelayLog ? items.length + 1 : 0, inRelayLog };
}

/** The minutes as a PDF in the reader's language (every participant's copy). */
export async function minutesPdf(ctx: DataContext, meetingId: string) {
  const m = await loadMeeting(ctx, meetingId, 'meeting.read');
  const details = await getMeeting(ctx, meetingId);
  // A file is not scanned by the route runner: the family it names is recorded here.
  readPeople(ctx, details.participants.map((p) => p.personId), { action: 'meeting.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', reason: 'named_in_minutes', entity: { type: 'team_meeting', id: meetingId } });
  const chair = details.participants.find((p) => p.role === 'chair');
  return renderMinutes(ctx.lang, {
    teamName: meetingName(ctx.lang, details.team?.name ?? null), childName: details.person?.name ?? null, topic: m.topic, startsAt: new Date(m.starts_at), place: m.place,
    chair: chair?.name ?? '–', participants: details.participants.map((p) => (p.unitName ? `${p.name} (${p.unitName})` : p.name)),
    sections: [
      { key: 'background', text: m.background }, { key: 'childView', text: m.child_view }, { key: 'familyView', text: m.family_view },
      { key: 'assessments', text: m.assessments }, { key: 'decisions', text: m.decisions },
    ],
    actionItems: details.actionItems.map((a) => ({ what: a.what, owner: a.owner.name, unit: a.owner.unitName, dueOn: a.dueOn })),
  });
}

/** Meetings about a person: for the people involved and the family (Min side). */
export async function meetingsOfPerson(ctx: DataContext, personId: string, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'caseStatus.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId } });
  let query = ctx.trx.selectFrom('team_meeting as m').leftJoin('team as t', 't.id', 'm.team_id')
    .select([
      'm.id', 'm.starts_at', 'm.place', 'm.status', 't.name as team_name',
      sql<string>`(extract(epoch from m.starts_at) * 1000000)::bigint::text`.as('starts_micros'),
    ])
    .where('m.person_id', '=', personId);
  const me = ctx.principal;
  // The family sees the meetings they were asked to.
  if (me?.kind === 'citizen') query = query.where((eb) => eb.exists(eb.selectFrom('meeting_participant as mp').select('mp.meeting_id').whereRef('mp.meeting_id', '=', 'm.id').where('mp.person_id', '=', me.personId)));
  if (after) query = query.where(sql<boolean>`(m.starts_at, m.id) < (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  const found = await query.orderBy('m.starts_at', 'desc').orderBy('m.id', 'desc').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.starts_micros, r.id]);
  return {
    meetings: items.map((r) => ({ id: r.id, startsAt: r.starts_at, place: r.place, status: r.status, teamName: meetingName(ctx.lang, r.team_name) })),
    ...more,
  };
}
