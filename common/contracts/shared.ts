// The small answers many writes share.
import { z } from 'zod';

/** A record was created; its id. */
export const Created = z.object({ id: z.string() });
export type Created = z.infer<typeof Created>;

/** A versioned record was saved; the version to name in the next update. */
export const Saved = z.object({ id: z.string(), version: z.number() });
export type Saved = z.infer<typeof Saved>;

export const VersionSaved = z.object({ version: z.number() });
export type VersionSaved = z.infer<typeof VersionSaved>;

/** A request was answered; its new status. */
export const StatusChanged = z.object({ status: z.string() });
export type StatusChanged = z.infer<typeof StatusChanged>;

/** A page of a list: more after it, and the cursor to send back as `after` for the next. */
export const PAGE = { hasMore: z.boolean(), nextCursor: z.string().nullable() };

/** What the signed-in user may do with the resource, decided by the access module: one flag per action. */
export const abilities = <const K extends string>(...actions: K[]) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<K, z.ZodBoolean>);

/** A figure after small-number suppression (common/suppression.ts): the number, or why it is hidden. */
export const Cell = z.union([
  z.object({ value: z.number() }),
  z.object({ suppressed: z.literal('small'), fewerThan: z.number() }),
  z.object({ suppressed: z.literal('secondary') }),
]);
export type Cell = z.infer<typeof Cell>;
