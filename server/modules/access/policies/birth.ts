// The birth of a child followed in pregnancy (issue 17): registering the newborn from the mother's
// record is the health station's work — a professional of a health station involved with the
// pregnant woman (the midwife, or the health nurse). The rule opens nothing of the log; whether
// the log continues as the child's is the mother's consent, carried by people/birth.ts.
import { allow, deny, subjectId, type Policy } from '../policy.ts';
import { involvedCaseWorker } from './person.ts';

export const birthPolicy = {
  'birth.register': async ({ principal, request, facts }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind !== 'staff') return deny('not_staff');
    const involved = await involvedCaseWorker(facts, principal, personId);
    if (!involved.allowed) return involved;
    const unit = await facts.unit(principal.serviceUnitId);
    // Whether she is still pregnant is the service's answer (409): a second registration of the
    // same birth is a repeat, not a lack of access.
    return unit?.typeCode === 'health_station' ? allow(`health_station+${involved.reason}`) : deny('not_health_station');
  },
} satisfies Policy;
