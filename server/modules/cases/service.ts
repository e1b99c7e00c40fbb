// From concern to action: worries, the case's level and action-guide steps, the relay log
// (stafettlogg) with corrections as new versions, the relay holder (stafettholder) and the handover
// of the baton, transitions between services, enrolment, and closing.
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, conflict, invalidField } from '../../infra/http/errors.ts';
import { addDays, osloDate } from '../../../common/dates.ts';
import { translate } from '../../../common/i18n/index.ts';
import { abilitiesOf, authorize, familyDeciders, may, recordAccess, visibleCategories, type AccessAction } from '../access/access.ts';
import { CASE_WORK_ROLES } from '../../../common/roles.ts';
import { notify } from '../notifications/service.ts';
import {
  currentEntries, decodeEntryCursor, encodeEntryCursor, ENTRY_PAGE_SIZE, guideSteps, involve, loadCase, loadCaseView, loadLatestCase, loadOpenCase, newestGuideVersion, staffCoveredByConsent,
} from './queries.ts';
import { FAMILY_ENTRY_KINDS, STAFF_ENTRY_KINDS, type EntryInput, type WorryInput } from './schema.ts';
import { proposeTransition, STAGE_UNIT_TYPES, stageByAge, stageOfUnitType, type Stage, type StageSubject } from './transitions.ts';

const caseClosed = () => new AppError('CONFLICT', 'cases.err.caseClosed');

export function personLink(personId: string): string {
  return `/barn/${personId}`;
}

export async function childName(trx: Tx, personId: string): Promise<string> {
  const p = await trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  return `${p.given_name} ${p.family_name}`;
}

