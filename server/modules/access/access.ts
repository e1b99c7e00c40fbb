// The authorization module (tilgangsstyring): the one place that answers "may this user do this to
// this record now, and why". Every route that touches personal data calls authorize(); it writes
// the audit record of an allowed access in the request's transaction, and a refusal is recorded
// after the rollback. Roles alone never open case data: that takes involvement (and, from the
// consent module, a valid consent).
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext, Principal, RequestContext } from '../../infra/http/context.ts';
import { AppError, type ErrorCode, type FieldProblem } from '../../infra/http/errors.ts';
import type { MessageKey } from '../../../common/i18n/index.ts';
import type { StaffRole } from '../../../common/roles.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { alreadyRecorded, noteAccess } from './person-reads.ts';
import { loadConsentsForAccess, loadConsentSettings } from '../consent/queries.ts';
import { ageOn, consentCovers, coveredCategories, osloDate, type ConsentPurpose } from '../consent/rules.ts';

/**
 * Every action the access module decides, as a runtime list: the permission matrix and the route
 * enumeration fail when an action here is not named in them, so a new action cannot go untested.
 */
export const ACCESS_ACTIONS = [
  'team.edit', // create and edit teams: the administrator
  'team.overview', // a team's aggregated figures: its leader and the SBU coordinator
  'systemMeeting.read', // a system-level team's meetings and reports (no personal data): members, leader, SBU coordinator
  'systemMeeting.write', // schedule, minutes, close: members and leader of the system-level team, SBU coordinator
  'meetingRating.create', // the family rates a closed meeting they took part in
  'meetingRating.list', // a citizen's own meetings to rate
  'person.create',
  'person.read',
  'person.list',
  'relation.list', // the relations a professional entered naming the signed-in citizen, waiting for them
  'relation.confirm', // the citizen named as guardian confirms or refuses the relation
  'relation.verify', // the administrator checks waiting relations against the population register
  'accessRequest.create', // a professional asks the family for access to a person registered by someone else
  'accessRequest.list', // one's own requests (staff); the requests one decides on (citizen)
  'accessRequest.answer', // the one who decides for the person grants or refuses
  'staff.create',
  'staff.update',
  'staff.read',
  'staff.list',
  'serviceUnit.create',
  'serviceUnit.update',
  'serviceUnitType.create',
  'catalogue.edit', // the service catalogue: drafts, preview, the situation guide
  'catalogue.publish',
  'audit.search',
  'case.read', // the shared case: relay log, who helps, under a valid consent
  'case.write',
  'caseColleagues.read', // who the consent lets into the case: the same rule as case.read
  'consent.read',
  'consent.record', // a professional records a consent given on paper or orally
  'consent.withdraw',
  'notification.read', // one's own notifications, nobody else's
  'notification.update', // mark one's own notifications read, choose e-mail
  'devMailbox.read', // the development mailbox (everyone's outgoing mail): the administrator, only with the development sign-in
  'absence.import', // staff of a kindergarten or school import their unit's absence figures
  'absence.read', // a contact teacher's list of pupils with high absence
  'legalBasis.record', // opplysningsplikt / avvergeplikt: recorded, opens nothing
  'worry.create', // a worry discussed anonymously: no identity stored
  'worry.list', // the anonymous worries one wrote or was asked to discuss
  'worry.read',
  'worry.discuss',
  'worry.link', // tie a worry to a person: the author, involved with that person
  'caseStatus.read', // level, action guide steps, relay holder: the involved, without the log's content
  'caseStatus.write', // level changes, steps done, enrolment
  'case.hold', // what only the relay holder does: hand over, plan a transition, close
  'handover.answer', // accept or decline the baton: only the receiver
  'actionGuide.publish', // the municipality's action guide: no personal data
  'consent.give', // a citizen gives a consent digitally: the one who decides for the person
  'consent.sign', // the second guardian signs a digital consent waiting for them
  'accessLog.read', // the family sees who has read their data
  'guardianVisibility.set', // a youth of consent age decides whether guardians see their case
  'teamRequest.create', // the family asks an early-intervention team for a discussion
  'referral.create', // a professional refers a child they are involved with to a team
  'referralProposal.read', // which team the child would be referred to: the same rule as referral.create
  'referral.anonymous', // an anonymous discussion in a team: no identity
  'intake.read', // the team's queue: the team's leader
  'referral.answer', // accept, ask for more, redirect: the team's leader
  'meeting.schedule', // the leader of the team that accepted the referral
  'meetingCandidates.read', // who may be invited to a meeting about the referred child: as meeting.schedule
  'meeting.read', // the meeting's participants and the team's leader
  'meeting.write', // minutes, action plan, review, close: the chair or the team's leader
  'actionItem.update', // the owner marks an item done
  'cwReport.create', // a report to child welfare (bekymringsmelding) on a child one is involved with: the duty to report, no consent
  'cwReport.list', // the reporter's own reports
  'cwReport.read', // one report: the intake of its municipality, and the reporter who sent it
  'cwReport.handle', // acknowledge, decide, give feedback, the investigation's deadlines, what the family sees: the intake
  'cwReportQueue.read', // the intake's queue of reports
  'cwReport.familyView', // Min side: that a report was sent, when the family may see it
  'cwConsultation.create', // an anonymous consultation with the intake: no identity
  'cwConsultation.list', // one's own consultations; the intake sees its municipality's
  'cwConsultation.read', // one thread: the one who asked, and the intake
  'cwConsultation.answer', // the intake answers
  'cwCounts.read', // reports and consultations counted (no personal data): the intake and the SBU coordinator
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export type Purpose = 'administration' | 'follow_up' | 'registration' | 'audit' | 'sign_in' | 'self_service' | 'consent' | 'legal_duty';

export interface AccessRequest {
  action: AccessAction;
  purpose: Purpose;
  /** Whose personal data this is, when it concerns one person or staff user. */
  subject?: { kind: 'person' | 'staff'; id: string };
  entity?: { type: string; id: string };
}

export interface Decision {
  allowed: boolean;
  /** A stable code saying why: recorded in the audit log, never shown to a refused user. */
  reason: string;
}

/** Roles whose work is with children's cases; only these may register a person. */
const CASE_WORK_ROLES: readonly StaffRole[] = [
  'professional', 'team_leader', 'team_member', 'coordinator', 'child_welfare_intake', 'coordinating_unit',
];

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

async function isInvolved(trx: Tx, staffUserId: string, personId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('involvement')
    .select('kind')
    .where('person_id', '=', personId)
    .where('staff_user_id', '=', staffUserId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row?.kind ?? null;
}

/** A staff user in a case-work role who is involved with the person now. */
async function involvedCaseWorker(trx: Tx, principal: Extract<Principal, { kind: 'staff' }>, personId: string): Promise<Decision> {
  if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
  const involvement = await isInvolved(trx, principal.staffUserId, personId);
  return involvement ? allow(`involved:${involvement}`) : deny('not_involved');
}

async function citizenMayReadPerson(trx: Tx, citizenPersonId: string, personId: string): Promise<Decision> {
  if (citizenPersonId === personId) return allow('self');
  const guardianship = await trx
    .selectFrom('guardianship')
    .select('parental_responsibility')
    .where('child_id', '=', personId)
    .where('guardian_id', '=', citizenPersonId)
    .executeTakeFirst();
  if (!guardianship) return deny('not_related');
  return guardianship.parental_responsibility ? allow('guardian_with_parental_responsibility') : deny('guardian_without_parental_responsibility');
}

/**
 * The citizen is the person a professional named as guardian: matched on the national id the
 * professional entered, which ID-porten verified at the citizen's sign-in.
 */
async function namedInRelationClaim(trx: Tx, citizenPersonId: string, claimId: string): Promise<Decision> {
  const row = await trx
    .selectFrom('relation_claim as c')
    .innerJoin('person as p', 'p.national_id', 'c.national_id')
    .select('c.id')
    .where('c.id', '=', claimId)
    .where('p.id', '=', citizenPersonId)
    .executeTakeFirst();
  return row ? allow('named_as_guardian') : deny('not_named_as_guardian');
}

/**
 * What a citizen may do with a person's case: their own, or as a guardian with parental
 * responsibility while the child is under the consent age. From that age the youth decides.
 */
async function citizenCaseAccess(trx: Tx, citizenPersonId: string, personId: string, now: Date): Promise<Decision> {
  const relation = await citizenMayReadPerson(trx, citizenPersonId, personId);
  if (!relation.allowed) return relation;
  const subject = await trx.selectFrom('person').select(['kind', 'birth_date', 'municipality_id']).where('id', '=', personId).executeTakeFirst();
  if (!subject) return deny('no_subject');
  if (subject.kind !== 'child') return relation;
  const settings = await loadConsentSettings(trx, subject.municipality_id);
  const ofAge = ageOn(subject.birth_date, osloDate(now)) >= settings.consentAge;
  if (relation.reason === 'self') return ofAge ? relation : deny('below_consent_age');
  if (!ofAge) return relation;
  // From the consent age the youth decides whether guardians see the case.
  const choice = await trx.selectFrom('person').select('guardians_see_case').where('id', '=', personId).executeTakeFirstOrThrow();
  return choice.guardians_see_case ? allow('youth_lets_guardian_see') : deny('youth_decides');
}

/** The staff user is the relay holder of the person's open case. */
async function holdsBaton(trx: Tx, staffUserId: string, personId: string): Promise<Decision> {
  const held = await trx.selectFrom('help_case').select('relay_holder_id').where('person_id', '=', personId).where('closed_at', 'is', null).executeTakeFirst();
  if (!held) return deny('no_open_case');
  return held.relay_holder_id === staffUserId ? allow('relay_holder') : deny('not_relay_holder');
}

async function worryAccess(trx: Tx, staffUserId: string, worryId: string, action: 'worry.read' | 'worry.discuss' | 'worry.link'): Promise<Decision> {
  const worry = await trx.selectFrom('worry').select(['noticed_by']).where('id', '=', worryId).executeTakeFirst();
  if (!worry) return deny('no_subject');
  if (worry.noticed_by === staffUserId) return allow('worry_author');
  if (action !== 'worry.read') return deny('not_worry_author');
  const discussed = await trx
    .selectFrom('worry_discussion as d')
    .leftJoin('team_member as tm', 'tm.team_id', 'd.with_team_id')
    .select('d.id')
    .where('d.worry_id', '=', worryId)
    .where((w) => w.or([w('d.with_staff_id', '=', staffUserId), w('tm.staff_user_id', '=', staffUserId)]))
    .executeTakeFirst();
  return discussed ? allow('worry_discussed_with') : deny('not_worry_participant');
}

async function leadsTeam(trx: Tx, staffUserId: string, teamId: string): Promise<Decision> {
  const team = await trx.selectFrom('team').select('leader_staff_user_id').where('id', '=', teamId).executeTakeFirst();
  if (!team) return deny('no_subject');
  return team.leader_staff_user_id === staffUserId ? allow('team_leader_of_team') : deny('not_team_leader');
}

async function teamOfEntity(trx: Tx, entity: AccessRequest['entity']): Promise<string | null> {
  if (entity?.type === 'referral') {
    return (await trx.selectFrom('referral').select('team_id').where('id', '=', entity.id).executeTakeFirst())?.team_id ?? null;
  }
  return null;
}

/**
 * A meeting is open to its participants (staff, and the family for a case meeting) and to the
 * leader of its team; the chair and the team's leader write the minutes. A case meeting is data
 * derived from the child's case, so on top of that role the same consent rule as the relay log
 * applies (teamDiscussionReaches): a role in the meeting never outlives the family's consent.
 */
async function meetingAccess(trx: Tx, principal: Principal, meetingId: string, action: 'meeting.read' | 'meeting.write', now: Date): Promise<Decision> {
  const meeting = await trx.selectFrom('team_meeting as m').innerJoin('team as t', 't.id', 'm.team_id')
    .select(['m.chair_staff_id', 'm.kind', 'm.person_id', 'm.referral_id', 'm.created_at', 't.leader_staff_user_id']).where('m.id', '=', meetingId).executeTakeFirst();
  if (!meeting) return deny('no_subject');
  // A system-level meeting is written only through its own routes, which refuse personal data.
  if (meeting.kind === 'system' && action === 'meeting.write') return deny('system_meeting');
  if (principal.kind === 'citizen') {
    if (action === 'meeting.write') return deny('not_staff');
    const participant = await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).where('person_id', '=', principal.personId).executeTakeFirst();
    if (!participant) return deny('not_participant');
    // The family's own data stays theirs after a withdrawal; a guardian still needs parental
    // responsibility, and from the consent age the youth decides, as for the relay log.
    if (!meeting.person_id || meeting.person_id === principal.personId) return allow('family_participant');
    const family = await citizenCaseAccess(trx, principal.personId, meeting.person_id, now);
    return family.allowed ? allow('family_participant') : family;
  }
  let role: Decision;
  if (meeting.chair_staff_id === principal.staffUserId) role = allow('meeting_chair');
  else if (meeting.leader_staff_user_id === principal.staffUserId) role = allow('team_leader_of_team');
  else if (action === 'meeting.write') return deny('not_chair');
  else {
    const participant = await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).where('staff_user_id', '=', principal.staffUserId).executeTakeFirst();
    if (!participant) return deny('not_participant');
    role = allow('meeting_participant');
  }
  if (!meeting.person_id) return role;
  const consent = await teamDiscussionReaches(trx, principal, meeting.person_id, meeting.referral_id, meeting.created_at, now);
  return consent.allowed ? allow(`${role.reason}+${consent.reason}`) : consent;
}

