// The individual plan (individuell plan): opened by the coordinator in office under the family's
// consent for the plan, it links the relay log's development areas, goals and measures (each shown
// at its current version, so the log continues into the plan rather than being typed again), and
// holds the family's and the child's own goals, the services' contributions, the evaluation dates,
// the family's comments and confirmation, and its history. The case moves to level 3 with it.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireCitizen, requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { osloDate } from '../../../common/dates.ts';
import { translate } from '../../../common/i18n/index.ts';
import { AccessDenied, authorize, authorizeIfAllowed, type AccessAction, aboutPerson, subjectOf } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { notify } from '../notifications/service.ts';
import { involve, loadOpenCase } from '../cases/queries.ts';
import { loadConsentsForAccess } from '../consent/queries.ts';
import { consentState, coveredCategories } from '../consent/rules.ts';
import { recordChange } from './queries.ts';
import type { ContributionInput, EvaluationHeldInput } from './schema.ts';
import { renderPlanPdf } from './pdf.ts';
import { createCaseMeeting } from '../teams/meetings.ts';
import type { ScheduleInput } from '../teams/schema.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';
import { afterCarePeriods, afterCareShape } from './after-care.ts';

const PLAN_KINDS = ['development_area', 'goal', 'measure'] as const;
const planLink = (personId: string) => `/barn/${personId}/plan`;

const by = (ctx: DataContext) => (ctx.principal!.kind === 'citizen' ? { by_person_id: ctx.principal!.personId } : { by_staff_id: requireStaff(ctx).staffUserId });
const authorOf = (ctx: DataContext) => (ctx.principal!.kind === 'citizen' ? { author_person_id: ctx.principal!.personId } : { author_staff_id: requireStaff(ctx).staffUserId });

/** The relay log's categories the reader may see in the plan: all for the family; for staff, what the consents for the log or the plan name for their unit. */
async function planCategories(ctx: DataContext, personId: string): Promise<Set<string> | 'all'> {
  if (ctx.principal?.kind !== 'staff') return 'all';
  const unit = await ctx.trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', ctx.principal.serviceUnitId).executeTakeFirst();
  if (!unit) return new Set();
  const consents = await loadConsentsForAccess(ctx.trx, personId);
  return coveredCategories(consents, { id: unit.id, typeCode: unit.type_code }, ['collaboration', 'individual_plan'], ctx.services.clock.now());
}

/** The plan as the reader may see it, or null when plan.read refuses them (recorded when allowed). */
export async function planContent(ctx: DataContext, planId: string, personId: string) {
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  if (!(await authorizeIfAllowed(ctx, { action: 'plan.read', purpose, subject: { kind: 'person', id: personId }, entity: { type: 'individual_plan', id: planId } }))) return null;
  return planView(ctx.trx, planId, await planCategories(ctx, personId), ctx);
}

