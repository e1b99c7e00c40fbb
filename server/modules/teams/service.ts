// Early-intervention teams (tidlig innsatsteam): proposing the team for a child and the family's
// own request for a team discussion. Referrals from professionals, intake, meetings and minutes
// build on the same referral table.
import { sql } from 'kysely';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireCitizen } from '../../infra/http/context.ts';
import { AppError } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { authorize } from '../access/access.ts';
import { osloDate } from '../../../common/dates.ts';
import { translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import { ageInMonths, proposeTeam } from './proposal.ts';

export async function teamForPerson(trx: Tx, personId: string, today: string) {
  const person = await trx.selectFrom('person').select(['birth_date', 'expected_birth_date', 'kind', 'area', 'municipality_id']).where('id', '=', personId).executeTakeFirstOrThrow();
  const teams = await trx.selectFrom('team').select(['id', 'name', 'kind', 'age_from_months', 'age_to_months', 'area', 'active']).where('municipality_id', '=', person.municipality_id).execute();
  // A pregnant woman's team is the one for the time before birth.
  const age = person.kind === 'pregnant' && person.expected_birth_date ? -1 : ageInMonths(person.birth_date, today);
  return proposeTeam(teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, ageFromMonths: t.age_from_months, ageToMonths: t.age_to_months, area: t.area, active: t.active })), age, person.area);
}

/** The family asks the team for the child's age and area for a discussion; they take part themselves. */
export async function requestTeamDiscussion(ctx: DataContext, personId: string, reason: string) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'teamRequest.create', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  const team = await teamForPerson(ctx.trx, personId, osloDate(ctx.services.clock.now()));
  if (!team) throw new AppError('CONFLICT', 'cases.err.noTeam');
  const open = await ctx.trx.selectFrom('referral').select('id').where('person_id', '=', personId).where('team_id', '=', team.id).where('status', 'in', ['waiting', 'more_info']).executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'cases.err.teamRequestOpen');
  const row = await ctx.trx
    .insertInto('referral')
    .values({ team_id: team.id, person_id: personId, source: 'family', requested_by_person_id: citizen.personId, reason, basis: 'family_present' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, team: { id: team.id, name: team.name } };
}

/** The team proposed for the person, and the requests to teams about them: the newest first (then by id), a page at a time. */
export async function familyRequests(ctx: DataContext, personId: string, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'caseStatus.read', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  let query = ctx.trx
    .selectFrom('referral as r')
    .innerJoin('team as t', 't.id', 'r.team_id')
    .select([
      'r.id', 'r.reason', 'r.status', 'r.received_at', 'r.answer_note', 't.name as team_name',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from r.received_at) * 1000000)::bigint::text`.as('received_micros'),
    ])
    .where('r.person_id', '=', personId);
  if (after) query = query.where(sql<boolean>`(r.received_at, r.id) < (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  const found = await query.orderBy('r.received_at', 'desc').orderBy('r.id', 'desc').limit(PAGE_SIZE + 1).execute();
  const { items: rows, ...more } = toPage(found, (r) => [r.received_micros, r.id]);
  const proposed = await teamForPerson(ctx.trx, personId, osloDate(ctx.services.clock.now()));
  return {
    proposedTeam: proposed ? { id: proposed.id, name: proposed.name } : null,
    requests: rows.map((r) => ({ id: r.id, reason: r.reason, status: r.status, receivedAt: r.received_at, answerNote: r.answer_note, teamName: r.team_name })),
    ...more,
  };
}

/** What a meeting is called where its team's name would stand: a plan's meeting has no team. */
export const meetingName = (lang: Language, teamName: string | null) => teamName ?? translate(lang, 'plans.meeting.name');