/**
 * Whether the citizen is the one who decides for the person: the person themself (an adult, a
 * pregnant woman, a youth at or over the consent age), or a guardian with parental responsibility
 * while the child is under it.
 */
async function citizenDecides(trx: Tx, citizenPersonId: string, personId: string, now: Date): Promise<Decision> {
  const relation = await citizenMayReadPerson(trx, citizenPersonId, personId);
  if (!relation.allowed) return relation;
  const subject = await trx.selectFrom('person').select(['kind', 'birth_date', 'municipality_id']).where('id', '=', personId).executeTakeFirst();
  if (!subject) return deny('no_subject');
  if (subject.kind !== 'child') return relation.reason === 'self' ? allow('self') : deny('adult_decides');
  const settings = await loadConsentSettings(trx, subject.municipality_id);
  const ofAge = ageOn(subject.birth_date, osloDate(now)) >= settings.consentAge;
  if (relation.reason === 'self') return ofAge ? allow('youth_self') : deny('below_consent_age');
  return ofAge ? deny('youth_decides') : relation;
}

async function staffCaseAccess(trx: Tx, principal: Extract<Principal, { kind: 'staff' }>, personId: string, now: Date): Promise<Decision> {
  const involved = await involvedCaseWorker(trx, principal, personId);
  if (!involved.allowed) return involved;
  const consent = await consentReaches(trx, principal, personId, 'collaboration', now);
  return consent.allowed ? allow(`${involved.reason}+${consent.reason}`) : consent;
}

