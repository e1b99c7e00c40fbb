// The collaboration survey (seed 003, tiltak 13): the SBU coordinator schedules a round, staff of
// the services answer from a link or their task list, anonymously. Who has answered
// (survey_participation) is kept apart from the answers, which are kept only as counts per round,
// service type, item and answer (migration 0029): no row, order or time joins an answer to a person.
import { osloDate } from '../../../common/dates.ts';
import { requireStaff, type DataContext } from '../../infra/http/context.ts';
import { AppError, invalid, notFound } from '../../infra/http/errors.ts';
import { abilitiesOf, authorize, may } from '../access/access.ts';
import { findVersion } from './definitions.ts';
import { score } from './scoring.ts';
import { surveyResults } from './survey-results.ts';
import type { ScheduleRoundInput } from './schema.ts';

const SURVEY = { key: 'collaboration', version: 1 };
const entityOf = (id: string) => ({ type: 'survey_round', id });

export async function scheduleRound(ctx: DataContext, input: ScheduleRoundInput) {
  await authorize(ctx, { action: 'survey.schedule', purpose: 'administration' });
  const staff = requireStaff(ctx);
  const created = await ctx.trx.insertInto('survey_round').values({
    municipality_id: staff.municipalityId, instrument_key: SURVEY.key, instrument_version: SURVEY.version, title: input.title,
    opens_on: input.opensOn, closes_on: input.closesOn, created_by: staff.staffUserId, created_at: ctx.services.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: created.id };
}

const isOpen = (today: string, r: { opens_on: string; closes_on: string }) => r.opens_on <= today && today <= r.closes_on;

export async function listRounds(ctx: DataContext) {
  await authorize(ctx, { action: 'survey.list', purpose: 'administration' });
  const staff = requireStaff(ctx);
  const today = osloDate(ctx.services.clock.now());
  const rounds = await ctx.trx.selectFrom('survey_round as r')
    .leftJoin('survey_participation as p', (join) => join.onRef('p.round_id', '=', 'r.id').on('p.staff_user_id', '=', staff.staffUserId))
    .select(['r.id', 'r.title', 'r.opens_on', 'r.closes_on', 'p.staff_user_id'])
    .where('r.municipality_id', '=', staff.municipalityId).orderBy('r.opens_on', 'desc').orderBy('r.id').execute();
  const abilities = await abilitiesOf(ctx, { purpose: 'administration' }, { schedule: 'survey.schedule', results: 'survey.results' });
  return {
    rounds: rounds.map((r) => ({ id: r.id, title: r.title, opensOn: r.opens_on, closesOn: r.closes_on, open: isOpen(today, r), answered: r.staff_user_id !== null })),
    abilities,
  };
}

/** The open rounds the signed-in staff user may answer and has not: for their task list. */
export async function roundsToAnswer(ctx: DataContext) {
  if (!(await may(ctx, { action: 'survey.answer', purpose: 'administration' }))) return [];
  const staff = requireStaff(ctx);
  const today = osloDate(ctx.services.clock.now());
  const rounds = await ctx.trx.selectFrom('survey_round as r')
    .select(['r.id', 'r.title', 'r.closes_on'])
    .where('r.municipality_id', '=', staff.municipalityId).where('r.opens_on', '<=', today).where('r.closes_on', '>=', today)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('survey_participation as p').select('p.round_id').whereRef('p.round_id', '=', 'r.id').where('p.staff_user_id', '=', staff.staffUserId))))
    .orderBy('r.closes_on').orderBy('r.id').execute();
  return rounds.map((r) => ({ id: r.id, title: r.title, closesOn: r.closes_on }));
}

async function loadRound(ctx: DataContext, roundId: string) {
  const staff = requireStaff(ctx);
  const round = await ctx.trx.selectFrom('survey_round').selectAll().where('id', '=', roundId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!round) throw notFound();
  return round;
}

