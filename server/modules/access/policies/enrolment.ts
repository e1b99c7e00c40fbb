// Enrolments (innskriving) at a kindergarten or school: importing the unit's enrolments, finding the
// children enrolled at one's own unit, and noting a worry about one of them. Enrolment at the user's
// own unit opens the child's name and birth date and the worry, nothing of a case: the case rules
// (involvement and consent) still decide every read of the log.
import { isAbsenceUnitType } from '../../../../common/roles.ts';
import { osloDate } from '../../../../common/dates.ts';
import { allow, caseWorker, deny, subjectId, type Policy, type Rule } from '../policy.ts';

/** A case worker at an active kindergarten or school: the units whose systems enrol children. */
const atEnrollingUnit: Rule = async ({ principal, facts }) => {
  const role = caseWorker(principal);
  if (!role.allowed || principal.kind !== 'staff') return role;
  if (!principal.serviceUnitId) return deny('no_unit');
  const unit = await facts.unit(principal.serviceUnitId);
  return unit?.active && isAbsenceUnitType(unit.typeCode) ? allow(`unit:${unit.typeCode}`) : deny('unit_without_enrolments');
};

/** The child is enrolled at the user's own unit today (or from a coming start date). */
const enrolledAtOwnUnit: Rule = async (input) => {
  const unit = await atEnrollingUnit(input);
  if (!unit.allowed) return unit;
  const { principal, request, facts, now } = input;
  const personId = subjectId(request);
  if (!personId || principal.kind !== 'staff') return deny('no_subject');
  const today = osloDate(now);
  const row = await facts.trx.selectFrom('enrolment').select('id')
    .where('person_id', '=', personId).where('service_unit_id', '=', principal.serviceUnitId!)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .executeTakeFirst();
  return row ? allow('enrolled_at_own_unit') : deny('not_enrolled_at_own_unit');
};

export const enrolmentPolicy = {
  'enrolment.import': atEnrollingUnit,
  // Scoped by the query to the children enrolled at the user's unit; each one listed is audited.
  'enrolment.search': atEnrollingUnit,
  'enrolment.worry': enrolledAtOwnUnit,
} satisfies Policy;
