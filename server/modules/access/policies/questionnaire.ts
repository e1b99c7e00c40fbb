// Questionnaires: instruments (no personal data), screenings, goal-progress ratings and the
// anonymous collaboration survey. A screening is the data of the person who answered it — a
// mother's screening is hers, not her baby's — and is health data: a professional reaches it while
// involved with that person under a consent whose categories include health; the family sees only
// their own. Goal ratings belong to the shared case and follow its rule.
import { ageOn, osloDate } from '../../../../common/dates.ts';
import type { Principal } from '../../../infra/http/context.ts';
import type { Decision } from '../actions.ts';
import type { AccessFacts } from '../facts.ts';
import { allow, deny, requireRole, subjectId, type Policy, type Rule } from '../policy.ts';
import { caseAccess, staffCaseAccess, visibleCategories } from './consent.ts';
import { citizenCaseAccess, citizenRelation } from './person.ts';

/** Screening answers are health data: the consent reaching the professional must name health. */
async function staffScreening(facts: AccessFacts, principal: Principal, personId: string, now: Date): Promise<Decision> {
  if (principal.kind !== 'staff') return deny('not_staff');
  const access = await staffCaseAccess(facts, principal, personId, now);
  if (!access.allowed) return access;
  const categories = await visibleCategories(facts, principal, personId, now);
  return categories === 'all' || categories.has('health') ? allow(`${access.reason}+health`) : deny('category_not_covered');
}

const screening: Rule = ({ principal, request, facts, now }) => {
  const personId = subjectId(request);
  if (!personId) return deny('no_subject');
  if (principal.kind === 'citizen') return principal.personId === personId ? allow('self') : deny('not_self');
  return staffScreening(facts, principal, personId, now);
};

export const questionnairePolicy = {
  // The instruments themselves hold no personal data: every staff user may read them.
  'questionnaire.read': ({ principal }) => (principal.kind === 'staff' ? allow('staff') : deny('not_staff')),
  'questionnaire.define': ({ principal }) => requireRole(principal, 'administrator'),
  'screening.create': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    return staffScreening(facts, principal, personId, now);
  },
  'screening.read': screening,
  'screening.answer': screening,
  'goalRating.read': ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    return personId ? caseAccess(facts, principal, personId, now) : deny('no_subject');
  },
  // A child rates their own goals from the age the municipality set; guardians and youths as the case allows.
  'goalRating.create': async ({ principal, request, facts, now }) => {
    const personId = subjectId(request);
    if (!personId) return deny('no_subject');
    if (principal.kind === 'staff') return staffCaseAccess(facts, principal, personId, now);
    const relation = await citizenRelation(facts, principal.personId, personId, now);
    const person = await facts.person(personId);
    if (relation.allowed && relation.reason === 'self' && person?.kind === 'child') {
      const municipality = await facts.trx.selectFrom('municipality').select('goal_rating_age').where('id', '=', person.municipalityId).executeTakeFirstOrThrow();
      return ageOn(person.birthDate, osloDate(now)) >= municipality.goal_rating_age ? allow('child_from_rating_age') : deny('below_rating_age');
    }
    return citizenCaseAccess(facts, principal.personId, personId, now);
  },
  'survey.schedule': ({ principal }) => requireRole(principal, 'sbu_coordinator'),
  // Every staff user of a service answers; the answer names no one.
  'survey.answer': ({ principal }) => {
    if (principal.kind !== 'staff') return deny('not_staff');
    return principal.serviceUnitId ? allow('staff_of_service') : deny('no_service_unit');
  },
  'survey.list': ({ principal }) => (principal.kind === 'staff' ? allow('staff') : deny('not_staff')),
  'survey.results': ({ principal }) => {
    if (principal.kind !== 'staff') return deny('not_staff');
    return principal.activeRole === 'sbu_coordinator' || principal.activeRole === 'analyst' ? allow(`role:${principal.activeRole}`) : deny('role_required:sbu_coordinator');
  },
} satisfies Policy;
