// The case's status for the involved: its level, the action guide's steps, the stage and enrolment.
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { conflict, invalidField } from '../../infra/http/errors.ts';
import { osloDate } from '../../../common/dates.ts';
import { abilitiesOf, authorize, may } from '../access/access.ts';
import { guideSteps, guideSubjectOf, loadLatestCase, newestGuideVersion } from './queries.ts';
import { proposeTransition, STAGE_UNIT_TYPES, stageByAge, stageOfUnitType, type Stage, type StageSubject } from './transitions.ts';
import { loadPerson, authorizeCase, requireOpen } from './service.ts';
import { meetingName } from '../teams/service.ts';

export async function currentStage(trx: Tx, person: NonNullable<Awaited<ReturnType<typeof loadPerson>>>, today: string) {
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
  // A pregnancy moves on by the birth registration, not by a planned transition.
  const proposal = subject.kind === 'pregnant' ? null : proposeTransition(subject, stage, enrolments.map((e) => ({ unitId: e.service_unit_id, unitTypeCode: e.type_code, startsOn: e.starts_on, endsOn: e.ends_on })), today);
  return { stage, proposal, enrolments };
}

export async function getCaseStatus(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'caseStatus.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId } });
  const person = (await loadPerson(ctx.trx, personId))!;
  const today = osloDate(ctx.services.clock.now());
  const { stage, proposal, enrolments } = await currentStage(ctx.trx, person, today);
  const helpCase = await loadLatestCase(ctx.trx, personId);
  // What the reader may do with this child's case, by the rules of the routes that do it.
  const { registerBirth, ...abilities } = await abilitiesOf(ctx, { purpose: 'follow_up', subject: { kind: 'person', id: personId } }, {
    readLog: 'case.read', changeStatus: 'caseStatus.write', refer: 'referral.create', hold: 'case.hold', registerBirth: 'birth.register', requestEffort: 'familyEffort.request',
  });
  const pregnant = person.kind === 'pregnant';
  const base = {
    person: { id: person.id, givenName: person.given_name, familyName: person.family_name, birthDate: person.birth_date, kind: person.kind },
    stage,
    enrolments: enrolments.map((e) => ({ id: e.id, unitId: e.service_unit_id, unitName: e.name, unitTypeCode: e.type_code, startsOn: e.starts_on, endsOn: e.ends_on })),
    // Before the birth nobody is enrolled anywhere: the child is registered at birth (people/birth.ts).
    abilities: { ...abilities, answerHandover: false, enrol: abilities.changeStatus && !pregnant, registerBirth: registerBirth && pregnant },
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
  // The action guide is the professionals' checklist ("consider the duty to report"): the family
  // reads where the case stands and who holds the baton, never the staff's to-do list.
  const steps = guide && ctx.principal?.kind === 'staff' ? await guideSteps(ctx.trx, guide.id, ctx.lang, helpCase.level, guideSubjectOf(person.kind)) : [];
  const plannedTransition = planned.find((t) => t.status === 'planned');
  const me = ctx.principal?.kind === 'staff' ? ctx.principal.staffUserId : null;
  const answerHandover = pending ? await may(ctx, { action: 'handover.answer', purpose: 'follow_up', entity: { type: 'relay_handover', id: pending.id } }) : false;
  // A proposal is only worth showing when no transition to that stage is planned or done.
  const proposalOpen = proposal && !helpCase.closed_at && !planned.some((t) => t.to_stage === proposal.toStage);
  const suggestedUnits = proposalOpen
    ? await ctx.trx.selectFrom('service_unit').select(['id', 'name', 'area']).where('municipality_id', '=', helpCase.municipality_id).where('active', '=', true)
      .where('type_code', 'in', [...STAGE_UNIT_TYPES[proposal.toStage]]).orderBy('name').execute()
    : [];
  // What the family took on in team meetings: only for the family, who mark their own items done here.
  const citizen = ctx.principal?.kind === 'citizen' ? ctx.principal.personId : null;
  const familyItems = citizen
    ? await ctx.trx.selectFrom('action_item as a').innerJoin('team_meeting as m', 'm.id', 'a.meeting_id').leftJoin('team as t', 't.id', 'm.team_id')
      .innerJoin('person as p', 'p.id', 'a.owner_person_id')
      .select(['a.id', 'a.what', 'a.owner_person_id', 'p.given_name', 'p.family_name', 'a.due_on', 'a.status', 'a.done_on', 't.name as team_name', 'm.starts_at'])
      .where('a.case_id', '=', helpCase.id).where('m.status', '=', 'closed').orderBy('m.starts_at').orderBy('a.position').execute()
    : [];
  return {
    ...base,
    abilities: { ...base.abilities, answerHandover },
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
      familyItems: familyItems.map((a) => ({
        id: a.id, what: a.what, owner: `${a.given_name} ${a.family_name}`, mine: a.owner_person_id === citizen, dueOn: a.due_on, status: a.status, doneOn: a.done_on,
        teamName: meetingName(ctx.lang, a.team_name), meetingOn: a.starts_at,
      })),
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
  const person = (await loadPerson(ctx.trx, c.person_id))!;
  const steps = guide ? await guideSteps(ctx.trx, guide.id, ctx.lang, input.level, guideSubjectOf(person.kind)) : [];
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
  if ((await loadPerson(ctx.trx, personId))?.kind === 'pregnant') throw invalidField('serviceUnitId', 'paths.err.enrolBeforeBirth');
  const unit = await ctx.trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', input.serviceUnitId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!unit || !stageOfUnitType(unit.type_code)) throw invalidField('serviceUnitId', 'cases.err.notAnEnrolmentUnit');
  const row = await ctx.trx.insertInto('enrolment').values({ person_id: personId, service_unit_id: unit.id, starts_on: input.startsOn }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}
