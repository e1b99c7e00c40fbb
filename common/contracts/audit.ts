import { z } from 'zod';
import { PAGE } from './shared.ts';

/** GET /api/audit/events */
export const SearchAuditLogResponse = z.object({
  events: z.array(z.object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    actorKind: z.enum(['staff', 'citizen', 'system', 'anonymous']),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    actorUnit: z.string().nullable(),
    subjectKind: z.enum(['staff', 'person']).nullable(),
    subjectName: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    purpose: z.string(),
    outcome: z.enum(['allowed', 'denied']),
    reason: z.string().nullable(),
    who: z.string(),
    what: z.string(),
  })),
  page: z.number(),
  hasMore: z.boolean(),
});
export type SearchAuditLogResponse = z.infer<typeof SearchAuditLogResponse>;

/** GET /api/people/:id/access-log */
export const AccessLogForFamilyResponse = z.object({
  events: z.array(z.object({
    id: z.string(),
    at: z.iso.datetime(),
    who: z.string(),
    what: z.string(),
    when: z.string(),
    text: z.string(),
  })),
  ...PAGE,
});
export type AccessLogForFamilyResponse = z.infer<typeof AccessLogForFamilyResponse>;

