// The team overview for the team's leader (and the SBU coordinator): aggregated figures, no names.
// - cases: referrals the team accepted (anonymous discussions are not cases)
// - family present: held (closed) case meetings with a guardian or the youth among the participants
// - days to first meeting: from the referral's arrival to the first meeting that was not cancelled
// - action items on time: done no later than the deadline, among items that are done or past due
// - the family's rating: the average answers (1–5) given after the team's meetings
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { notFound } from '../../infra/http/errors.ts';
import { authorize, seesEveryTeam } from '../access/access.ts';
import { osloDate } from '../../../common/dates.ts';

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
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
        SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.role IN ('guardian', 'youth')))::int`.as('with_family'),
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

  return {
    team: { id: team.id, name: team.name, kind: team.kind },
    cases: cases.n,
    meetingsHeld: meetings.held,
    meetingsWithFamily: meetings.with_family,
    familyPresentShare: share(meetings.with_family, meetings.held),
    referralsWithMeeting: days.length,
    averageDaysToFirstMeeting: oneDecimal(averageDays),
    actionItemsMeasured: items.measured,
    actionItemsOnTime: items.on_time,
    actionItemsOnTimeShare: share(items.on_time, items.measured),
    ratings: { count: ratings.n, feltHeard: oneDecimal(ratings.felt_heard === null ? null : Number(ratings.felt_heard)), useful: oneDecimal(ratings.useful === null ? null : Number(ratings.useful)) },
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
