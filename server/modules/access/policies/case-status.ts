// The case's status — level, action-guide steps, enrolment, the relay holder and the baton — open
// to the involved without the relay log's content; what only the relay holder does; the
// municipality's action guide.
import { allow, caseWorker, deny, entityId, requireRole, subjectId, type Policy } from '../policy.ts';
import { staffCaseAccess } from './consent.ts';
import { citizenCaseAccess, involvedCaseWorker } from './person.ts';

export const caseStatusPolicy = {
  'caseStatus.read': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return principal.kind === 'citizen' ? citizenCaseAccess(facts, principal.personId, personId, now) : involvedCaseWorker(facts, principal, personId);
  },
  'caseStatus.write': ({ principal, request, facts }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return principal.kind === 'citizen' ? deny('not_staff') : involvedCaseWorker(facts, principal, personId);
  },
  // Hand over, plan a transition, close: the relay holder of the open case.
  'case.hold': async ({ principal, request, facts }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    const role = caseWorker(principal);
    if (!role.allowed || principal.kind !== 'staff') return role;
    const holder = await facts.relayHolder(personId);
    if (holder === undefined) return deny('no_open_case');
    return holder === principal.staffUserId ? allow('relay_holder') : deny('not_relay_holder');
  },
  'handover.answer': async ({ principal, request, facts, now }) => {
    const role = caseWorker(principal);
    if (!role.allowed || principal.kind !== 'staff') return role;
    const handoverId = entityId(request, 'relay_handover');
    if (!handoverId) return deny('no_subject');
    const handover = await facts.trx.selectFrom('relay_handover as h').innerJoin('help_case as c', 'c.id', 'h.case_id')
      .select(['h.to_staff_id', 'c.person_id']).where('h.id', '=', handoverId).executeTakeFirst();
    if (!handover) return deny('no_subject');
    if (handover.to_staff_id !== principal.staffUserId) return deny('not_handover_receiver');
    // The baton is the relay log: only someone the consent lets into the log may take it, or read
    // the offer. Checked now, not only when the handover was asked for.
    const log = await staffCaseAccess(facts, principal, handover.person_id, now);
    return log.allowed ? allow(`handover_receiver+${log.reason}`) : log;
  },
  'actionGuide.publish': ({ principal }) => requireRole(principal, 'administrator'),
} satisfies Policy;
