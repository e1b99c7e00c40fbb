// The access module's part of every guarded route (infra/http/route.ts runs it; app.ts wires it).
import type { RouteGuard } from '../../infra/http/route.ts';
import { AccessDenied, recordDenial } from './access.ts';
import { checkPeopleNamedIn } from './person-reads.ts';
import { handleFor, plainHandle } from './gate.ts';

export const accessGuard: RouteGuard = {
  // The handler's transaction refuses personal data until a decision allowed something; a plain
  // route's database never does (gate.ts).
  handleFor,
  plainHandle,
  // Every person the response names was authorized in the request (and so has an audit row).
  beforeCommit: checkPeopleNamedIn,
  async afterRollback(ctx, error) {
    if (error instanceof AccessDenied) await recordDenial(ctx, error);
  },
};