async function loadPerson(trx: Tx, personId: string) {
  return trx
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'kind', 'expected_birth_date', 'municipality_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/**
 * Loads a case and asks the access module about its person. An unknown case id is refused the same
 * way as a case one may not see, so the answer never tells whether it exists.
 */
async function authorizeCase(ctx: DataContext, caseId: string, action: AccessAction) {
  const found = await loadCase(ctx.trx, caseId);
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  await authorize(ctx, { action, purpose, ...(found ? { subject: { kind: 'person' as const, id: found.person_id } } : {}), entity: { type: 'help_case', id: caseId } });
  return found!;
}

function requireOpen(c: { closed_at: Date | null }): void {
  if (c.closed_at) throw caseClosed();
}

export async function openCase(ctx: DataContext, personId: string, municipalityId: string, reason: string) {
  const staff = requireStaff(ctx);
  const existing = await loadOpenCase(ctx.trx, personId);
  if (existing) return existing;
  const id = randomUUID();
  await ctx.trx.insertInto('help_case').values({ id, municipality_id: municipalityId, person_id: personId, level: 0, relay_holder_id: staff.staffUserId, opened_by: staff.staffUserId }).execute();
  await ctx.trx.insertInto('case_level_change').values({ case_id: id, from_level: null, to_level: 0, reason, changed_by: staff.staffUserId }).execute();
  await involve(ctx.trx, personId, staff.staffUserId, 'relay_holder');
  return (await loadCase(ctx.trx, id))!;
}

// ---------------------------------------------------------------------------------------------
// Worries

export async function noteWorry(ctx: DataContext, input: WorryInput) {
  const staff = requireStaff(ctx);
  if (input.noticedOn > osloDate(ctx.services.clock.now())) throw invalidField('noticedOn', 'cases.err.noticedInFuture');
  if (!input.personId) {
    await authorize(ctx, { action: 'worry.create', purpose: 'follow_up' });
    const row = await ctx.trx
      .insertInto('worry')
      .values({
        municipality_id: staff.municipalityId, person_id: null, subject_kind: input.subjectKind, age_years: input.ageYears ?? null,
        categories: [...new Set(input.categories)], description: input.description, noticed_by: staff.staffUserId, noticed_on: input.noticedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { worryId: row.id, caseId: null };
  }
  await authorize(ctx, { action: 'caseStatus.write', purpose: 'follow_up', subject: { kind: 'person', id: input.personId } });
  const person = (await loadPerson(ctx.trx, input.personId))!;
  if (person.kind === 'adult') throw invalidField('personId', 'cases.err.notAChild');
  const helpCase = await openCase(ctx, person.id, person.municipality_id, translate(ctx.lang, 'cases.openedByWorry'));
  const row = await ctx.trx
    .insertInto('worry')
    .values({
      municipality_id: person.municipality_id, person_id: person.id, subject_kind: person.kind === 'pregnant' ? 'pregnant' : 'child', age_years: null,
      categories: [...new Set(input.categories)], description: input.description, noticed_by: staff.staffUserId, noticed_on: input.noticedOn,
      linked_at: ctx.services.clock.now(), case_id: helpCase.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { worryId: row.id, caseId: helpCase.id };
}

export async function listMyWorries(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'worry.list', purpose: 'follow_up' });
  // Only worries without identity: once tied to a person they live on that person's case.
  const rows = await ctx.trx
    .selectFrom('worry as w')
    .innerJoin('staff_user as s', 's.id', 'w.noticed_by')
    .select(['w.id', 'w.subject_kind', 'w.age_years', 'w.categories', 'w.description', 'w.noticed_on', 'w.noticed_by', 's.display_name'])
    .where('w.person_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('w.noticed_by', '=', staff.staffUserId),
        eb.exists(
          eb.selectFrom('worry_discussion as d')
            .leftJoin('team_member as tm', 'tm.team_id', 'd.with_team_id')
            .select('d.id')
            .whereRef('d.worry_id', '=', 'w.id')
            .where((w) => w.or([w('d.with_staff_id', '=', staff.staffUserId), w('tm.staff_user_id', '=', staff.staffUserId)])),
        ),
      ]),
    )
    .orderBy('w.created_at', 'desc')
    .execute();
  const discussions = rows.length
    ? await ctx.trx
      .selectFrom('worry_discussion as d')
      .innerJoin('staff_user as a', 'a.id', 'd.written_by')
      .leftJoin('staff_user as c', 'c.id', 'd.with_staff_id')
      .leftJoin('team as t', 't.id', 'd.with_team_id')
      .select(['d.worry_id', 'd.note', 'd.discussed_at', 'a.display_name as written_by', 'c.display_name as with_staff', 't.name as with_team'])
      .where('d.worry_id', 'in', rows.map((r) => r.id))
      .orderBy('d.discussed_at')
      .execute()
    : [];
  return {
    worries: rows.map((r) => ({
      id: r.id, subjectKind: r.subject_kind, ageYears: r.age_years, categories: r.categories, description: r.description, noticedOn: r.noticed_on,
      noticedBy: r.display_name, mine: r.noticed_by === staff.staffUserId,
      discussions: discussions.filter((d) => d.worry_id === r.id).map((d) => ({ note: d.note, at: d.discussed_at, writtenBy: d.written_by, withStaff: d.with_staff, withTeam: d.with_team })),
    })),
  };
}

export async function discussWorry(ctx: DataContext, worryId: string, input: { withStaffId?: string | undefined; withTeamId?: string | undefined; note: string }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'worry.discuss', purpose: 'follow_up', entity: { type: 'worry', id: worryId } });
  if (input.withStaffId) {
    const colleague = await ctx.trx.selectFrom('staff_user').select('id').where('id', '=', input.withStaffId).where('municipality_id', '=', staff.municipalityId).where('active', '=', true).executeTakeFirst();
    if (!colleague || colleague.id === staff.staffUserId) throw invalidField('withStaffId', 'cases.err.unknownColleague');
  }
  if (input.withTeamId) {
    const team = await ctx.trx.selectFrom('team').select('id').where('id', '=', input.withTeamId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
    if (!team) throw invalidField('withTeamId', 'cases.err.unknownTeam');
  }
  const row = await ctx.trx
    .insertInto('worry_discussion')
    .values({ worry_id: worryId, with_staff_id: input.withStaffId ?? null, with_team_id: input.withTeamId ?? null, note: input.note, written_by: staff.staffUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** Colleagues and teams a worry can be discussed with: names and units, no personal data of children. */
export async function discussants(db: Db, municipalityId: string, selfId: string) {
  const staff = await db
    .selectFrom('staff_user as s')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 'u.name as unit_name'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.active', '=', true)
    .where('s.id', '<>', selfId)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)))
    .orderBy('s.display_name')
    .execute();
  const teams = await db.selectFrom('team').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('active', '=', true).where('kind', '=', 'early_intervention').orderBy('name').execute();
  return { staff: staff.map((s) => ({ id: s.id, name: s.display_name, unitName: s.unit_name })), teams };
}

/** Ties an anonymous worry to a person once the family has been spoken to; opens the case. */
export async function linkWorry(ctx: DataContext, worryId: string, personId: string) {
  await authorize(ctx, { action: 'worry.link', purpose: 'follow_up', subject: { kind: 'person', id: personId }, entity: { type: 'worry', id: worryId } });
  const worry = (await ctx.trx.selectFrom('worry').select(['person_id', 'subject_kind']).where('id', '=', worryId).executeTakeFirst())!;
  if (worry.person_id) throw new AppError('CONFLICT', 'cases.err.worryAlreadyLinked');
  const person = (await loadPerson(ctx.trx, personId))!;
  if (person.kind === 'adult' || (person.kind === 'pregnant') !== (worry.subject_kind === 'pregnant')) throw invalidField('personId', 'cases.err.notAChild');
  const helpCase = await openCase(ctx, person.id, person.municipality_id, translate(ctx.lang, 'cases.openedByWorry'));
  await ctx.trx.updateTable('worry').set({ person_id: person.id, linked_at: ctx.services.clock.now(), case_id: helpCase.id, age_years: null }).where('id', '=', worryId).execute();
  return { caseId: helpCase.id };
}

// ---------------------------------------------------------------------------------------------
// Case status: level, action guide, relay holder, handover, transitions (for the involved)

