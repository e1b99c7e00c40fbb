// Reports to child welfare (bekymringsmelding) and anonymous consultations with the intake. The duty
// to report overrides confidentiality and needs no consent, but it concerns a child the reporter
// knows from their work, so it takes involvement like every other write on a person. The intake
// of the report's municipality reads and handles it, the reporter reads their own; reading a
// report opens nothing else of the child's case. The family sees that a report was sent.
import type { Principal } from '../../../infra/http/context.ts';
import type { AccessFacts } from '../facts.ts';
import type { Decision } from '../actions.ts';
import { allow, caseWorker, deny, entityId, requireRole, subjectId, type Policy } from '../policy.ts';
import { citizenCaseAccess, involvedCaseWorker } from './person.ts';

/** The child-welfare intake (barnevernets mottak): reads and handles every report and consultation of its municipality. */
export const isChildWelfareIntake = (principal: Principal): boolean =>
  principal.kind === 'staff' && principal.activeRole === 'child_welfare_intake';

/** The intake of the record's municipality; someone else only when `other` says so, and never to handle it. */
async function intakeOr(facts: AccessFacts, principal: Principal, table: 'child_welfare_report' | 'child_welfare_consultation', id: string | null, other: (row: { municipality_id: string; owner: string }) => Decision): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  if (!id) return deny('no_subject');
  const row = table === 'child_welfare_report'
    ? await facts.trx.selectFrom('child_welfare_report').select(['municipality_id', 'reporter_staff_id as owner']).where('id', '=', id).executeTakeFirst()
    : await facts.trx.selectFrom('child_welfare_consultation').select(['municipality_id', 'asked_by as owner']).where('id', '=', id).executeTakeFirst();
  if (!row) return deny('no_subject');
  if (isChildWelfareIntake(principal)) return row.municipality_id === principal.municipalityId ? allow('child_welfare_intake') : deny('other_municipality');
  return other(row);
}

const mine = (principal: Principal, reason: string, refusal: string) => (row: { owner: string }) =>
  principal.kind === 'staff' && row.owner === principal.staffUserId ? allow(reason) : deny(refusal);
const intakeOnly = () => deny('role_required:child_welfare_intake');

export const childWelfarePolicy = {
  'cwReport.create': async ({ principal, request, facts }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'staff') return deny('not_staff');
    const involved = await involvedCaseWorker(facts, principal, personId);
    return involved.allowed ? allow(`duty_to_report+${involved.reason}`) : involved;
  },
  'cwReport.list': ({ principal }) => caseWorker(principal),
  'cwReport.read': ({ principal, request, facts }) => intakeOr(facts, principal, 'child_welfare_report', entityId(request, 'child_welfare_report'), mine(principal, 'reporter', 'not_reporter')),
  'cwReport.handle': ({ principal, request, facts }) => intakeOr(facts, principal, 'child_welfare_report', entityId(request, 'child_welfare_report'), intakeOnly),
  'cwReportQueue.read': ({ principal }) => requireRole(principal, 'child_welfare_intake'),
  'cwReport.familyView': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    return citizenCaseAccess(facts, principal.personId, personId, now, true);
  },
  'cwConsultation.create': ({ principal }) => caseWorker(principal),
  'cwConsultation.list': ({ principal }) => {
    if (isChildWelfareIntake(principal)) return allow('role:child_welfare_intake');
    const role = caseWorker(principal);
    return role.allowed ? allow('own_consultations') : role;
  },
  'cwConsultation.read': ({ principal, request, facts }) => intakeOr(facts, principal, 'child_welfare_consultation', entityId(request, 'child_welfare_consultation'), mine(principal, 'asked_by', 'not_asker')),
  'cwConsultation.answer': ({ principal, request, facts }) => intakeOr(facts, principal, 'child_welfare_consultation', entityId(request, 'child_welfare_consultation'), intakeOnly),
  'cwCounts.read': ({ principal }) => {
    if (principal.kind !== 'staff') return deny('not_staff');
    return principal.activeRole === 'child_welfare_intake' || principal.activeRole === 'sbu_coordinator' ? allow(`role:${principal.activeRole}`) : deny('role_required:child_welfare_intake');
  },
} satisfies Policy;
