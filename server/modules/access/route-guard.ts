// The access module's part of every guarded route (infra/http/route.ts runs it; app.ts wires it).
import type { RouteGuard } from '../../infra/http/route.ts';
import { AccessDenied, recordDenial } from './access.ts';
import { auditPeopleNamedIn } from './person-reads.ts';

export const accessGuard: RouteGuard = {
  // Every person the response names gets an audit row, whether or not the handler remembered.
  beforeCommit: auditPeopleNamedIn,
  async afterRollback(ctx, error) {
    if (error instanceof AccessDenied) await recordDenial(ctx, error);
  },
};