async function currentStage(trx: Tx, person: NonNullable<Awaited<ReturnType<typeof loadPerson>>>, today: string) {
  const enrolments = await trx
    .selectFrom('enrolment as e')
    .innerJoin('service_unit as u', 'u.id', 'e.service_unit_id')
    .select(['e.id', 'e.service_unit_id', 'e.starts_on', 'e.ends_on', 'u.type_code', 'u.name'])
    .where('e.person_id', '=', person.id)
    .orderBy('e.starts_on')
    .execute();
  const subject: StageSubject = { kind: person.kind, birthDate: person.birth_date, expectedBirthDate: person.expected_birth_date };
  // Where the child is now decides the stage; without a current enrolment, the age does.
  const now = enrolments.filter((e) => e.starts_on <= today && (e.ends_on === null || e.ends_on >= today)).map((e) => stageOfUnitType(e.type_code)).filter((s): s is Stage => s !== null);
  const stage = now.at(-1) ?? stageByAge(subject, today);
  const proposal = proposeTransition(subject, stage, enrolments.map((e) => ({ unitId: e.service_unit_id, unitTypeCode: e.type_code, startsOn: e.starts_on, endsOn: e.ends_on })), today);
  return { stage, proposal, enrolments };
}

export async function getCaseStatus(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'caseStatus.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId } });
  const person = (await loadPerson(ctx.trx, personId))!;
  const today = osloDate(ctx.services.clock.now());
  const { stage, proposal, enrolments } = await currentStage(ctx.trx, person, today);
  const helpCase = await loadLatestCase(ctx.trx, personId);
  // What the reader may do with this child's case, by the rules of the routes that do it.
  const abilities = await abilitiesOf(ctx, { purpose: 'follow_up', subject: { kind: 'person', id: personId } }, {
    readLog: 'case.read', changeStatus: 'caseStatus.write', refer: 'referral.create', hold: 'case.hold',
  });
  const base = {
    person: { id: person.id, givenName: person.given_name, familyName: person.family_name, birthDate: person.birth_date, kind: person.kind },
    stage,
    enrolments: enrolments.map((e) => ({ id: e.id, unitId: e.service_unit_id, unitName: e.name, unitTypeCode: e.type_code, startsOn: e.starts_on, endsOn: e.ends_on })),
    abilities: { ...abilities, answerHandover: false },
  };
  if (!helpCase) return { ...base, case: null };

  const [holder, levelHistory, guide, stepsDone, pending, planned] = await Promise.all([
    ctx.trx.selectFrom('staff_user as s').leftJoin('service_unit as u', 'u.id', 's.service_unit_id').select(['s.id', 's.display_name', 's.title', 'u.name as unit_name']).where('s.id', '=', helpCase.relay_holder_id).executeTakeFirstOrThrow(),
    ctx.trx.selectFrom('case_level_change as l').innerJoin('staff_user as s', 's.id', 'l.changed_by').select(['l.from_level', 'l.to_level', 'l.reason', 'l.changed_at', 's.display_name']).where('l.case_id', '=', helpCase.id).orderBy('l.changed_at').execute(),
    newestGuideVersion(ctx.trx, helpCase.municipality_id),
    ctx.trx.selectFrom('case_step_done as d').innerJoin('staff_user as s', 's.id', 'd.done_by').select(['d.level', 'd.step_key', 'd.done_at', 'd.note', 's.display_name']).where('d.case_id', '=', helpCase.id).execute(),
    ctx.trx.selectFrom('relay_handover as h').innerJoin('staff_user as t', 't.id', 'h.to_staff_id').leftJoin('service_unit as u', 'u.id', 't.service_unit_id')
      .select(['h.id', 'h.to_staff_id', 'h.requested_at', 'h.message', 'h.transition_id', 't.display_name', 'u.name as unit_name']).where('h.case_id', '=', helpCase.id).where('h.status', '=', 'pending').executeTakeFirst(),
    ctx.trx.selectFrom('transition as t').innerJoin('service_unit as u', 'u.id', 't.to_unit_id')
      .select(['t.id', 't.from_stage', 't.to_stage', 't.to_unit_id', 't.due_on', 't.meeting_at', 't.meeting_place', 't.status', 'u.name as unit_name'])
      .where('t.case_id', '=', helpCase.id).where('t.status', '<>', 'cancelled').orderBy('t.planned_at', 'desc').execute(),
  ]);
  const steps = guide ? await guideSteps(ctx.trx, guide.id, ctx.lang, helpCase.level) : [];
  const plannedTransition = planned.find((t) => t.status === 'planned');
  const me = ctx.principal?.kind === 'staff' ? ctx.principal.staffUserId : null;
  const answerHandover = pending ? await may(ctx, { action: 'handover.answer', purpose: 'follow_up', entity: { type: 'relay_handover', id: pending.id } }) : false;
  // A proposal is only worth showing when no transition to that stage is planned or done.
  const proposalOpen = proposal && !helpCase.closed_at && !planned.some((t) => t.to_stage === proposal.toStage);
  const suggestedUnits = proposalOpen
    ? await ctx.trx.selectFrom('service_unit').select(['id', 'name', 'area']).where('municipality_id', '=', helpCase.municipality_id).where('active', '=', true)
      .where('type_code', 'in', [...STAGE_UNIT_TYPES[proposal.toStage]]).orderBy('name').execute()
    : [];
  return {
    ...base,
    abilities: { ...abilities, answerHandover },
    case: {
      id: helpCase.id,
      version: helpCase.version,
      level: helpCase.level,
      openedAt: helpCase.opened_at,
      closedAt: helpCase.closed_at,
      closeReason: helpCase.close_reason,
      closeNote: helpCase.close_note,
      retainUntil: helpCase.retain_until,
      relayHolder: { id: holder.id, name: holder.display_name, title: holder.title, unitName: holder.unit_name },
      levelHistory: levelHistory.map((l) => ({ from: l.from_level, to: l.to_level, reason: l.reason, at: l.changed_at, by: l.display_name })),
      guideVersion: guide?.version ?? null,
      steps: steps.map((s) => {
        const done = stepsDone.find((d) => d.level === s.level && d.step_key === s.stepKey);
        return { ...s, done: done ? { at: done.done_at, by: done.display_name, note: done.note } : null };
      }),
      pendingHandover: pending
        ? { id: pending.id, to: { id: pending.to_staff_id, name: pending.display_name, unitName: pending.unit_name }, requestedAt: pending.requested_at, message: pending.message, forMe: pending.to_staff_id === me, transitionId: pending.transition_id }
        : null,
      transitions: planned.map((t) => ({ id: t.id, fromStage: t.from_stage, toStage: t.to_stage, toUnitId: t.to_unit_id, toUnitName: t.unit_name, dueOn: t.due_on, meetingAt: t.meeting_at, meetingPlace: t.meeting_place, status: t.status })),
      plannedTransitionId: plannedTransition?.id ?? null,
      proposedTransition: proposalOpen ? { ...proposal, suggestedUnits: suggestedUnits.map((u) => ({ id: u.id, name: u.name, area: u.area })) } : null,
    },
  };
}

