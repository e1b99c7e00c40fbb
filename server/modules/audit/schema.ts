import { z } from 'zod';
import { isoDate } from '../../infra/http/schemas.ts';

export const AuditSearchQuery = z.strictObject({
  /** Free text matched against the actor's and the concerned person's names. */
  q: z.string().trim().max(100).optional(),
  action: z.string().trim().max(60).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditSearch = z.infer<typeof AuditSearchQuery>;
