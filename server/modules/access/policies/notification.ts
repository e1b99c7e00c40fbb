// Notifications and absence figures: one's own, and one's unit's.
import { isAbsenceUnitType } from '../../../../common/roles.ts';
import { allow, caseWorker, deny, type Policy, type Rule } from '../policy.ts';

// Always one's own: the queries are scoped to the signed-in staff user or citizen.
const own: Rule = ({ principal }) => allow(principal.kind === 'staff' ? 'own_notifications' : 'own_notifications_citizen');

export const notificationPolicy = {
  'notification.read': own,
  'notification.update': own,
} satisfies Policy;

/** Case workers at a kindergarten or school import their unit's absence and follow it up. */
const absence: Rule = async ({ principal, facts }) => {
  const role = caseWorker(principal);
  if (!role.allowed || principal.kind !== 'staff') return role;
  if (!principal.serviceUnitId) return deny('no_unit');
  const unit = await facts.unit(principal.serviceUnitId);
  return unit?.active && isAbsenceUnitType(unit.typeCode) ? allow(`unit:${unit.typeCode}`) : deny('unit_without_absence');
};

export const absencePolicy = {
  'absence.import': absence,
  'absence.read': absence,
} satisfies Policy;
