// The access module's part of every guarded route (infra/http/route.ts runs it; app.ts wires it).
import type { RouteGuard } from '../../infra/http/route.ts';
import { AccessDenied, recordDenial } from './access.ts';
import { checkPeopleNamedIn } from './person-reads.ts';

export const accessGuard: RouteGuard = {
  // Every person the response names was authorized in the request (and so has an audit row).
  beforeCommit: checkPeopleNamedIn,
  async afterRollback(ctx, error) {
    if (error instanceof AccessDenied) await recordDenial(ctx, error);
  },
};
