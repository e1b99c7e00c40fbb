// The team overview for the team's leader (and the SBU coordinator): aggregated figures, no names.
// - cases: referrals the team accepted (anonymous discussions are not cases)
// - family present: held (closed) case meetings where a guardian or the youth was recorded present
// - days to first meeting: from the referral's arrival to the first meeting that was not cancelled
// - action items on time: done no later than the deadline, among items that are done or past due
// - the family's rating: the average answers (1–5) given after the team's meetings
// Every figure goes through the one suppression rule (common/suppression.ts): a count under the
// threshold is "fewer than N", and an average of the family's ratings is shown only over enough
// answers, so a team leader never sees one family's rating.
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { notFound } from '../../infra/http/errors.ts';
import { authorize, seesEveryTeam } from '../access/access.ts';
import { osloDate } from '../../../common/dates.ts';
import { suppressCount, suppressMeasure, suppressShare, suppressTable } from '../../../common/suppression.ts';

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export async function teamOverview(ctx: DataContext, teamId: string) {
  await authorize(ctx, { action: 'team.overview', purpose: 'administration', entity: { type: 'team', id: teamId } });
  const team = await ctx.trx.selectFrom('team').select(['id', 'name', 'kind']).where('id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound();
  const today = osloDate(ctx.services.clock.now());

  const cases = await ctx.trx
    .selectFrom('referral')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('team_id', '=', teamId)
    .where('status', '=', 'accepted')
    .where('person_id', 'is not', null)
    .executeTakeFirstOrThrow();

  const meetings = await ctx.trx
    .selectFrom('team_meeting as m')
    .select([
      sql<number>`count(*)::int`.as('held'),
      sql<number>`count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.role IN ('guardian', 'youth') AND p.attendance = 'present'))::int`.as('with_family'),
    ])
    .where('m.team_id', '=', teamId)
    .where('m.kind', '=', 'case')
    .where('m.status', '=', 'closed')
    .executeTakeFirstOrThrow();

  // The first meeting per accepted referral; the average of the days it took.
  const firstMeetings = await ctx.trx
    .selectFrom('referral as r')
    .innerJoin('team_meeting as m', 'm.referral_id', 'r.id')
    .select(['r.id', 'r.received_at', sql<Date>`min(m.starts_at)`.as('first_at')])
    .where('r.team_id', '=', teamId)
    .where('r.status', '=', 'accepted')
    .where('m.status', '<>', 'cancelled')
    .groupBy(['r.id', 'r.received_at'])
    .execute();
  const days = firstMeetings.map((r) => (new Date(r.first_at).getTime() - new Date(r.received_at).getTime()) / 86_400_000);
  const averageDays = days.length ? days.reduce((a, b) => a + b, 0) / days.length : null;

  const items = await ctx.trx
    .selectFrom('action_item as a')
    .innerJoin('team_meeting as m', 'm.id', 'a.meeting_id')
    .select([
      sql<number>`count(*)::int`.as('measured'),
      sql<number>`count(*) FILTER (WHERE a.status = 'done' AND a.done_on <= a.due_on)::int`.as('on_time'),
    ])
    .where('m.team_id', '=', teamId)
    .where((eb) => eb.or([eb('a.status', '=', 'done'), eb('a.due_on', '<', today)]))
    .executeTakeFirstOrThrow();

  const ratings = await ctx.trx
    .selectFrom('meeting_rating as r')
    .innerJoin('team_meeting as m', 'm.id', 'r.meeting_id')
    .select([
      sql<number>`count(*)::int`.as('n'),
      sql<number | null>`avg(r.felt_heard)::float8`.as('felt_heard'),
      sql<number | null>`avg(r.useful)::float8`.as('useful'),
    ])
    .where('m.team_id', '=', teamId)
    .executeTakeFirstOrThrow();

  const threshold = ctx.services.config.suppressionThreshold;
  // Meetings with and without the family add up to the meetings held: one table, so one hidden
  // part cannot be worked out from the other.
  const held = suppressTable(meetings.held, [meetings.with_family, meetings.held - meetings.with_family], threshold);
  const onTime = suppressTable(items.measured, [items.on_time, items.measured - items.on_time], threshold);
  return {
    team: { id: team.id, name: team.name, kind: team.kind },
    cases: suppressCount(cases.n, threshold),
    meetingsHeld: held.total,
    meetingsWithFamily: held.parts[0]!,
    familyPresentShare: suppressShare(held.parts[0]!, held.total),
    referralsWithMeeting: suppressCount(days.length, threshold),
    averageDaysToFirstMeeting: suppressMeasure(oneDecimal(averageDays), days.length, threshold),
    actionItemsMeasured: onTime.total,
    actionItemsOnTime: onTime.parts[0]!,
    actionItemsOnTimeShare: suppressShare(onTime.parts[0]!, onTime.total),
    ratings: {
      count: suppressCount(ratings.n, threshold),
      feltHeard: suppressMeasure(oneDecimal(ratings.felt_heard === null ? null : Number(ratings.felt_heard)), ratings.n, threshold),
      useful: suppressMeasure(oneDecimal(ratings.useful === null ? null : Number(ratings.useful)), ratings.n, threshold),
    },
  };
}

/** The overviews the user may see: the teams they lead, or every active team for the SBU coordinator. */
export async function myTeamOverviews(ctx: DataContext) {
  await authorize(ctx, { action: 'team.overview', purpose: 'administration' });
  const staff = ctx.principal?.kind === 'staff' ? ctx.principal : null;
  if (!staff) return { overviews: [] };
  let teams = ctx.trx.selectFrom('team').select('id').where('municipality_id', '=', staff.municipalityId).where('active', '=', true);
  if (!seesEveryTeam(staff)) teams = teams.where('leader_staff_user_id', '=', staff.staffUserId);
  const rows = await teams.orderBy('kind').orderBy('age_from_months').orderBy('name').execute();
  const overviews = [];
  for (const t of rows) overviews.push(await teamOverview(ctx, t.id));
  return { overviews };
}
