// The shape of a policy: one file per entity under ./policies/, each exporting the rule of every
// action on that entity. A rule decides without side effects, on facts loaded once per request.
import type { Principal, StaffPrincipal } from '../../infra/http/context.ts';
import { isCaseWorkRole, type StaffRole } from '../../../common/roles.ts';
import type { AccessAction, AccessRequest, Decision } from './actions.ts';
import type { AccessFacts } from './facts.ts';

export interface RuleInput {
  principal: Principal;
  request: AccessRequest;
  facts: AccessFacts;
  now: Date;
}

export type Rule = (input: RuleInput) => Promise<Decision> | Decision;

/** A policy names the actions it decides; access.ts joins them and every action has exactly one. */
export type Policy = Partial<Record<AccessAction, Rule>>;

export const allow = (reason: string): Decision => ({ allowed: true, reason });
export const deny = (reason: string): Decision => ({ allowed: false, reason });

export function requireRole(principal: Principal, role: StaffRole): Decision {
  if (principal.kind !== 'staff') return deny('not_staff');
  return principal.activeRole === role ? allow(`role:${role}`) : deny(`role_required:${role}`);
}

/** A staff user in a case-work role (decides nothing about a person by itself). */
export function caseWorker(principal: Principal): Decision {
  if (principal.kind !== 'staff') return deny('not_staff');
  return isCaseWorkRole(principal.activeRole) ? allow(`role:${principal.activeRole}`) : deny('role_without_case_work');
}

export function isStaff(principal: Principal): principal is StaffPrincipal {
  return principal.kind === 'staff';
}

/** The person the request is about, when the action needs one. */
export function subjectId(request: AccessRequest): string | null {
  return request.subject?.id ?? null;
}

/** The entity's id when it is of the given type. */
export function entityId(request: AccessRequest, type: string): string | null {
  return request.entity?.type === type ? request.entity.id : null;
}
