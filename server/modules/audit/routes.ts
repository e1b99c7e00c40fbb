import { z } from 'zod';
import { PageQuery } from '../../infra/http/paging.ts';
import { defineRoute } from '../../infra/http/route.ts';
import { AccessLog, AuditPage } from '../../../common/contracts/audit.ts';
import { uuid } from '../../infra/http/schemas.ts';
import { AuditSearchQuery } from './schema.ts';
import { accessLogForFamily, searchAuditLog } from './service.ts';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/audit/events', summary: 'Search the audit log (auditor)', tags: ['audit'], audience: 'staff', guarded: true,
    query: AuditSearchQuery,
    response: AuditPage,
    handler: async (ctx, { query }) => searchAuditLog(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/access-log', summary: 'Who in the services has read or written this person\'s data (for the family)', tags: ['audit'],
    // Open to every signed-in user so that the access module refuses staff too, and the refusal is recorded.
    audience: 'signed-in', guarded: true, params: z.strictObject({ id: uuid }), query: PageQuery,
    response: AccessLog,
    handler: async (ctx, { params, query }) => accessLogForFamily(ctx, params.id, query),
  }),
];