async function unitOfPrincipal(trx: Tx, principal: Extract<Principal, { kind: 'staff' }>) {
  const unit = principal.serviceUnitId
    ? await trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', principal.serviceUnitId).executeTakeFirst()
    : undefined;
  return { id: unit?.id ?? null, typeCode: unit?.type_code ?? null };
}

/**
 * THE consent rule: whether the family's consents in force let the user's service unit have the
 * person's data for this purpose now — per purpose and recipient unit, whatever the user's role in
 * a meeting or a handover. Every staff read and write derived from a case goes through it: the
 * relay log and the baton (collaboration), meetings, their minutes and action plans (team
 * discussion), the task list and the texts of notifications.
 */
async function consentReaches(trx: Tx, principal: Extract<Principal, { kind: 'staff' }>, personId: string, purpose: 'collaboration' | 'team_discussion', now: Date): Promise<Decision> {
  const unit = await unitOfPrincipal(trx, principal);
  const consents = await loadConsentsForAccess(trx, personId);
  const covered = consentCovers(consents, unit, purpose, now);
  if (covered.covered) return allow(purpose === 'collaboration' ? 'consent' : 'team_discussion_consent');
  // A consent to transfer at a transition opens the log to the receiving unit of a planned or
  // completed transition, and to no other unit.
  if (purpose === 'collaboration' && unit.id && (covered.reason === 'purpose_not_covered' || covered.reason === 'unit_not_recipient') && (await isTransitionReceiver(trx, personId, unit.id))) {
    const forTransition = consentCovers(consents, unit, 'transition', now);
    if (forTransition.covered) return allow('transition_consent');
  }
  return deny(covered.reason);
}