export async function surveyForm(ctx: DataContext, roundId: string) {
  await authorize(ctx, { action: 'survey.list', purpose: 'administration', entity: entityOf(roundId) });
  const staff = requireStaff(ctx);
  const round = await loadRound(ctx, roundId);
  const instrument = (await findVersion(ctx.trx, round.municipality_id, round.instrument_key, round.instrument_version))!;
  const d = instrument.definition;
  const lang = ctx.lang;
  const answered = await ctx.trx.selectFrom('survey_participation').select('round_id').where('round_id', '=', roundId).where('staff_user_id', '=', staff.staffUserId).executeTakeFirst();
  return {
    id: round.id, title: round.title, opensOn: round.opens_on, closesOn: round.closes_on, open: isOpen(osloDate(ctx.services.clock.now()), round), answered: answered !== undefined,
    intro: d.intro?.[lang] ?? null, source: d.source[lang], licence: d.licence[lang],
    items: d.item.map((i) => ({ linkId: i.linkId, text: i.text[lang], required: i.required, answerOption: i.answerOption.map((o) => ({ score: o.score, display: o.display[lang] })) })),
  };
}

export async function answerRound(ctx: DataContext, roundId: string, answers: { linkId: string; score: number }[]) {
  await authorize(ctx, { action: 'survey.answer', purpose: 'administration', entity: entityOf(roundId) });
  const staff = requireStaff(ctx);
  const round = await loadRound(ctx, roundId);
  if (!isOpen(osloDate(ctx.services.clock.now()), round)) throw new AppError('CONFLICT', 'questionnaires.err.surveyClosed');
  const instrument = (await findVersion(ctx.trx, round.municipality_id, round.instrument_key, round.instrument_version))!;
  const scored = score(instrument.definition, answers);
  if ('problems' in scored) throw invalid(...scored.problems.map((p) => ({ field: p.field, messageKey: p.messageKey })));
  // The participation's key refuses a second answer, also from two requests at once.
  const first = await ctx.trx.insertInto('survey_participation').values({ round_id: roundId, staff_user_id: staff.staffUserId })
    .onConflict((oc) => oc.columns(['round_id', 'staff_user_id']).doNothing()).returning('round_id').executeTakeFirst();
  if (!first) throw new AppError('CONFLICT', 'questionnaires.err.surveyAnswered');
  const unit = staff.serviceUnitId ? await ctx.trx.selectFrom('service_unit').select('type_code').where('id', '=', staff.serviceUnitId).executeTakeFirst() : undefined;
  const serviceType = unit?.type_code ?? 'other';
  await ctx.trx.insertInto('survey_respondents').values({ round_id: roundId, service_type: serviceType, respondents: 1 })
    .onConflict((oc) => oc.columns(['round_id', 'service_type']).doUpdateSet((eb) => ({ respondents: eb('survey_respondents.respondents', '+', 1) }))).execute();
  for (const a of answers) {
    await ctx.trx.insertInto('survey_tally').values({ round_id: roundId, service_type: serviceType, link_id: a.linkId, answer: a.score, answers: 1 })
      .onConflict((oc) => oc.columns(['round_id', 'service_type', 'link_id', 'answer']).doUpdateSet((eb) => ({ answers: eb('survey_tally.answers', '+', 1) }))).execute();
  }
  return { answered: true as const };
}

/** Per round and service type, as far as the suppression rule lets through; the service types named in the reader's language. */
export async function results(ctx: DataContext) {
  await authorize(ctx, { action: 'survey.results', purpose: 'administration' });
  const staff = requireStaff(ctx);
  const threshold = ctx.services.config.suppressionThreshold;
  const rounds = await surveyResults(ctx.trx, staff.municipalityId, threshold);
  const types = await ctx.trx.selectFrom('service_unit_type').select(['code', 'name_nb', 'name_nn', 'name_en']).execute();
  const instrument = (await findVersion(ctx.trx, staff.municipalityId, SURVEY.key, SURVEY.version))!;
  const today = osloDate(ctx.services.clock.now());
  return {
    minGroup: threshold,
    rounds: rounds.map((r) => ({
      id: r.roundId, title: r.title, opensOn: r.opensOn, closesOn: r.closesOn, open: isOpen(today, { opens_on: r.opensOn, closes_on: r.closesOn }), respondents: r.respondents, hiddenGroups: r.hiddenGroups,
      groups: r.groups.map((g) => ({
        serviceType: g.serviceType, name: types.find((t) => t.code === g.serviceType)?.[`name_${ctx.lang}`] ?? null, respondents: g.respondents,
        items: instrument.definition.item.map((i) => ({ linkId: i.linkId, text: i.text[ctx.lang], mean: g.means[i.linkId] ?? 0 })),
      })),
    })),
  };
}
