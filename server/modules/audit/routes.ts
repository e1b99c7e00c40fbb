import { defineRoute } from '../../infra/http/route.ts';
import { AuditSearchQuery } from './schema.ts';
import { searchAuditLog } from './service.ts';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/audit/events', summary: 'Search the audit log (auditor)', tags: ['audit'], audience: 'staff', guarded: true,
    query: AuditSearchQuery,
    handler: async (ctx, { query }) => searchAuditLog(ctx, query),
  }),
];