/**
 * A team's work on a child rests on the basis of its referral: the family's consent to team
 * discussion naming the user's unit, or the family taking part in the meeting. A withdrawal of a
 * team-discussion consent after the meeting was set up reaches a meeting held with the family too:
 * it is the family saying no. The user must also still be involved with the child.
 */
async function teamDiscussionReaches(trx: Tx, principal: Extract<Principal, { kind: 'staff' }>, personId: string, referralId: string | null, since: Date | null, now: Date): Promise<Decision> {
  const involved = await involvedCaseWorker(trx, principal, personId);
  if (!involved.allowed) return involved;
  const consent = await consentReaches(trx, principal, personId, 'team_discussion', now);
  if (consent.allowed) return consent;
  const referral = referralId ? await trx.selectFrom('referral').select('basis').where('id', '=', referralId).executeTakeFirst() : undefined;
  if (referral?.basis !== 'family_present') return consent;
  const consents = await loadConsentsForAccess(trx, personId);
  const saidNo = consents.some((c) => c.purposes.includes('team_discussion') && c.withdrawnAt !== null && (since === null || c.withdrawnAt.getTime() >= new Date(since).getTime()));
  return saidNo ? deny('consent_withdrawn') : allow('family_present');
}

async function isTransitionReceiver(trx: Tx, personId: string, unitId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('transition as t')
    .innerJoin('help_case as c', 'c.id', 't.case_id')
    .select('t.id')
    .where('c.person_id', '=', personId)
    .where('t.to_unit_id', '=', unitId)
    .where('t.status', '<>', 'cancelled')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The categories of the relay log a reader may see: all for the family; for staff, what the
 * consents covering their unit name (for collaboration, or for the transition they receive).
 * Call only after case.read was allowed.
 */
export async function visibleCategories(trx: Tx, principal: Principal | null, personId: string, now: Date): Promise<Set<string> | 'all'> {
  if (!principal) return new Set();
  if (principal.kind === 'citizen') return 'all';
  if (!principal.serviceUnitId) return new Set();
  const unit = await trx.selectFrom('service_unit').select(['id', 'type_code']).where('id', '=', principal.serviceUnitId).executeTakeFirst();
  if (!unit) return new Set();
  const consents = await loadConsentsForAccess(trx, personId);
  const purposes: ConsentPurpose[] = (await isTransitionReceiver(trx, personId, unit.id)) ? ['collaboration', 'transition'] : ['collaboration'];
  return coveredCategories(consents, { id: unit.id, typeCode: unit.type_code }, purposes, now);
}

/** Kindergartens and schools import absence and follow it up (Tiltaksplan: høyt fravær). */
const ABSENCE_UNIT_TYPES = ['kindergarten', 'school_primary', 'school_lower_secondary', 'school_upper_secondary'];

async function absenceAccess(trx: Tx, principal: Principal): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
  if (!principal.serviceUnitId) return deny('no_unit');
  const unit = await trx.selectFrom('service_unit').select('type_code').where('id', '=', principal.serviceUnitId).where('active', '=', true).executeTakeFirst();
  return unit && ABSENCE_UNIT_TYPES.includes(unit.type_code) ? allow(`unit:${unit.type_code}`) : deny('unit_without_absence');
}

function requireRole(principal: Principal, role: StaffRole): Decision {
  if (principal.kind !== 'staff') return deny('not_staff');
  return principal.activeRole === role ? allow(`role:${role}`) : deny(`role_required:${role}`);
}

