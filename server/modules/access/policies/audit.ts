// The audit log: the auditor searches it; the family reads who has read their data.
import { deny, requireRole, subjectId, type Policy } from '../policy.ts';
import { citizenDecides } from './person.ts';

export const auditPolicy = {
  'audit.search': ({ principal }) => requireRole(principal, 'auditor'),
  'accessLog.read': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'citizen') return deny('not_citizen');
    return citizenDecides(facts, principal.personId, personId, now);
  },
} satisfies Policy;
