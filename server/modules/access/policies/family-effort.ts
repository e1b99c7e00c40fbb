// The level-2 whole-family effort (helhetlig innsats, seed 002; decision 0028). A professional
// involved with a member or the family itself asks for it; the level-2 intake — Koordinerende enhet
// of the municipality — offers it to an effort leader (innsatsleder), who accepts, calls in services
// and closes it with an evaluation. Reading the effort shows who is in the family and who helps;
// it opens no child's case: each child's log stays under that child's consents (policies/consent.ts).
import type { Principal } from '../../../infra/http/context.ts';
import type { Decision } from '../actions.ts';
import type { AccessFacts } from '../facts.ts';
import { allow, caseWorker, deny, entityId, subjectId, type Policy } from '../policy.ts';
import { citizenRelation, involvedCaseWorker } from './person.ts';

/** The level-2 intake: Koordinerende enhet, which already receives requests for coordinated help. */
export const isLevelTwoIntake = (principal: Principal): boolean =>
  principal.kind === 'staff' && principal.activeRole === 'coordinating_unit';

interface EffortFacts {
  municipalityId: string;
  status: string;
  leader: string | null;
  offeredTo: string | null;
  requestedBy: string | null;
  calledIn: string[];
  members: string[];
}

async function effortOf(facts: AccessFacts, id: string | null): Promise<EffortFacts | null> {
  if (!id) return null;
  const row = await facts.trx.selectFrom('family_effort').select(['municipality_id', 'status', 'leader_staff_id', 'offered_to_staff_id', 'requested_by_staff_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [services, members] = await Promise.all([
    facts.trx.selectFrom('family_effort_service').select('staff_user_id').where('effort_id', '=', id).execute(),
    facts.trx.selectFrom('family_effort_member').select('person_id').where('effort_id', '=', id).execute(),
  ]);
  return {
    municipalityId: row.municipality_id, status: row.status, leader: row.leader_staff_id, offeredTo: row.offered_to_staff_id,
    requestedBy: row.requested_by_staff_id, calledIn: services.map((s) => s.staff_user_id), members: members.map((m) => m.person_id),
  };
}

type Check = (effort: EffortFacts, principal: Principal & { kind: 'staff' }) => Decision;

/** A staff rule on one effort: it must exist, be of the user's municipality, and pass `check`. */
function onEffort(check: Check) {
  return async ({ principal, request, facts }: { principal: Principal; request: Parameters<typeof entityId>[0]; facts: AccessFacts }): Promise<Decision> => {
    if (principal.kind !== 'staff') return deny('not_staff');
    const role = caseWorker(principal);
    if (!role.allowed) return role;
    const effort = await effortOf(facts, entityId(request, 'family_effort'));
    if (!effort) return deny('no_subject');
    if (effort.municipalityId !== principal.municipalityId) return deny('other_municipality');
    return check(effort, principal);
  };
}

const theLeader: Check = (effort, principal) => {
  if (effort.status !== 'active') return deny('effort_not_active');
  return effort.leader === principal.staffUserId ? allow('effort_leader') : deny('not_effort_leader');
};

export const familyEffortPolicy = {
  // Asked for by a professional involved with one of the family, or by the family itself.
  'familyEffort.request': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return principal.kind === 'citizen' ? citizenRelation(facts, principal.personId, personId, now) : involvedCaseWorker(facts, principal, personId);
  },
  // Scoped by the query: the intake sees its municipality's efforts, others those they lead, were offered, asked for or were called into.
  'familyEffort.list': ({ principal }) => caseWorker(principal),
  'familyEffort.read': onEffort((effort, principal) => {
    if (isLevelTwoIntake(principal)) return allow('level_two_intake');
    const me = principal.staffUserId;
    if (effort.leader === me || effort.offeredTo === me) return allow('effort_leader');
    if (effort.calledIn.includes(me)) return allow('called_in');
    return effort.requestedBy === me ? allow('requested_effort') : deny('not_in_effort');
  }),
  'familyEffort.appoint': onEffort((effort, principal) => {
    if (!isLevelTwoIntake(principal)) return deny('role_required:coordinating_unit');
    return effort.status === 'requested' || effort.status === 'offered' ? allow('level_two_intake') : deny('effort_not_open');
  }),
  'familyEffort.accept': onEffort((effort, principal) =>
    effort.status === 'offered' && effort.offeredTo === principal.staffUserId ? allow('offered_effort_leader') : deny('not_offered')),
  'familyEffort.callIn': onEffort(theLeader),
  'familyEffort.close': onEffort(theLeader),
  // Min side: a parent or child in the effort sees it and its contact person.
  'familyEffort.familyView': ({ principal }) => (principal.kind === 'citizen' ? allow('own_family') : deny('not_citizen')),
} satisfies Policy;