/** Aggregated figures of a team: its leader, and the SBU coordinator for every team of the municipality. */
async function teamOverviewAccess(trx: Tx, principal: Principal, entity: AccessRequest['entity']): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  // Without a team: the list of the user's own teams, scoped by the query.
  if (!entity) return principal.activeRole === 'sbu_coordinator' || principal.activeRole === 'team_leader' ? allow(`own_teams:${principal.activeRole}`) : deny('role_required:team_leader');
  if (entity.type !== 'team') return deny('no_subject');
  const team = await trx.selectFrom('team').select(['municipality_id', 'leader_staff_user_id']).where('id', '=', entity.id).executeTakeFirst();
  if (!team || team.municipality_id !== principal.municipalityId) return deny('no_subject');
  if (principal.activeRole === 'sbu_coordinator') return allow('role:sbu_coordinator');
  if (principal.activeRole !== 'team_leader') return deny('role_required:team_leader');
  return team.leader_staff_user_id === principal.staffUserId ? allow('team_leader_of_team') : deny('not_team_leader');
}

/**
 * A system-level team (systemteam) works without personal data: its members and leader (in a team
 * role) and the SBU coordinator of the municipality schedule, write, close and read its meetings.
 * Without an entity: the user's own list, scoped by the query.
 */
async function systemTeamAccess(trx: Tx, principal: Principal, entity: AccessRequest['entity']): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  const teamRole = principal.activeRole === 'team_member' || principal.activeRole === 'team_leader';
  if (principal.activeRole !== 'sbu_coordinator' && !teamRole) return deny('role_without_team_work');
  if (!entity) return allow(`own_system_teams:${principal.activeRole}`);
  let teamId: string | null = null;
  if (entity.type === 'team') teamId = entity.id;
  else if (entity.type === 'team_meeting') {
    const meeting = await trx.selectFrom('team_meeting').select(['team_id', 'kind']).where('id', '=', entity.id).executeTakeFirst();
    if (!meeting) return deny('no_subject');
    if (meeting.kind !== 'system') return deny('not_system_meeting');
    teamId = meeting.team_id;
  }
  if (!teamId) return deny('no_subject');
  const team = await trx.selectFrom('team').select(['municipality_id', 'kind', 'leader_staff_user_id']).where('id', '=', teamId).executeTakeFirst();
  if (!team || team.municipality_id !== principal.municipalityId) return deny('no_subject');
  if (team.kind !== 'system_level') return deny('not_system_team');
  if (principal.activeRole === 'sbu_coordinator') return allow('role:sbu_coordinator');
  if (team.leader_staff_user_id === principal.staffUserId) return allow('system_team_leader');
  const member = await trx.selectFrom('team_member').select('staff_user_id').where('team_id', '=', teamId).where('staff_user_id', '=', principal.staffUserId).executeTakeFirst();
  return member ? allow('system_team_member') : deny('not_team_member');
}

/** The family's rating: a guardian or youth who took part in the meeting, once it is closed. */
async function ratingAccess(trx: Tx, principal: Principal, entity: AccessRequest['entity']): Promise<Decision> {
  if (principal.kind !== 'citizen') return deny('not_citizen');
  if (entity?.type !== 'team_meeting') return deny('no_subject');
  const row = await trx
    .selectFrom('meeting_participant as mp')
    .innerJoin('team_meeting as m', 'm.id', 'mp.meeting_id')
    .select(['mp.role', 'm.status'])
    .where('mp.meeting_id', '=', entity.id)
    .where('mp.person_id', '=', principal.personId)
    .executeTakeFirst();
  if (!row || (row.role !== 'guardian' && row.role !== 'youth')) return deny('not_family_participant');
  return row.status === 'closed' ? allow(`family_participant:${row.role}`) : deny('meeting_not_closed');
}