export async function changeLevel(ctx: DataContext, caseId: string, input: { toLevel: number; reason: string; version: number }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'caseStatus.write');
  requireOpen(c);
  if (c.level === input.toLevel) throw invalidField('toLevel', 'cases.err.sameLevel');
  checkVersion(ctx, c.version);
  const updated = await ctx.trx.updateTable('help_case').set({ level: input.toLevel, version: c.version + 1 }).where('id', '=', caseId).where('version', '=', input.version).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict();
  await ctx.trx.insertInto('case_level_change').values({ case_id: caseId, from_level: c.level, to_level: input.toLevel, reason: input.reason, changed_by: staff.staffUserId }).execute();
  return { level: input.toLevel, version: c.version + 1 };
}

export async function setStepDone(ctx: DataContext, caseId: string, input: { level: number; stepKey: string; done: boolean; note?: string | undefined }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'caseStatus.write');
  requireOpen(c);
  const guide = await newestGuideVersion(ctx.trx, c.municipality_id);
  const steps = guide ? await guideSteps(ctx.trx, guide.id, ctx.lang, input.level) : [];
  if (!steps.some((s) => s.stepKey === input.stepKey)) throw invalidField('stepKey', 'cases.err.unknownStep');
  if (input.done) {
    await ctx.trx.insertInto('case_step_done').values({ case_id: caseId, level: input.level, step_key: input.stepKey, done_by: staff.staffUserId, note: input.note ?? null })
      .onConflict((oc) => oc.columns(['case_id', 'level', 'step_key']).doNothing()).execute();
  } else {
    await ctx.trx.deleteFrom('case_step_done').where('case_id', '=', caseId).where('level', '=', input.level).where('step_key', '=', input.stepKey).execute();
  }
  return { done: input.done };
}

export async function addEnrolment(ctx: DataContext, personId: string, input: { serviceUnitId: string; startsOn: string }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'caseStatus.write', purpose: 'follow_up', subject: { kind: 'person', id: personId } });
  const unit = await ctx.trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', input.serviceUnitId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!unit || !stageOfUnitType(unit.type_code)) throw invalidField('serviceUnitId', 'cases.err.notAnEnrolmentUnit');
  const row = await ctx.trx.insertInto('enrolment').values({ person_id: personId, service_unit_id: unit.id, starts_on: input.startsOn }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}

// ---------------------------------------------------------------------------------------------
// The relay log (needs a valid consent)

function presentEntry(e: Awaited<ReturnType<typeof currentEntries>>[number]) {
  return {
    entryKey: e.entry_key,
    version: e.version,
    kind: e.kind,
    category: e.category,
    title: e.title,
    body: e.body,
    responsible: e.responsible_staff_id ? { id: e.responsible_staff_id, name: e.responsible_name, unitName: e.responsible_unit_name } : null,
    startsOn: e.starts_on,
    evaluateOn: e.evaluate_on,
    measureKey: e.measure_key,
    outcome: e.outcome,
    familyView: e.family_view,
    childView: e.child_view,
    author: e.author_staff_id
      ? { kind: 'staff' as const, name: e.author_staff_name, unitName: e.author_unit_name }
      : { kind: 'family' as const, name: `${e.author_given_name ?? ''} ${e.author_family_name ?? ''}`.trim(), unitName: null },
    writtenAt: e.written_at,
    firstWrittenAt: e.first_written_at,
  };
}

