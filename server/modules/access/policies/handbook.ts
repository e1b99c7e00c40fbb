// The digital handbook: municipal guidance, no personal data. Writing and publishing are the
// administrator's and the editor's (redaktør); a page marked for staff only is read by the
// municipality's staff, never by the public.
import { HANDBOOK_ROLES } from '../../../../common/roles.ts';
import { allow, deny, type Policy, type Rule } from '../policy.ts';

const handbookRole: Rule = ({ principal }) => {
  if (principal.kind !== 'staff') return deny('not_staff');
  return (HANDBOOK_ROLES as readonly string[]).includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_handbook');
};

export const handbookPolicy = {
  'handbook.edit': handbookRole,
  'handbook.publish': handbookRole,
  // Every staff role of the municipality (the service compares the municipality: another's staff-only pages stay closed).
  'handbookStaffPage.read': ({ principal }) => (principal.kind === 'staff' ? allow('staff') : deny('not_staff')),
} satisfies Policy;