/** Decides without side effects; authorize() records the decision. */
export async function decide(trx: Tx, principal: Principal | null, request: AccessRequest, now: Date): Promise<Decision> {
  if (!principal) return deny('not_signed_in');
  switch (request.action) {
    case 'staff.create':
    case 'staff.update':
    case 'staff.read':
    case 'staff.list':
    case 'serviceUnit.create':
    case 'serviceUnit.update':
    case 'serviceUnitType.create':
    case 'catalogue.edit':
    case 'catalogue.publish':
    case 'actionGuide.publish':
    case 'team.edit':
      return requireRole(principal, 'administrator');
    case 'devMailbox.read':
      return requireRole(principal, 'administrator');
    case 'audit.search':
      return requireRole(principal, 'auditor');
    case 'team.overview':
      return teamOverviewAccess(trx, principal, request.entity);
    case 'systemMeeting.read':
    case 'systemMeeting.write':
      return systemTeamAccess(trx, principal, request.entity);
    case 'meetingRating.create':
      return ratingAccess(trx, principal, request.entity);
    case 'meetingRating.list':
      return principal.kind === 'citizen' ? allow('own_meetings') : deny('not_citizen');
    case 'person.create':
      if (principal.kind !== 'staff') return deny('not_staff');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_case_work');
    case 'person.list':
      // Lists only ever contain people the user is involved with (see people/queries.ts).
      return principal.kind === 'staff' && CASE_WORK_ROLES.includes(principal.activeRole)
        ? allow('own_involvements')
        : principal.kind === 'citizen' ? allow('own_family') : deny('role_without_case_work');
    case 'relation.list':
      // Scoped by the query to relations naming the citizen's own national id.
      return principal.kind === 'citizen' ? allow('own_relations') : deny('not_citizen');
    case 'relation.confirm': {
      if (principal.kind !== 'citizen') return deny('not_citizen');
      if (request.entity?.type !== 'relation_claim') return deny('no_subject');
      return namedInRelationClaim(trx, principal.personId, request.entity.id);
    }
    case 'relation.verify':
      return requireRole(principal, 'administrator');
    case 'accessRequest.create':
      if (principal.kind !== 'staff') return deny('not_staff');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_case_work');
    case 'accessRequest.list':
      // Scoped by the query: staff see their own requests, a citizen those for people they decide for.
      if (principal.kind === 'citizen') return allow('own_family_requests');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow('own_requests') : deny('role_without_case_work');
    case 'accessRequest.answer': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'citizen') return deny('not_citizen');
      return citizenDecides(trx, principal.personId, personId, now);
    }
    case 'person.read': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind === 'citizen') return citizenMayReadPerson(trx, principal.personId, personId);
      return involvedCaseWorker(trx, principal, personId);
    }
    case 'case.read':
    case 'case.write':
    case 'caseColleagues.read': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      return principal.kind === 'citizen' ? citizenCaseAccess(trx, principal.personId, personId, now) : staffCaseAccess(trx, principal, personId, now);
    }
    case 'consent.read':
    case 'consent.withdraw': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind === 'citizen') {
        // Seeing a youth's consents may be shared with guardians; withdrawing is the youth's own.
        return request.action === 'consent.read' ? citizenCaseAccess(trx, principal.personId, personId, now) : citizenDecides(trx, principal.personId, personId, now);
      }
      return involvedCaseWorker(trx, principal, personId);
    }
    case 'consent.record':
    case 'referral.create':
    case 'referralProposal.read': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'staff') return deny('not_staff');
      return involvedCaseWorker(trx, principal, personId);
    }
    case 'legalBasis.record': {
      // Recording that a duty was invoked writes on the person's record, so it takes involvement
      // like every other write; it opens nothing. An unknown id is refused like one not involved
      // with, so the answer never tells whether a person exists.
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'staff') return deny('not_staff');
      const involved = await involvedCaseWorker(trx, principal, personId);
      return involved.allowed ? allow(`duty+${involved.reason}`) : involved;
    }
    case 'worry.create':
    case 'worry.list':
    case 'referral.anonymous':
      if (principal.kind !== 'staff') return deny('not_staff');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_case_work');
    case 'worry.read':
    case 'worry.discuss':
    case 'worry.link': {
      if (principal.kind !== 'staff') return deny('not_staff');
      if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
      if (request.entity?.type !== 'worry') return deny('no_subject');
      const worry = await worryAccess(trx, principal.staffUserId, request.entity.id, request.action);
      if (!worry.allowed || request.action !== 'worry.link') return worry;
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      const involvement = await isInvolved(trx, principal.staffUserId, personId);
      return involvement ? allow(`worry_author+involved:${involvement}`) : deny('not_involved');
    }
    case 'intake.read':
    case 'referral.answer':
    case 'meeting.schedule':
    case 'meetingCandidates.read': {
      if (principal.kind !== 'staff') return deny('not_staff');
      const teamId = request.entity?.type === 'team' ? request.entity.id : await teamOfEntity(trx, request.entity);
      if (!teamId) return deny('no_subject');
      const leads = await leadsTeam(trx, principal.staffUserId, teamId);
      if (!leads.allowed || request.action !== 'meeting.schedule' || request.entity?.type !== 'referral') return leads;
      // A meeting about a child is team discussion: the referral's basis must still hold.
      const referral = await trx.selectFrom('referral').select(['person_id']).where('id', '=', request.entity.id).executeTakeFirst();
      if (!referral?.person_id) return leads;
      const consent = await teamDiscussionReaches(trx, principal, referral.person_id, request.entity.id, null, now);
      return consent.allowed ? allow(`${leads.reason}+${consent.reason}`) : consent;
    }
    case 'meeting.read':
    case 'meeting.write': {
      if (request.entity?.type !== 'team_meeting') return deny('no_subject');
      return meetingAccess(trx, principal, request.entity.id, request.action, now);
    }
    case 'actionItem.update': {
      if (principal.kind !== 'staff') return deny('not_staff');
      if (request.entity?.type !== 'action_item') return deny('no_subject');
      const item = await trx.selectFrom('action_item as a').innerJoin('team_meeting as m', 'm.id', 'a.meeting_id')
        .select(['a.owner_staff_id', 'm.person_id', 'm.referral_id', 'm.created_at']).where('a.id', '=', request.entity.id).executeTakeFirst();
      if (!item) return deny('no_subject');
      if (item.owner_staff_id !== principal.staffUserId) return deny('not_action_item_owner');
      if (!item.person_id) return allow('action_item_owner');
      // The item is part of the meeting about the child: the meeting's consent rule applies.
      const consent = await teamDiscussionReaches(trx, principal, item.person_id, item.referral_id, item.created_at, now);
      return consent.allowed ? allow(`action_item_owner+${consent.reason}`) : consent;
    }
    case 'consent.give':
    case 'accessLog.read':
    case 'teamRequest.create': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'citizen') return deny('not_citizen');
      return citizenDecides(trx, principal.personId, personId, now);
    }
    case 'consent.sign': {
      if (principal.kind !== 'citizen') return deny('not_citizen');
      if (request.entity?.type !== 'consent') return deny('no_subject');
      const consent = await trx.selectFrom('consent').select('awaiting_person_ids').where('id', '=', request.entity.id).executeTakeFirst();
      return consent?.awaiting_person_ids.includes(principal.personId) ? allow('awaited_signer') : deny('not_awaited_signer');
    }
    case 'guardianVisibility.set': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'citizen') return deny('not_citizen');
      if (principal.personId !== personId) return deny('not_self');
      const decision = await citizenDecides(trx, principal.personId, personId, now);
      return decision.allowed && decision.reason === 'youth_self' ? decision : deny('not_youth_of_consent_age');
    }
    case 'caseStatus.read':
    case 'caseStatus.write': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind === 'citizen') {
        return request.action === 'caseStatus.read' ? citizenCaseAccess(trx, principal.personId, personId, now) : deny('not_staff');
      }
      return involvedCaseWorker(trx, principal, personId);
    }
    case 'case.hold': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'staff') return deny('not_staff');
      if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
      return holdsBaton(trx, principal.staffUserId, personId);
    }
    case 'handover.answer': {
      if (principal.kind !== 'staff') return deny('not_staff');
      if (!CASE_WORK_ROLES.includes(principal.activeRole)) return deny('role_without_case_work');
      if (request.entity?.type !== 'relay_handover') return deny('no_subject');
      const handover = await trx.selectFrom('relay_handover as h').innerJoin('help_case as c', 'c.id', 'h.case_id')
        .select(['h.to_staff_id', 'c.person_id']).where('h.id', '=', request.entity.id).executeTakeFirst();
      if (!handover) return deny('no_subject');
      if (handover.to_staff_id !== principal.staffUserId) return deny('not_handover_receiver');
      // The baton is the relay log: only someone the consent lets into the log may take it, or
      // read the offer. Checked now, not only when the handover was asked for.
      const log = await staffCaseAccess(trx, principal, handover.person_id, now);
      return log.allowed ? allow(`handover_receiver+${log.reason}`) : log;
    }
    case 'notification.read':
    case 'notification.update':
      // Always one's own: the queries are scoped to the signed-in staff user or citizen.
      return allow(principal.kind === 'staff' ? 'own_notifications' : 'own_notifications_citizen');
    case 'absence.import':
    case 'absence.read':
      return absenceAccess(trx, principal);
    case 'cwReport.create': {
      // The duty to report overrides confidentiality and needs no consent, but it is about a child
      // the reporter knows from their work: involvement, as for every other write on a person.
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'staff') return deny('not_staff');
      const involved = await involvedCaseWorker(trx, principal, personId);
      return involved.allowed ? allow(`duty_to_report+${involved.reason}`) : involved;
    }
    case 'cwReport.list':
    case 'cwConsultation.create':
      if (principal.kind !== 'staff') return deny('not_staff');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_case_work');
    case 'cwReportQueue.read':
      return requireRole(principal, 'child_welfare_intake');
    case 'cwReport.read':
    case 'cwReport.handle':
      return reportAccess(trx, principal, request.entity, request.action);
    case 'cwReport.familyView': {
      const personId = request.subject?.id;
      if (!personId) return deny('no_subject');
      if (principal.kind !== 'citizen') return deny('not_citizen');
      return citizenCaseAccess(trx, principal.personId, personId, now);
    }
    case 'cwConsultation.list':
      if (principal.kind !== 'staff') return deny('not_staff');
      if (principal.activeRole === 'child_welfare_intake') return allow('role:child_welfare_intake');
      return CASE_WORK_ROLES.includes(principal.activeRole) ? allow('own_consultations') : deny('role_without_case_work');
    case 'cwConsultation.read':
    case 'cwConsultation.answer':
      return consultationAccess(trx, principal, request.entity, request.action);
    case 'cwCounts.read':
      if (principal.kind !== 'staff') return deny('not_staff');
      return principal.activeRole === 'child_welfare_intake' || principal.activeRole === 'sbu_coordinator' ? allow(`role:${principal.activeRole}`) : deny('role_required:child_welfare_intake');
    default: {
      const unknown: never = request.action;
      return deny(`unknown_action:${String(unknown)}`);
    }
  }
}