/** The shared case: who helps, and the relay log as far as the reader's consent reaches. */
export async function getCase(ctx: DataContext, personId: string, page: { before?: string } = {}) {
  const before = page.before === undefined ? undefined : decodeEntryCursor(page.before);
  if (before === null) throw invalidField('before', 'cases.err.badCursor');
  await authorize(ctx, { action: 'case.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId } });
  const visible = await visibleCategories(ctx, personId);
  const view = await loadCaseView(ctx.trx, personId, visible);
  const readable = view.case_id && !view.purged_at ? view.case_id : null;
  // One page more than shown tells whether there is an older page.
  const rows = readable ? await currentEntries(ctx.trx, readable, { categories: visible, before, limit: ENTRY_PAGE_SIZE + 1 }) : [];
  const shown = rows.slice(0, ENTRY_PAGE_SIZE);
  const hasMore = rows.length > ENTRY_PAGE_SIZE;
  const last = shown.at(-1);
  const abilities = await abilitiesOf(ctx, { purpose: 'follow_up', subject: { kind: 'person', id: personId } }, { write: 'case.write' });
  return {
    person: { id: view.id, givenName: view.given_name, familyName: view.family_name, birthDate: view.birth_date, kind: view.kind },
    abilities,
    involved: view.involved.map((i) => ({ kind: i.kind, since: i.started_at, staffId: i.staff_id, name: i.display_name, title: i.title, unitName: i.unit_name })),
    caseId: view.case_id,
    closed: view.case_id ? view.closed_at !== null : false,
    purged: view.case_id ? view.purged_at !== null : false,
    visibleCategories: visible === 'all' ? ('all' as const) : [...visible].sort(),
    // How many entries lie outside what the reader's consent covers: the family decides that.
    hiddenEntries: readable ? view.hidden : 0,
    // Newest first; `olderCursor` is sent back as `before` for the next page while `hasMore`.
    entries: shown.map(presentEntry),
    hasMore,
    olderCursor: hasMore && last ? encodeEntryCursor({ micros: last.written_micros, id: last.id }) : null,
    worries: view.worries
      .filter((w) => visible === 'all' || w.categories.some((c) => visible.has(c)))
      .map((w) => ({ id: w.id, categories: w.categories, description: w.description, noticedOn: w.noticed_on, noticedBy: w.display_name })),
  };
}

async function checkResponsible(ctx: DataContext, c: { person_id: string; municipality_id: string }, staffUserId: string): Promise<void> {
  const covered = await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  if (!covered.some((s) => s.id === staffUserId)) throw invalidField('responsibleStaffId', 'cases.err.responsibleNotRecipient');
}

export async function addEntry(ctx: DataContext, caseId: string, input: EntryInput) {
  const c = await authorizeCase(ctx, caseId, 'case.write');
  requireOpen(c);
  return writeEntryVersion(ctx, c, input, randomUUID(), 1);
}

export async function correctEntry(ctx: DataContext, caseId: string, entryKey: string, input: EntryInput) {
  const c = await authorizeCase(ctx, caseId, 'case.write');
  requireOpen(c);
  // Corrections of one case take turns, so two made from the same version cannot both be written.
  await ctx.trx.selectFrom('help_case').select('id').where('id', '=', caseId).forUpdate().execute();
  const current = await ctx.trx.selectFrom('relay_log_entry').selectAll().where('case_id', '=', caseId).where('entry_key', '=', entryKey).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!current) throw invalidField('entryKey', 'cases.err.unknownEntry');
  if (current.kind !== input.kind) throw invalidField('kind', 'cases.err.kindCannotChange');
  const byFamily = ctx.principal?.kind === 'citizen';
  // The family corrects what they wrote; professionals correct what professionals wrote.
  if (byFamily !== (current.author_person_id !== null) || (byFamily && current.author_person_id !== (ctx.principal as { personId: string }).personId)) {
    throw invalidField('entryKey', 'cases.err.notYourEntry');
  }
  checkVersion(ctx, current.version);
  return writeEntryVersion(ctx, c, input, entryKey, current.version + 1);
}

async function writeEntryVersion(ctx: DataContext, c: NonNullable<Awaited<ReturnType<typeof loadCase>>>, input: EntryInput, entryKey: string, version: number) {
  const principal = ctx.principal!;
  const allowedKinds: readonly string[] = principal.kind === 'citizen' ? FAMILY_ENTRY_KINDS : STAFF_ENTRY_KINDS;
  if (!allowedKinds.includes(input.kind)) throw invalidField('kind', 'cases.err.kindNotAllowed');
  const visible = await visibleCategories(ctx, c.person_id);
  if (visible !== 'all' && !visible.has(input.category)) throw invalidField('category', 'cases.err.categoryNotCovered');
  if (input.kind === 'measure') await checkResponsible(ctx, c, input.responsibleStaffId!);
  if (input.kind === 'evaluation') {
    const measure = await ctx.trx.selectFrom('relay_log_entry').select('id').where('case_id', '=', c.id).where('entry_key', '=', input.measureKey!).where('kind', '=', 'measure').executeTakeFirst();
    if (!measure) throw invalidField('measureKey', 'cases.err.unknownMeasure');
  }
  const isMeasure = input.kind === 'measure';
  const isEvaluation = input.kind === 'evaluation';
  await ctx.trx
    .insertInto('relay_log_entry')
    .values({
      case_id: c.id, entry_key: entryKey, version, kind: input.kind, category: input.category, title: input.title, body: input.body,
      responsible_staff_id: isMeasure ? input.responsibleStaffId! : null,
      starts_on: isMeasure ? input.startsOn! : null,
      evaluate_on: isMeasure ? input.evaluateOn! : null,
      measure_key: isEvaluation ? input.measureKey! : null,
      outcome: isEvaluation ? input.outcome! : null,
      family_view: isEvaluation ? input.familyView ?? null : null,
      child_view: isEvaluation ? input.childView ?? null : null,
      author_staff_id: principal.kind === 'staff' ? principal.staffUserId : null,
      author_person_id: principal.kind === 'citizen' ? principal.personId : null,
    })
    .execute();
  if (isMeasure) await involve(ctx.trx, c.person_id, input.responsibleStaffId!, 'measure_responsible');
  const name = await childName(ctx.trx, c.person_id);
  if (principal.kind === 'citizen') {
    await notify(ctx.trx, {
      recipient: { kind: 'staff', staffUserId: c.relay_holder_id }, kind: 'case.entryAdded', subjectPersonId: c.person_id,
      params: { authorName: principal.displayName, childName: name }, link: personLink(c.person_id),
    });
  } else {
    // The family hears of what the services write (in the app; by e-mail only if they opted in).
    for (const personId of await familyDeciders(ctx, c.person_id)) {
      await notify(ctx.trx, {
        recipient: { kind: 'citizen', personId }, kind: 'case.entryAdded', subjectPersonId: c.person_id,
        params: { authorName: principal.displayName, childName: name }, link: `/min-side/${c.person_id}`,
        dedupeKey: `case.entryAdded:${entryKey}:${version}:${personId}`,
      });
    }
  }
  return { entryKey, version };
}

export async function entryHistory(ctx: DataContext, caseId: string, entryKey: string) {
  const c = await authorizeCase(ctx, caseId, 'case.read');
  const visible = await visibleCategories(ctx, c.person_id);
  const versions = await ctx.trx
    .selectFrom('relay_log_entry as e')
    .leftJoin('staff_user as s', 's.id', 'e.author_staff_id')
    .leftJoin('person as p', 'p.id', 'e.author_person_id')
    .select(['e.version', 'e.category', 'e.title', 'e.body', 'e.starts_on', 'e.evaluate_on', 'e.outcome', 'e.family_view', 'e.child_view', 'e.written_at', 's.display_name', 'p.given_name', 'p.family_name'])
    .where('e.case_id', '=', caseId)
    .where('e.entry_key', '=', entryKey)
    .orderBy('e.version')
    .execute();
  const shown = versions.filter((v) => visible === 'all' || visible.has(v.category));
  if (shown.length === 0) throw invalidField('entryKey', 'cases.err.unknownEntry');
  return {
    versions: shown.map((v) => ({
      version: v.version, category: v.category, title: v.title, body: v.body, startsOn: v.starts_on, evaluateOn: v.evaluate_on, outcome: v.outcome,
      familyView: v.family_view, childView: v.child_view, writtenAt: v.written_at, author: v.display_name ?? `${v.given_name ?? ''} ${v.family_name ?? ''}`.trim(),
    })),
  };
}

/** Colleagues the consent lets into the case: candidates for a measure, an involvement or the baton. */
export async function listColleagues(ctx: DataContext, caseId: string) {
  const c = await authorizeCase(ctx, caseId, 'caseColleagues.read');
  const planned = await ctx.trx.selectFrom('transition').select('to_unit_id').where('case_id', '=', caseId).where('status', '=', 'planned').executeTakeFirst();
  const collaboration = await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  const receiving = planned ? await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration', 'transition'], planned.to_unit_id) : [];
  const byId = new Map([...collaboration, ...receiving].map((s) => [s.id, s]));
  return { colleagues: [...byId.values()] };
}

export async function involveColleague(ctx: DataContext, caseId: string, staffUserId: string) {
  const c = await authorizeCase(ctx, caseId, 'case.write');
  requireOpen(c);
  const covered = await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  if (!covered.some((s) => s.id === staffUserId)) throw invalidField('staffUserId', 'cases.err.colleagueNotRecipient');
  await involve(ctx.trx, c.person_id, staffUserId, 'collaborator');
  return { involved: true };
}

// ---------------------------------------------------------------------------------------------
// The baton (stafettpinnen)

export async function requestHandover(ctx: DataContext, caseId: string, input: { toStaffId: string; message?: string | undefined; transitionId?: string | undefined }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'case.hold');
  requireOpen(c);
  if (input.toStaffId === staff.staffUserId) throw invalidField('toStaffId', 'cases.err.handoverToSelf');
  let transitionUnitId: string | null = null;
  if (input.transitionId) {
    const t = await ctx.trx.selectFrom('transition').select(['to_unit_id']).where('id', '=', input.transitionId).where('case_id', '=', caseId).where('status', '=', 'planned').executeTakeFirst();
    if (!t) throw invalidField('transitionId', 'cases.err.unknownTransition');
    transitionUnitId = t.to_unit_id;
  }
  // The receiver must be somewhere the family's consent lets the log go: a recipient for
  // collaboration, or the receiving unit of the transition under a transition consent.
  const eligible = transitionUnitId
    ? await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration', 'transition'], transitionUnitId)
    : await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  const receiver = eligible.find((s) => s.id === input.toStaffId);
  if (!receiver) throw invalidField('toStaffId', 'cases.err.handoverNotRecipient');
  const pending = await ctx.trx.selectFrom('relay_handover').select(['id', 'to_staff_id', 'transition_id']).where('case_id', '=', caseId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) {
    // An offer the family's consent no longer lets its receiver answer (the access module refuses
    // them) would block the baton for good: it lapses, and the holder may offer it anew.
    const planned = pending.transition_id ? await ctx.trx.selectFrom('transition').select('to_unit_id').where('id', '=', pending.transition_id).executeTakeFirst() : undefined;
    const stillCovered = planned
      ? await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration', 'transition'], planned.to_unit_id)
      : await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
    if (stillCovered.some((s) => s.id === pending.to_staff_id)) throw new AppError('CONFLICT', 'cases.err.handoverPending');
    await ctx.trx.updateTable('relay_handover').set({ status: 'cancelled', answered_at: ctx.services.clock.now() }).where('id', '=', pending.id).where('status', '=', 'pending').execute();
  }
  const row = await ctx.trx
    .insertInto('relay_handover')
    .values({ case_id: caseId, from_staff_id: c.relay_holder_id, to_staff_id: receiver.id, message: input.message ?? null, requested_by: staff.staffUserId, transition_id: input.transitionId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The receiver must be able to open the case to answer.
  await involve(ctx.trx, c.person_id, receiver.id, 'collaborator');
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: receiver.id }, kind: 'handover.requested', subjectPersonId: c.person_id, params: { fromName: staff.displayName, childName: await childName(ctx.trx, c.person_id) }, link: personLink(c.person_id), dedupeKey: `handover.requested:${row.id}` });
  return { id: row.id };
}

