// The organisation — staff, service units and their types, the development mailbox — and the
// service catalogue: the administrator's work, no personal data of families.
import { requireRole, type Policy, type Rule } from '../policy.ts';

const administrator: Rule = ({ principal }) => requireRole(principal, 'administrator');

export const organisationPolicy = {
  'staff.create': administrator,
  'staff.update': administrator,
  'staff.read': administrator,
  'staff.list': administrator,
  'serviceUnit.create': administrator,
  'serviceUnit.update': administrator,
  'serviceUnitType.create': administrator,
  // Everyone's outgoing mail: only with the development sign-in (the route is not registered otherwise).
  'devMailbox.read': administrator,
} satisfies Policy;

export const cataloguePolicy = {
  // Drafts, preview, the situation guide; publishing.
  'catalogue.edit': administrator,
  'catalogue.publish': administrator,
} satisfies Policy;