/**
 * A report to child welfare is read by the intake of the municipality it was sent to and by the one
 * who sent it; only the intake handles it. Reading a report opens nothing else of the child's case.
 */
async function reportAccess(trx: Tx, principal: Principal, entity: AccessRequest['entity'], action: 'cwReport.read' | 'cwReport.handle'): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  if (entity?.type !== 'child_welfare_report') return deny('no_subject');
  const report = await trx.selectFrom('child_welfare_report').select(['municipality_id', 'reporter_staff_id']).where('id', '=', entity.id).executeTakeFirst();
  if (!report) return deny('no_subject');
  if (principal.activeRole === 'child_welfare_intake') {
    return report.municipality_id === principal.municipalityId ? allow('child_welfare_intake') : deny('other_municipality');
  }
  if (action === 'cwReport.handle') return deny('role_required:child_welfare_intake');
  return report.reporter_staff_id === principal.staffUserId ? allow('reporter') : deny('not_reporter');
}

/** An anonymous consultation: the professional who asked, and the intake of the municipality; only the intake answers. */
async function consultationAccess(trx: Tx, principal: Principal, entity: AccessRequest['entity'], action: 'cwConsultation.read' | 'cwConsultation.answer'): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  if (entity?.type !== 'child_welfare_consultation') return deny('no_subject');
  const consultation = await trx.selectFrom('child_welfare_consultation').select(['municipality_id', 'asked_by']).where('id', '=', entity.id).executeTakeFirst();
  if (!consultation) return deny('no_subject');
  if (principal.activeRole === 'child_welfare_intake') {
    return consultation.municipality_id === principal.municipalityId ? allow('child_welfare_intake') : deny('other_municipality');
  }
  if (action === 'cwConsultation.answer') return deny('role_required:child_welfare_intake');
  return consultation.asked_by === principal.staffUserId ? allow('asked_by') : deny('not_asker');
}