export async function answerHandover(ctx: DataContext, handoverId: string, accept: boolean, note: string | undefined) {
  const staff = requireStaff(ctx);
  const found = await ctx.trx.selectFrom('relay_handover as h').innerJoin('help_case as c', 'c.id', 'h.case_id').select(['h.case_id', 'c.person_id']).where('h.id', '=', handoverId).executeTakeFirst();
  await authorize(ctx, { action: 'handover.answer', purpose: 'follow_up', ...(found ? { subject: { kind: 'person' as const, id: found.person_id } } : {}), entity: { type: 'relay_handover', id: handoverId } });
  const h = (await ctx.trx.selectFrom('relay_handover').selectAll().where('id', '=', handoverId).forUpdate().executeTakeFirst())!;
  if (h.status !== 'pending') throw new AppError('CONFLICT', 'cases.err.handoverAnswered');
  const c = (await loadCase(ctx.trx, h.case_id))!;
  requireOpen(c);
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('relay_handover').set({ status: accept ? 'accepted' : 'declined', answered_at: now, answer_note: note ?? null }).where('id', '=', handoverId).execute();
  if (accept) {
    // The old holder keeps the baton until this moment; exactly one holder at any time.
    await ctx.trx.updateTable('help_case').set({ relay_holder_id: staff.staffUserId, version: c.version + 1 }).where('id', '=', c.id).execute();
    await ctx.trx.updateTable('involvement').set({ ended_at: now }).where('person_id', '=', c.person_id).where('staff_user_id', '=', h.from_staff_id).where('kind', '=', 'relay_holder').where('ended_at', 'is', null).execute();
    await involve(ctx.trx, c.person_id, staff.staffUserId, 'relay_holder');
    if (h.transition_id) await completeTransition(ctx.trx, h.transition_id, c.person_id, now);
  }
  await notify(ctx.trx, {
    recipient: { kind: 'staff', staffUserId: h.requested_by }, kind: 'handover.answered', subjectPersonId: c.person_id,
    params: { toName: staff.displayName, childName: await childName(ctx.trx, c.person_id) },
    link: personLink(c.person_id), dedupeKey: `handover.answered:${handoverId}`,
  });
  return { status: accept ? 'accepted' : 'declined' };
}