async function planView(trx: Tx, planId: string, categories: Set<string> | 'all', ctx: DataContext | null) {
  const plan = await trx.selectFrom('individual_plan as ip').leftJoin('person as cp', 'cp.id', 'ip.confirmed_by_person_id')
    .select(['ip.id', 'ip.person_id', 'ip.version', 'ip.status', 'ip.created_at', 'ip.confirmed_version', 'ip.confirmed_at', 'ip.confirmed_by_person_id', 'cp.given_name', 'cp.family_name'])
    .where('ip.id', '=', planId).executeTakeFirstOrThrow();
  const citizen = ctx?.principal?.kind === 'citizen' ? ctx.principal.personId : null;
  let meetingsQuery = trx.selectFrom('team_meeting as m').select(['m.id', 'm.starts_at', 'm.place', 'm.status']).where('m.plan_id', '=', planId);
  // The family sees the meetings they were invited to, as with the team's meetings.
  if (citizen) meetingsQuery = meetingsQuery.where((eb) => eb.exists(eb.selectFrom('meeting_participant as mp').select('mp.id').whereRef('mp.meeting_id', '=', 'm.id').where('mp.person_id', '=', citizen)));
  const [entries, goals, contributions, evaluations, comments, history, meetings, afterCare] = await Promise.all([
    trx.selectFrom('plan_log_link as l').innerJoin('relay_log_entry as e', 'e.entry_key', 'l.entry_key')
      .leftJoin('staff_user as r', 'r.id', 'e.responsible_staff_id').leftJoin('service_unit as ru', 'ru.id', 'r.service_unit_id')
      .select(['e.entry_key', 'e.version', 'e.kind', 'e.category', 'e.title', 'e.body', 'e.starts_on', 'e.evaluate_on', 'e.written_at', 'r.display_name as responsible_name', 'ru.name as responsible_unit'])
      .where('l.plan_id', '=', planId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('relay_log_entry as n').select('n.id').whereRef('n.entry_key', '=', 'e.entry_key').whereRef('n.version', '>', 'e.version'))))
      .orderBy('e.written_at').orderBy('e.id').execute(),
    trx.selectFrom('plan_goal as g').leftJoin('person as p', 'p.id', 'g.author_person_id').leftJoin('staff_user as s', 's.id', 'g.author_staff_id')
      .select(['g.id', 'g.whose', 'g.text', 'g.status', 'g.family_view', 'g.written_at', 'g.author_person_id', 'p.given_name', 'p.family_name', 's.display_name'])
      .where('g.plan_id', '=', planId).orderBy('g.written_at').orderBy('g.id').execute(),
    trx.selectFrom('plan_contribution as c').innerJoin('staff_user as s', 's.id', 'c.responsible_staff_id').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
      .select(['c.id', 'c.description', 'c.starts_on', 'c.ends_on', 's.display_name', 'u.name as unit_name'])
      .where('c.plan_id', '=', planId).orderBy('c.starts_on').orderBy('c.id').execute(),
    trx.selectFrom('plan_evaluation').select(['id', 'due_on', 'done_on']).where('plan_id', '=', planId).orderBy('due_on').execute(),
    trx.selectFrom('plan_comment as c').leftJoin('person as p', 'p.id', 'c.author_person_id').leftJoin('staff_user as s', 's.id', 'c.author_staff_id')
      .select(['c.id', 'c.body', 'c.written_at', 'c.author_person_id', 'p.given_name', 'p.family_name', 's.display_name'])
      .where('c.plan_id', '=', planId).orderBy('c.written_at').orderBy('c.id').execute(),
    trx.selectFrom('plan_change as h').leftJoin('person as p', 'p.id', 'h.by_person_id').leftJoin('staff_user as s', 's.id', 'h.by_staff_id')
      .select(['h.version', 'h.what', 'h.changed_at', 'h.by_person_id', 'p.given_name', 'p.family_name', 's.display_name'])
      .where('h.plan_id', '=', planId).orderBy('h.changed_at').orderBy('h.id').execute(),
    meetingsQuery.orderBy('m.starts_at').orderBy('m.id').execute(),
    afterCarePeriods(trx, plan.person_id),
  ]);
  // The family members the plan names (authors, the one who confirmed) are read with it.
  if (ctx) {
    readPeople(ctx, [plan.confirmed_by_person_id, ...goals.map((g) => g.author_person_id), ...comments.map((c) => c.author_person_id), ...history.map((h) => h.by_person_id)],
      { action: 'plan.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', reason: 'named_in_plan', entity: { type: 'individual_plan', id: planId } });
  }
  const name = (r: { given_name: string | null; family_name: string | null; display_name: string | null }) => r.display_name ?? `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim();
  const author = (r: { author_person_id: string | null; given_name: string | null; family_name: string | null; display_name: string | null }) => ({ kind: r.author_person_id ? 'family' as const : 'staff' as const, name: name(r) });
  const visible = entries.filter((e) => (PLAN_KINDS as readonly string[]).includes(e.kind) && (categories === 'all' || categories.has(e.category)));
  return {
    id: plan.id, version: plan.version, status: plan.status, createdAt: plan.created_at,
    logItems: visible.map((e) => ({
      entryKey: e.entry_key, version: e.version, kind: e.kind as (typeof PLAN_KINDS)[number], category: e.category, title: e.title, body: e.body,
      responsible: e.responsible_name ? { name: e.responsible_name, unitName: e.responsible_unit } : null, startsOn: e.starts_on, evaluateOn: e.evaluate_on,
    })),
    hiddenLogItems: entries.length - visible.length,
    goals: goals.map((g) => ({ id: g.id, whose: g.whose, text: g.text, status: g.status, familyView: g.family_view, author: author(g), writtenAt: g.written_at })),
    contributions: contributions.map((c) => ({ id: c.id, description: c.description, responsible: { name: c.display_name, unitName: c.unit_name }, startsOn: c.starts_on, endsOn: c.ends_on })),
    evaluations: evaluations.map((e) => ({ id: e.id, dueOn: e.due_on, doneOn: e.done_on })),
    meetings: meetings.map((m) => ({ id: m.id, startsAt: m.starts_at, place: m.place, status: m.status })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, author: author(c), writtenAt: c.written_at })),
    afterCare: afterCare.map(afterCareShape),
    history: history.map((h) => ({ version: h.version, what: h.what, by: name(h), at: h.changed_at })),
    confirmed: plan.confirmed_version !== null && plan.confirmed_at ? { version: plan.confirmed_version, at: plan.confirmed_at, by: `${plan.given_name ?? ''} ${plan.family_name ?? ''}`.trim() } : null,
    confirmedCurrent: plan.confirmed_version === plan.version,
  };
}

/** Whether a consent in force names the individual plan: the family's consent the plan rests on. */
async function familyConsentsToPlan(trx: Tx, personId: string, now: Date): Promise<boolean> {
  const consents = await loadConsentsForAccess(trx, personId);
  return consents.some((c) => c.purposes.includes('individual_plan') && consentState(c, now) === 'active');
}

/**
 * The coordinator opens the plan: refused without a granted request, without the family's consent to
 * the plan, while another plan is active, and to an appointed coordinator who has not accepted.
 */
export async function createPlan(ctx: DataContext, personId: string, firstEvaluationOn: string | undefined) {
  const me = requireStaff(ctx);
  const request = { action: 'plan.create' as const, purpose: 'follow_up' as const, subject: { kind: 'person' as const, id: personId } };
  try {
    await authorize(ctx, request);
  } catch (error) {
    if (error instanceof AccessDenied && error.reason === 'coordinator_not_accepted') throw new AccessDenied(request, error.reason, { code: 'CONFLICT', messageKey: 'plans.err.coordinatorNotAccepted' });
    throw error;
  }
  const now = ctx.services.clock.now();
  const today = osloDate(now);
  if (firstEvaluationOn && firstEvaluationOn < today) throw invalidField('firstEvaluationOn', 'plans.err.evaluationInPast');
  const helpCase = await loadOpenCase(ctx.trx, personId);
  if (!helpCase) throw new AppError('CONFLICT', 'plans.err.noCase');
  const granted = await ctx.trx.selectFrom('plan_request').select('id').where('person_id', '=', personId).where('decision', '=', 'granted').where('kind', '=', 'plan_and_coordinator').orderBy('decided_at', 'desc').executeTakeFirst();
  if (!granted) throw new AppError('CONFLICT', 'plans.err.notGranted');
  if (!(await familyConsentsToPlan(ctx.trx, personId, now))) throw new AppError('CONFLICT', 'plans.err.noConsent');
  const active = await ctx.trx.selectFrom('individual_plan').select('id').where('person_id', '=', personId).where('status', '=', 'active').executeTakeFirst();
  if (active) throw new AppError('CONFLICT', 'plans.err.planExists');
  const plan = await ctx.trx.insertInto('individual_plan').values({
    municipality_id: helpCase.municipality_id, person_id: personId, case_id: helpCase.id, request_id: granted.id, created_by: me.staffUserId, created_at: now,
  }).returning(['id', 'version']).executeTakeFirstOrThrow();
  const keys = await ctx.trx.selectFrom('relay_log_entry').select('entry_key').distinct().where('case_id', '=', helpCase.id).where('kind', 'in', PLAN_KINDS).execute();
  if (keys.length) await ctx.trx.insertInto('plan_log_link').values(keys.map((k) => ({ plan_id: plan.id, entry_key: k.entry_key }))).execute();
  if (firstEvaluationOn) await ctx.trx.insertInto('plan_evaluation').values({ plan_id: plan.id, due_on: firstEvaluationOn }).execute();
  await ctx.trx.insertInto('plan_change').values({ plan_id: plan.id, version: plan.version, what: 'created', by_staff_id: me.staffUserId, changed_at: now }).execute();
  // Level 3 comes with the plan.
  if (helpCase.level < 3) {
    await ctx.trx.updateTable('help_case').set({ level: 3, version: helpCase.version + 1 }).where('id', '=', helpCase.id).execute();
    await ctx.trx.insertInto('case_level_change').values({ case_id: helpCase.id, from_level: helpCase.level, to_level: 3, reason: translate(ctx.lang, 'plans.levelReason'), changed_by: me.staffUserId, changed_at: now }).execute();
  }
  // The relay holder hands the baton to the coordinator by the usual acceptance, unless they are the coordinator.
  if (helpCase.relay_holder_id !== me.staffUserId) {
    const pending = await ctx.trx.selectFrom('relay_handover').select('id').where('case_id', '=', helpCase.id).where('status', '=', 'pending').executeTakeFirst();
    if (!pending) {
      const handover = await ctx.trx.insertInto('relay_handover').values({
        case_id: helpCase.id, from_staff_id: helpCase.relay_holder_id, to_staff_id: me.staffUserId, requested_by: me.staffUserId, requested_at: now,
        message: translate(ctx.lang, 'plans.handoverMessage'),
      }).returning('id').executeTakeFirstOrThrow();
      await involve(ctx.trx, personId, me.staffUserId, 'collaborator');
      await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: helpCase.relay_holder_id }, kind: 'plan.opened', subjectPersonId: personId, params: { name: me.displayName }, link: planLink(personId), dedupeKey: `plan.opened:${handover.id}` });
    }
  }
  return { id: plan.id };
}

/** Loads the active plan for a write under the action's rule, locked, at the version the writer read. */
async function planForWrite(ctx: DataContext, planId: string, action: AccessAction, versioned = true) {
  await authorize(ctx, { action, purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', entity: { type: 'individual_plan', id: planId }, ...aboutPerson(await subjectOf(ctx, 'individual_plan', planId)) });
  const plan = (await ctx.trx.selectFrom('individual_plan').select(['id', 'version', 'status', 'person_id', 'case_id', 'created_by']).where('id', '=', planId).forUpdate().executeTakeFirst())!;
  if (versioned) checkVersion(ctx, plan.version);
  if (plan.status !== 'active') throw new AppError('CONFLICT', 'plans.err.ended');
  return plan;
}

const writeAction = (ctx: DataContext): AccessAction => (ctx.principal?.kind === 'citizen' ? 'plan.familyWrite' : 'plan.write');

/** A goal in the family's or the child's own words: the family writes either; a professional writes down the child's. */
export async function addGoal(ctx: DataContext, planId: string, whose: 'family' | 'child', text: string) {
  const plan = await planForWrite(ctx, planId, writeAction(ctx));
  if (whose === 'family' && ctx.principal!.kind !== 'citizen') throw invalidField('whose', 'plans.err.familyGoalByFamily');
  const now = ctx.services.clock.now();
  await ctx.trx.insertInto('plan_goal').values({ plan_id: planId, whose, text, written_at: now, ...authorOf(ctx) }).execute();
  return { id: planId, version: await recordChange(ctx.trx, plan, 'goal_added', by(ctx), now) };
}

/** What a service contributes: the responsible person must be among those working with the child. */
export async function addContribution(ctx: DataContext, planId: string, input: ContributionInput) {
  const me = requireStaff(ctx);
  const plan = await planForWrite(ctx, planId, 'plan.write');
  const responsible = await ctx.trx.selectFrom('involvement').select('id').where('person_id', '=', plan.person_id).where('staff_user_id', '=', input.responsibleStaffId!).where('ended_at', 'is', null).executeTakeFirst();
  if (!responsible) throw invalidField('responsibleStaffId', 'plans.err.notInvolved');
  const now = ctx.services.clock.now();
  await ctx.trx.insertInto('plan_contribution').values({
    plan_id: planId, description: input.description, responsible_staff_id: input.responsibleStaffId!, starts_on: input.startsOn, ends_on: input.endsOn ?? null, written_by: me.staffUserId, written_at: now,
  }).execute();
  return { id: planId, version: await recordChange(ctx.trx, plan, 'contribution_added', by(ctx), now) };
}

export async function addEvaluationDate(ctx: DataContext, planId: string, dueOn: string) {
  const plan = await planForWrite(ctx, planId, 'plan.write');
  const now = ctx.services.clock.now();
  if (dueOn < osloDate(now)) throw invalidField('dueOn', 'plans.err.evaluationInPast');
  const exists = await ctx.trx.selectFrom('plan_evaluation').select('id').where('plan_id', '=', planId).where('due_on', '=', dueOn).executeTakeFirst();
  if (exists) throw invalidField('dueOn', 'plans.err.evaluationExists');
  await ctx.trx.insertInto('plan_evaluation').values({ plan_id: planId, due_on: dueOn }).execute();
  return { id: planId, version: await recordChange(ctx.trx, plan, 'evaluation_planned', by(ctx), now) };
}

/** An evaluation held: the date marked done, each own goal's status with the family's view. */
export async function evaluationHeld(ctx: DataContext, planId: string, evaluationId: string, input: EvaluationHeldInput) {
  const plan = await planForWrite(ctx, planId, 'plan.write');
  const evaluation = await ctx.trx.selectFrom('plan_evaluation').select(['id', 'done_at']).where('id', '=', evaluationId).where('plan_id', '=', planId).executeTakeFirst();
  if (!evaluation) throw invalidField('evaluationId', 'plans.err.unknownEvaluation');
  if (evaluation.done_at) throw new AppError('CONFLICT', 'plans.err.evaluationHeld');
  const goals = await ctx.trx.selectFrom('plan_goal').select('id').where('plan_id', '=', planId).execute();
  const known = new Set(goals.map((g) => g.id));
  input.goals.forEach((g, i) => {
    if (!known.has(g.goalId)) throw invalidField(`goals.${i}.goalId`, 'plans.err.unknownGoal');
  });
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('plan_evaluation').set({ done_at: now, done_on: osloDate(now) }).where('id', '=', evaluationId).execute();
  for (const g of input.goals) await ctx.trx.updateTable('plan_goal').set({ status: g.status, family_view: g.familyView ?? null }).where('id', '=', g.goalId).execute();
  return { id: planId, version: await recordChange(ctx.trx, plan, 'evaluated', by(ctx), now) };
}

export async function addComment(ctx: DataContext, planId: string, body: string) {
  const plan = await planForWrite(ctx, planId, writeAction(ctx), false);
  const now = ctx.services.clock.now();
  const row = await ctx.trx.insertInto('plan_comment').values({ plan_id: planId, body, written_at: now, ...authorOf(ctx) }).returning('id').executeTakeFirstOrThrow();
  await recordChange(ctx.trx, plan, 'comment_added', by(ctx), now);
  return { id: row.id };
}

/** The family confirms the version they read; a later change asks for a new confirmation. */
export async function confirm(ctx: DataContext, planId: string) {
  const citizen = requireCitizen(ctx);
  const plan = await planForWrite(ctx, planId, 'plan.familyWrite');
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('individual_plan').set({ confirmed_version: plan.version, confirmed_by_person_id: citizen.personId, confirmed_at: now }).where('id', '=', planId).execute();
  await recordChange(ctx.trx, plan, 'confirmed', by(ctx), now);
  const coordinator = await ctx.trx.selectFrom('coordinator_assignment').select('staff_user_id').where('person_id', '=', plan.person_id).where('status', '=', 'accepted').executeTakeFirst();
  if (coordinator) await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: coordinator.staff_user_id }, kind: 'plan.confirmed', subjectPersonId: plan.person_id, params: {}, link: planLink(plan.person_id), dedupeKey: `plan.confirmed:${planId}:${plan.version}` });
  return { id: planId, version: plan.version };
}

/**
 * The coordinator calls a meeting about the plan (ansvarsgruppemøte) through the team meetings'
 * machinery: invitations to the family and the services working with the child, minutes with the
 * mandatory action plan, the family's rating. The coordinator chairs it; it meets at their unit
 * unless a place is given.
 */
export async function schedulePlanMeeting(ctx: DataContext, planId: string, input: ScheduleInput) {
  const me = requireStaff(ctx);
  const plan = await planForWrite(ctx, planId, 'planMeeting.schedule', false);
  const unit = await ctx.trx.selectFrom('service_unit').select('name').where('id', '=', me.serviceUnitId).executeTakeFirst();
  return createCaseMeeting(ctx, input, {
    teamId: null, planId, referralId: null, caseId: plan.case_id, personId: plan.person_id, chairId: me.staffUserId, place: input.place ?? unit?.name ?? '',
  });
}

/** The plan as a PDF in the reader's language. */
export async function planPdf(ctx: DataContext, planId: string) {
  const subject = await subjectOf(ctx, 'individual_plan', planId);
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  await authorize(ctx, { action: 'plan.read', purpose, entity: { type: 'individual_plan', id: planId }, ...aboutPerson(subject) });
  const personId = subject!;
  const view = await planView(ctx.trx, planId, await planCategories(ctx, personId), ctx);
  const person = await ctx.trx.selectFrom('person').select(['given_name', 'family_name', 'birth_date']).where('id', '=', personId).executeTakeFirstOrThrow();
  const coordinator = await ctx.trx.selectFrom('coordinator_assignment as a').innerJoin('staff_user as s', 's.id', 'a.staff_user_id').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.display_name', 's.email', 's.phone', 'u.name as unit_name']).where('a.person_id', '=', personId).where('a.status', '=', 'accepted').executeTakeFirst();
  const pdf = await renderPlanPdf(ctx.lang, { person: { name: `${person.given_name} ${person.family_name}`, birthDate: person.birth_date }, coordinator: coordinator ?? null, plan: view, printedOn: osloDate(ctx.services.clock.now()) });
  return sendPdf(ctx.reply, pdf, 'individuell-plan.pdf');
}