export class AccessDenied extends AppError {
  readonly request: AccessRequest;
  readonly reason: string;
  /** `answer` replaces the plain 403 where the user is meant to learn one thing (e.g. that a person exists), and nothing more. */
  constructor(request: AccessRequest, reason: string, answer?: { code: ErrorCode; messageKey: MessageKey; fields?: FieldProblem[] }) {
    // The message is the same whatever the reason, so a refusal never tells whether a record exists.
    super(answer?.code ?? 'FORBIDDEN', answer?.messageKey ?? 'errors.forbidden', { fields: answer?.fields ?? [] });
    this.request = request;
    this.reason = reason;
  }
}

/** Allows the access (and records it) or throws AccessDenied. */
export async function authorize(ctx: DataContext, request: AccessRequest): Promise<void> {
  const decision = await decide(ctx.trx, ctx.principal, request, ctx.services.clock.now());
  ctx.decisions.push({ action: request.action, allowed: decision.allowed });
  if (!decision.allowed) throw new AccessDenied(request, decision.reason);
  if (alreadyRecorded(ctx, request)) return;
  await writeAudit(ctx.trx, {
    principal: ctx.principal,
    action: request.action,
    purpose: request.purpose,
    outcome: 'allowed',
    reason: decision.reason,
    subject: request.subject,
    entity: request.entity,
    requestId: ctx.requestId,
  });
  noteAccess(ctx, request);
}

/**
 * For a step a request may do without (e.g. copying a meeting's minutes into the relay log): when
 * allowed, records it like authorize() and returns true; when not, returns false and the request
 * goes on without that step. Nothing is refused, so nothing is recorded as refused.
 */
export async function authorizeIfAllowed(ctx: DataContext, request: AccessRequest): Promise<boolean> {
  const decision = await decide(ctx.trx, ctx.principal, request, ctx.services.clock.now());
  if (!decision.allowed) return false;
  ctx.decisions.push({ action: request.action, allowed: true });
  await writeAudit(ctx.trx, {
    principal: ctx.principal, action: request.action, purpose: request.purpose, outcome: 'allowed', reason: decision.reason,
    subject: request.subject, entity: request.entity, requestId: ctx.requestId,
  });
  return true;
}

/**
 * Records a read or write of one more person's data under a decision already made in this request
 * (e.g. each person shown in a list, each claim verified), so the family's access log is complete.
 * The same access twice in one request is one row; for plain reads of people see readPeople().
 */
export async function recordAccess(ctx: DataContext, request: AccessRequest & { subject: { kind: 'person' | 'staff'; id: string } }, reason: string): Promise<void> {
  if (!ctx.decisions.some((d) => d.allowed)) throw new Error('recordAccess needs an allowed decision first');
  if (alreadyRecorded(ctx, request)) return;
  await writeAudit(ctx.trx, {
    principal: ctx.principal, action: request.action, purpose: request.purpose, outcome: 'allowed', reason,
    subject: request.subject, entity: request.entity, requestId: ctx.requestId,
  });
  noteAccess(ctx, request);
}

export async function recordDenial(ctx: RequestContext, denied: AccessDenied): Promise<void> {
  await ctx.services.db.transaction().execute((trx) =>
    writeAudit(trx, {
      principal: ctx.principal,
      action: denied.request.action,
      purpose: denied.request.purpose,
      outcome: 'denied',
      reason: denied.reason,
      subject: denied.request.subject,
      entity: denied.request.entity,
      requestId: ctx.requestId,
    }),
  );
}