/**
 * The child has moved on: the sending stage's enrolments end, and staff of those units are no
 * longer involved, so the log goes with the child and not with the old service.
 */
async function completeTransition(trx: Tx, transitionId: string, personId: string, now: Date): Promise<void> {
  const t = (await trx.selectFrom('transition').selectAll().where('id', '=', transitionId).executeTakeFirst())!;
  await trx.updateTable('transition').set({ status: 'completed', completed_at: now }).where('id', '=', transitionId).execute();
  const fromTypes = [...STAGE_UNIT_TYPES[t.from_stage as Stage]];
  const leaving = await trx
    .selectFrom('enrolment as e')
    .innerJoin('service_unit as u', 'u.id', 'e.service_unit_id')
    .select(['e.id', 'e.service_unit_id', 'e.starts_on'])
    .where('e.person_id', '=', personId)
    .where('u.type_code', 'in', fromTypes)
    .where('e.ends_on', 'is', null)
    .execute();
  for (const e of leaving) {
    const lastDay = t.due_on > e.starts_on ? addDays(t.due_on, -1) : e.starts_on;
    await trx.updateTable('enrolment').set({ ends_on: lastDay }).where('id', '=', e.id).execute();
  }
  const unitIds = leaving.map((e) => e.service_unit_id).filter((id) => id !== t.to_unit_id);
  if (unitIds.length) {
    await trx.updateTable('involvement').set({ ended_at: now })
      .where('person_id', '=', personId).where('ended_at', 'is', null)
      .where('staff_user_id', 'in', (eb) => eb.selectFrom('staff_user').select('id').where('service_unit_id', 'in', unitIds))
      .execute();
  }
}

