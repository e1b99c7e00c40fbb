// The shared case: the relay log, who helps, and what is written on a person's record. The family
// reads it as the person or a guardian (citizenCaseAccess); a professional while involved and
// under a consent that reaches their unit (staffCaseAccess).
import { allow, deny, subjectId, type Policy, type Rule } from '../policy.ts';
import { caseAccess } from './consent.ts';
import { involvedCaseWorker } from './person.ts';

const sharedCase: Rule = ({ principal, request, facts, now }) => {
  const personId = subjectId(request);
  return personId ? caseAccess(facts, principal, personId, now) : deny('no_subject');
};

export const casePolicy = {
  'case.read': sharedCase,
  'case.write': sharedCase,
  // Who the consent lets into the case: the same rule as case.read.
  'caseColleagues.read': sharedCase,
  // Recording that a duty was invoked writes on the person's record, so it takes involvement like
  // every other write; it opens nothing. An unknown id is refused like one not involved with, so the
  // answer never tells whether a person exists.
  'legalBasis.record': async ({ principal, request, facts }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'staff') return deny('not_staff');
    const involved = await involvedCaseWorker(facts, principal, personId);
    return involved.allowed ? allow(`duty+${involved.reason}`) : involved;
  },
} satisfies Policy;
