// The audit log: the auditor's search and the family's access log.
import { z } from 'zod';
import { PAGE } from './shared.ts';

/** An event in the audit log, for the auditor. */
export const AuditEvent = z.object({
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
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** GET /api/audit/events */
export const AuditPage = z.object({
  events: z.array(AuditEvent),
  page: z.number(),
  hasMore: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** A read or write of the family's data, in the family's words. */
export const AccessEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  who: z.string(),
  what: z.string(),
  when: z.string(),
  text: z.string(),
});
export type AccessEvent = z.infer<typeof AccessEvent>;

/** GET /api/people/:id/access-log */
export const AccessLog = z.object({
  events: z.array(AccessEvent),
  ...PAGE,
});
export type AccessLog = z.infer<typeof AccessLog>;

