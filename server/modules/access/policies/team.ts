// Teams: their configuration and figures, system-level teams (no personal data), and the way of a
// child into an early-intervention team — the family's request, a referral, the leader's intake
// and the meeting it schedules.
import type { Principal } from '../../../infra/http/context.ts';
import { isTeamWorkRole } from '../../../../common/roles.ts';
import type { AccessRequest, Decision } from '../actions.ts';
import type { AccessFacts } from '../facts.ts';
import { allow, caseWorker, deny, entityId, requireRole, subjectId, type Policy, type Rule } from '../policy.ts';
import { teamDiscussionReaches } from './consent.ts';
import { citizenDecides, involvedCaseWorker } from './person.ts';

/** The team's leader; what an intake, an answer to a referral or a meeting's scheduling takes. */
export async function leadsTeam(facts: AccessFacts, staffUserId: string, teamId: string): Promise<Decision> {
  const team = await facts.team(teamId);
  if (!team) return deny('no_subject');
  return team.leaderStaffUserId === staffUserId ? allow('team_leader_of_team') : deny('not_team_leader');
}

async function teamOfRequest(facts: AccessFacts, request: AccessRequest): Promise<string | null> {
  const teamId = entityId(request, 'team');
  if (teamId) return teamId;
  const referralId = entityId(request, 'referral');
  if (!referralId) return null;
  return (await facts.trx.selectFrom('referral').select('team_id').where('id', '=', referralId).executeTakeFirst())?.team_id ?? null;
}

/** The SBU coordinator works with every team of the municipality, not only the ones they are in. */
export function seesEveryTeam(principal: Principal): boolean {
  return principal.kind === 'staff' && principal.activeRole === 'sbu_coordinator';
}

/** Aggregated figures of a team: its leader, and the SBU coordinator for every team of the municipality. */
async function teamOverviewAccess(facts: AccessFacts, principal: Principal, entity: AccessRequest['entity']): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  // Without a team: the list of the user's own teams, scoped by the query.
  if (!entity) return seesEveryTeam(principal) || principal.activeRole === 'team_leader' ? allow(`own_teams:${principal.activeRole}`) : deny('role_required:team_leader');
  if (entity.type !== 'team') return deny('no_subject');
  const team = await facts.team(entity.id);
  if (!team || team.municipalityId !== principal.municipalityId) return deny('no_subject');
  if (seesEveryTeam(principal)) return allow('role:sbu_coordinator');
  if (principal.activeRole !== 'team_leader') return deny('role_required:team_leader');
  return team.leaderStaffUserId === principal.staffUserId ? allow('team_leader_of_team') : deny('not_team_leader');
}

/**
 * A system-level team (systemteam) works without personal data: its members and leader (in a team
 * role) and the SBU coordinator of the municipality schedule, write, close and read its meetings.
 * Without an entity: the user's own list, scoped by the query.
 */
async function systemTeamAccess(facts: AccessFacts, principal: Principal, entity: AccessRequest['entity']): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  if (!seesEveryTeam(principal) && !isTeamWorkRole(principal.activeRole)) return deny('role_without_team_work');
  if (!entity) return allow(`own_system_teams:${principal.activeRole}`);
  let teamId: string | null = null;
  if (entity.type === 'team') teamId = entity.id;
  else if (entity.type === 'team_meeting') {
    const meeting = await facts.trx.selectFrom('team_meeting').select(['team_id', 'kind']).where('id', '=', entity.id).executeTakeFirst();
    if (!meeting) return deny('no_subject');
    if (meeting.kind !== 'system') return deny('not_system_meeting');
    teamId = meeting.team_id;
  }
  if (!teamId) return deny('no_subject');
  const team = await facts.team(teamId);
  if (!team || team.municipalityId !== principal.municipalityId) return deny('no_subject');
  if (team.kind !== 'system_level') return deny('not_system_team');
  if (seesEveryTeam(principal)) return allow('role:sbu_coordinator');
  if (team.leaderStaffUserId === principal.staffUserId) return allow('system_team_leader');
  const member = await facts.trx.selectFrom('team_member').select('staff_user_id').where('team_id', '=', teamId).where('staff_user_id', '=', principal.staffUserId).executeTakeFirst();
  return member ? allow('system_team_member') : deny('not_team_member');
}

const systemTeam: Rule = ({ principal, request, facts }) => systemTeamAccess(facts, principal, request.entity);

/** A professional involved with the child: refers them, sees the proposed team. */
const involvedWithSubject: Rule = ({ principal, request, facts }) => {
  const personId = subjectId(request);
  if (!personId) return deny('no_subject');
  if (principal.kind !== 'staff') return deny('not_staff');
  return involvedCaseWorker(facts, principal, personId);
};

/** The leader of the team the referral or queue belongs to; a meeting about a child also needs the referral's basis. */
const teamLeader: Rule = async ({ principal, request, facts, now }) => {
  if (principal.kind !== 'staff') return deny('not_staff');
  const teamId = await teamOfRequest(facts, request);
  if (!teamId) return deny('no_subject');
  const leads = await leadsTeam(facts, principal.staffUserId, teamId);
  const referralId = entityId(request, 'referral');
  if (!leads.allowed || request.action !== 'meeting.schedule' || !referralId) return leads;
  // A meeting about a child is team discussion: the referral's basis must still hold.
  const referral = await facts.trx.selectFrom('referral').select(['person_id']).where('id', '=', referralId).executeTakeFirst();
  if (!referral?.person_id) return leads;
  const consent = await teamDiscussionReaches(facts, principal, referral.person_id, referralId, null, now);
  return consent.allowed ? allow(`${leads.reason}+${consent.reason}`) : consent;
};

export const teamPolicy = {
  'team.edit': ({ principal }) => requireRole(principal, 'administrator'),
  'team.overview': ({ principal, request, facts }) => teamOverviewAccess(facts, principal, request.entity),
  'systemMeeting.read': systemTeam,
  'systemMeeting.write': systemTeam,
  'teamRequest.create': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    return citizenDecides(facts, principal.personId, personId, now);
  },
  'referral.create': involvedWithSubject,
  'referralProposal.read': involvedWithSubject,
  'referral.anonymous': ({ principal }) => caseWorker(principal),
  // Without a team: the queues of the teams one leads, scoped by the query.
  'intake.read': (input) => (input.request.entity ? teamLeader(input) : input.principal.kind === 'staff' ? allow('own_queues') : deny('not_staff')),
  'referral.answer': teamLeader,
  'meeting.schedule': teamLeader,
  'meetingCandidates.read': teamLeader,
} satisfies Policy;
