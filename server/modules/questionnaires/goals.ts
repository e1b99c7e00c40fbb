// Goal progress (måloppnåelse, seed 003: the child's and family's benefit before, during and after a
// measure): the family, and the child from the age the municipality sets, rate each goal 0–10 at the
// measure's start, at each evaluation and at the end, on Min side or with the professional in the
// meeting. Ratings are keyed by the goal's source and key, so an individual plan's goal can carry
// them as a relay-log goal does.
import { sql } from 'kysely';
import { osloDate } from '../../../common/dates.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { abilitiesOf, authorize, may, visibleCategories } from '../access/access.ts';
import { loadLatestCase } from '../cases/queries.ts';
import type { RateGoalInput } from './schema.ts';

const asPerson = (id: string) => ({ kind: 'person' as const, id });
const purpose = (ctx: DataContext) => (ctx.principal?.kind === 'citizen' ? 'self_service' as const : 'follow_up' as const);

/** The current version of each goal in the person's newest case, as far as the reader's consent reaches. */
async function relayLogGoals(ctx: DataContext, personId: string) {
  const helpCase = await loadLatestCase(ctx.trx, personId);
  if (!helpCase || helpCase.purged_at) return [];
  const visible = await visibleCategories(ctx, personId);
  if (visible !== 'all' && visible.size === 0) return [];
  let query = ctx.trx.selectFrom('relay_log_entry as e').select(['e.entry_key', 'e.title', 'e.category', 'e.written_at'])
    .where('e.case_id', '=', helpCase.id).where('e.kind', '=', 'goal')
    .where(sql<boolean>`e.version = (select max(v.version) from relay_log_entry v where v.case_id = e.case_id and v.entry_key = e.entry_key)`);
  if (visible !== 'all') query = query.where('e.category', 'in', [...visible]);
  return query.orderBy('e.written_at').orderBy('e.entry_key').execute();
}

/** The family's and the child's own goals in the person's active individual plan, when the reader may read the plan. */
async function planGoals(ctx: DataContext, personId: string) {
  const plan = await ctx.trx.selectFrom('individual_plan').select('id').where('person_id', '=', personId).where('status', '=', 'active').executeTakeFirst();
  if (!plan || !(await may(ctx, { action: 'plan.read', purpose: purpose(ctx), subject: asPerson(personId), entity: { type: 'individual_plan', id: plan.id } }))) return [];
  return ctx.trx.selectFrom('plan_goal').select(['id', 'text']).where('plan_id', '=', plan.id).orderBy('written_at').orderBy('id').execute();
}

/** Every goal the reader may see ratings of: the relay log's, then the plan's own. */
async function ratedGoals(ctx: DataContext, personId: string) {
  const [log, plan] = await Promise.all([relayLogGoals(ctx, personId), planGoals(ctx, personId)]);
  return [
    ...log.map((g) => ({ source: 'relay_log' as const, key: g.entry_key, title: g.title })),
    ...plan.map((g) => ({ source: 'plan' as const, key: g.id, title: g.text })),
  ];
}

export async function goalRatings(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'goalRating.read', purpose: purpose(ctx), subject: asPerson(personId) });
  const goals = await ratedGoals(ctx, personId);
  const ratings = goals.length === 0 ? [] : await ctx.trx.selectFrom('goal_rating')
    .select(['goal_source', 'goal_key', 'score', 'occasion', 'rater', 'rated_on', 'rated_at'])
    .where('goal_key', 'in', goals.map((g) => g.key)).where('person_id', '=', personId)
    .orderBy('rated_at').orderBy('id').execute();
  const abilities = await abilitiesOf(ctx, { purpose: purpose(ctx), subject: asPerson(personId) }, { rate: 'goalRating.create' });
  return {
    goals: goals.map((g) => {
      const own = ratings.filter((r) => r.goal_source === g.source && r.goal_key === g.key);
      return {
        source: g.source, goalKey: g.key, title: g.title,
        ratings: own.map((r) => ({ score: r.score, occasion: r.occasion, rater: r.rater, ratedOn: r.rated_on })),
        nextOccasion: own.length === 0 ? ('start' as const) : ('evaluation' as const),
      };
    }),
    abilities,
  };
}

export async function rateGoal(ctx: DataContext, personId: string, input: RateGoalInput) {
  await authorize(ctx, { action: 'goalRating.create', purpose: purpose(ctx), subject: asPerson(personId), entity: { type: 'goal', id: input.goalKey } });
  const goal = (await ratedGoals(ctx, personId)).find((g) => g.source === input.source && g.key === input.goalKey);
  if (!goal) throw invalidField('goalKey', 'questionnaires.err.unknownGoal');
  const principal = ctx.principal!;
  let rater: 'family' | 'child';
  if (principal.kind === 'citizen') {
    const person = await ctx.trx.selectFrom('person').select('kind').where('id', '=', personId).executeTakeFirstOrThrow();
    rater = principal.personId === personId && person.kind === 'child' ? 'child' : 'family';
  } else {
    if (!input.rater) throw invalidField('rater', 'questionnaires.err.raterRequired');
    rater = input.rater;
  }
  if (input.occasion === 'start') {
    const started = await ctx.trx.selectFrom('goal_rating').select('id').where('goal_source', '=', input.source).where('goal_key', '=', input.goalKey).where('rater', '=', rater).where('occasion', '=', 'start').executeTakeFirst();
    if (started) throw new AppError('CONFLICT', 'questionnaires.err.startRated');
  }
  const now = ctx.services.clock.now();
  const created = await ctx.trx.insertInto('goal_rating').values({
    person_id: personId, goal_source: input.source, goal_key: input.goalKey, occasion: input.occasion, rater,
    rater_person_id: principal.kind === 'citizen' ? principal.personId : null, recorded_by_staff_id: principal.kind === 'staff' ? principal.staffUserId : null,
    score: input.score, rated_on: osloDate(now), rated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: created.id };
}
