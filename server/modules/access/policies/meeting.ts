// Team meetings about a child: who reads them, who writes the minutes, the action plan's items and
// the family's rating of a closed meeting.
import type { Principal, StaffPrincipal } from '../../../infra/http/context.ts';
import type { Decision } from '../actions.ts';
import type { AccessFacts } from '../facts.ts';
import { allow, deny, entityId, type Policy, type Rule } from '../policy.ts';
import { teamDiscussionReaches } from './consent.ts';
import { citizenCaseAccess } from './person.ts';
import { planContentAccess } from './plan.ts';

/**
 * A meeting is open to its participants (staff, and the family for a case meeting) and to the
 * leader of its team; the chair and the team's leader write the minutes. A case meeting is data
 * derived from the child's case, so on top of that role the same consent rule as the relay log
 * applies (teamDiscussionReaches): a role in the meeting never outlives the family's consent. A
 * plan's meeting (ansvarsgruppemøte) is the plan's content, so the plan's rule applies instead:
 * the coordinator, or a service the family's consent for the plan names, and from 18 only on the
 * young adult's own consent.
 */
async function meetingAccess(facts: AccessFacts, principal: Principal, meetingId: string, write: boolean, now: Date): Promise<Decision> {
  const trx = facts.trx;
  const meeting = await trx.selectFrom('team_meeting as m').leftJoin('team as t', 't.id', 'm.team_id')
    .select(['m.chair_staff_id', 'm.kind', 'm.person_id', 'm.referral_id', 'm.plan_id', 'm.created_at', 't.leader_staff_user_id']).where('m.id', '=', meetingId).executeTakeFirst();
  if (!meeting) return deny('no_subject');
  // A system-level meeting is written only through its own routes, which refuse personal data.
  if (meeting.kind === 'system' && write) return deny('system_meeting');
  if (principal.kind === 'citizen') {
    if (write) return deny('not_staff');
    const participant = await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).where('person_id', '=', principal.personId).executeTakeFirst();
    if (!participant) return deny('not_participant');
    // The family's own data stays theirs after a withdrawal; a guardian still needs parental
    // responsibility, and from the consent age the youth decides, as for the relay log.
    if (!meeting.person_id || meeting.person_id === principal.personId) return allow('family_participant');
    const family = await citizenCaseAccess(facts, principal.personId, meeting.person_id, now);
    return family.allowed ? allow('family_participant') : family;
  }
  let role: Decision;
  if (meeting.chair_staff_id === principal.staffUserId) role = allow('meeting_chair');
  else if (meeting.leader_staff_user_id === principal.staffUserId) role = allow('team_leader_of_team');
  else if (write) return deny('not_chair');
  else {
    const participant = await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).where('staff_user_id', '=', principal.staffUserId).executeTakeFirst();
    if (!participant) return deny('not_participant');
    role = allow('meeting_participant');
  }
  if (!meeting.person_id) return role;
  const consent = await consentFor(facts, principal, { ...meeting, person_id: meeting.person_id }, now);
  return consent.allowed ? allow(`${role.reason}+${consent.reason}`) : consent;
}

/** The consent a role in a meeting about a child rests on: the team discussion's, or the plan's. */
function consentFor(facts: AccessFacts, principal: StaffPrincipal, m: { person_id: string; plan_id: string | null; referral_id: string | null; created_at: Date }, now: Date): Promise<Decision> {
  return m.plan_id ? planContentAccess(facts, principal, m.person_id, now) : teamDiscussionReaches(facts, principal, m.person_id, m.referral_id, m.created_at, now);
}

const meetingRule = (write: boolean): Rule => ({ principal, request, facts, now }) => {
  const meetingId = entityId(request, 'team_meeting');
  return meetingId ? meetingAccess(facts, principal, meetingId, write, now) : deny('no_subject');
};

export const meetingPolicy = {
  'meeting.read': meetingRule(false),
  // Minutes, action plan, review, close: the chair or the team's leader.
  'meeting.write': meetingRule(true),
  // The owner marks an item done; the item is part of the meeting about the child, so the meeting's consent rule applies.
  // The owner marks an item done: the professional it was given to (under the family's consent), or
  // the guardian or youth who took it on in the meeting (their own item, on Min side).
  'actionItem.update': async ({ principal, request, facts, now }) => {
    const itemId = entityId(request, 'action_item');
    if (!itemId) return deny('no_subject');
    const item = await facts.trx.selectFrom('action_item as a').innerJoin('team_meeting as m', 'm.id', 'a.meeting_id')
      .select(['a.owner_staff_id', 'a.owner_person_id', 'm.person_id', 'm.referral_id', 'm.plan_id', 'm.created_at']).where('a.id', '=', itemId).executeTakeFirst();
    if (!item) return deny('no_subject');
    if (principal.kind === 'citizen') return item.owner_person_id === principal.personId ? allow('family_action_item_owner') : deny('not_action_item_owner');
    if (item.owner_staff_id !== principal.staffUserId) return deny('not_action_item_owner');
    if (!item.person_id) return allow('action_item_owner');
    const consent = await consentFor(facts, principal, { ...item, person_id: item.person_id }, now);
    return consent.allowed ? allow(`action_item_owner+${consent.reason}`) : consent;
  },
  // The family's rating: a guardian or youth who took part in the meeting, once it is closed.
  'meetingRating.create': async ({ principal, request, facts }) => {
    if (principal.kind !== 'citizen') return deny('not_citizen');
    const meetingId = entityId(request, 'team_meeting');
    if (!meetingId) return deny('no_subject');
    const row = await facts.trx
      .selectFrom('meeting_participant as mp')
      .innerJoin('team_meeting as m', 'm.id', 'mp.meeting_id')
      .select(['mp.role', 'm.status'])
      .where('mp.meeting_id', '=', meetingId)
      .where('mp.person_id', '=', principal.personId)
      .executeTakeFirst();
    if (!row || (row.role !== 'guardian' && row.role !== 'youth')) return deny('not_family_participant');
    return row.status === 'closed' ? allow(`family_participant:${row.role}`) : deny('meeting_not_closed');
  },
  'meetingRating.list': ({ principal }) => (principal.kind === 'citizen' ? allow('own_meetings') : deny('not_citizen')),
} satisfies Policy;