export async function planTransition(ctx: DataContext, caseId: string, input: { toUnitId: string; meetingAt?: string | undefined; meetingPlace?: string | undefined }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'case.hold');
  requireOpen(c);
  const person = (await loadPerson(ctx.trx, c.person_id))!;
  const { stage, proposal } = await currentStage(ctx.trx, person, osloDate(ctx.services.clock.now()));
  if (!proposal) throw invalidField('toUnitId', 'cases.err.noTransitionDue');
  const unit = await ctx.trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', input.toUnitId).where('municipality_id', '=', c.municipality_id).executeTakeFirst();
  if (!unit || !STAGE_UNIT_TYPES[proposal.toStage].includes(unit.type_code)) throw invalidField('toUnitId', 'cases.err.transitionWrongUnit');
  if (input.meetingAt && new Date(input.meetingAt).getTime() < ctx.services.clock.now().getTime() - 86_400_000) throw invalidField('meetingAt', 'cases.err.meetingInPast');
  const planned = await ctx.trx.selectFrom('transition').select('id').where('case_id', '=', caseId).where('status', '=', 'planned').executeTakeFirst();
  if (planned) throw new AppError('CONFLICT', 'cases.err.transitionPlanned');
  const row = await ctx.trx
    .insertInto('transition')
    .values({
      case_id: caseId, from_stage: stage, to_stage: proposal.toStage, to_unit_id: unit.id, due_on: proposal.dueOn,
      meeting_at: input.meetingAt ?? null, meeting_place: input.meetingPlace ?? null, planned_by: staff.staffUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, fromStage: stage, toStage: proposal.toStage, dueOn: proposal.dueOn };
}

export async function closeCase(ctx: DataContext, caseId: string, input: { reason: 'goals_reached' | 'family_withdrew' | 'moved' | 'other'; note: string }) {
  const staff = requireStaff(ctx);
  const c = await authorizeCase(ctx, caseId, 'case.hold');
  requireOpen(c);
  const municipality = await ctx.trx.selectFrom('municipality').select('case_retention_years').where('id', '=', c.municipality_id).executeTakeFirstOrThrow();
  const today = osloDate(ctx.services.clock.now());
  const retainUntil = `${Number(today.slice(0, 4)) + municipality.case_retention_years}${today.slice(4)}`.replace('-02-29', '-02-28');
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('help_case')
    .set({ closed_at: now, closed_by_staff_id: staff.staffUserId, close_reason: input.reason, close_note: input.note, retain_until: retainUntil, version: c.version + 1 })
    .where('id', '=', caseId).execute();
  await ctx.trx.updateTable('relay_handover').set({ status: 'cancelled', answered_at: now }).where('case_id', '=', caseId).where('status', '=', 'pending').execute();
  await ctx.trx.updateTable('transition').set({ status: 'cancelled' }).where('case_id', '=', caseId).where('status', '=', 'planned').execute();
  return { closedAt: now, retainUntil };
}

// ---------------------------------------------------------------------------------------------
// The professional's task list

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
    .innerJoin('team as t', 't.id', 'm.team_id')
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
      await recordAccess(ctx, { action: 'person.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } }, 'task_list');
    }
  }
  return {
    handovers: handoversShown.map((h) => ({ id: h.id, requestedAt: h.requested_at, message: h.message, fromName: h.from_name, person: { id: h.person_id, name: `${h.given_name} ${h.family_name}` } })),
    measures: measuresShown.map((m) => ({ entryKey: m.entry_key, title: m.title, evaluateOn: m.evaluate_on, overdue: m.evaluate_on! < today, person: { id: m.person_id, name: `${m.given_name} ${m.family_name}` } })),
    actionItems: itemsShown.map((a) => ({
      id: a.id, what: a.what, dueOn: a.due_on, overdue: a.due_on < today, meetingId: a.meeting_id, teamName: a.team_name,
      person: a.person_id ? { id: a.person_id, name: `${a.given_name} ${a.family_name}` } : null,
    })),
  };
}
