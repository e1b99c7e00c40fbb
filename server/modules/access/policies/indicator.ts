// The outcome track: the indicator register and the annual status report. Figures only — no rule
// here opens personal data. The register is kept by the SBU coordinator and the administrator; the
// municipality's figures are read by the analyst, the SBU coordinator and the administration; a
// team's leader reads the figures of the team they lead. Every report read is audited as an
// aggregate read (by authorize(), with no person as its subject).
import { FIGURE_READER_ROLES, INDICATOR_KEEPER_ROLES, type StaffRole } from '../../../../common/roles.ts';
import { allow, deny, type Policy } from '../policy.ts';
import type { Principal } from '../../../infra/http/context.ts';

const hasRole = (principal: Principal, roles: readonly StaffRole[], refusal: string) => {
  if (principal.kind !== 'staff') return deny('not_staff');
  return roles.includes(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny(refusal);
};

export const indicatorPolicy = {
  'indicator.list': ({ principal }) => {
    if (principal.kind === 'staff' && principal.activeRole === 'team_leader') return allow('role:team_leader');
    return hasRole(principal, FIGURE_READER_ROLES, 'role_required:figure_reader');
  },
  'indicator.edit': ({ principal }) => hasRole(principal, INDICATOR_KEEPER_ROLES, 'role_required:indicator_keeper'),
  'indicatorReport.read': async ({ principal, request, facts }) => {
    if (principal.kind !== 'staff') return deny('not_staff');
    // Without a team: the municipality's report.
    if (!request.entity) return hasRole(principal, FIGURE_READER_ROLES, 'role_required:figure_reader');
    if (request.entity.type !== 'team') return deny('no_subject');
    const team = await facts.team(request.entity.id);
    if (!team || team.municipalityId !== principal.municipalityId) return deny('no_subject');
    if ((FIGURE_READER_ROLES as readonly StaffRole[]).includes(principal.activeRole)) return allow(`role:${principal.activeRole}`);
    if (principal.activeRole !== 'team_leader') return deny('role_required:figure_reader');
    return team.leaderStaffUserId === principal.staffUserId ? allow('team_leader_of_team') : deny('not_team_leader');
  },
} satisfies Policy;
