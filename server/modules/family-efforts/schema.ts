import { z } from 'zod';
import { nonEmptyText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { EFFORT_OUTCOMES } from '../../../common/family-efforts.ts';

export const EffortParams = z.strictObject({ effortId: uuid });

/** Ask for level-2 help for the family of `personId` (a child, or a parent); a citizen may leave it out to mean themself. */
export const RequestEffortBody = z.strictObject({
  personId: uuid.optional(),
  reason: nonEmptyText(4000),
});
export type RequestEffortInput = z.infer<typeof RequestEffortBody>;

export const AppointLeaderBody = z.strictObject({ staffUserId: uuid, version: recordVersion() });
export const VersionBody = z.strictObject({ version: recordVersion() });
export const CallInBody = z.strictObject({ staffUserId: uuid });

export const CloseEffortBody = z.strictObject({
  outcome: z.enum(EFFORT_OUTCOMES),
  evaluation: nonEmptyText(4000),
  version: recordVersion(),
});
export type CloseEffortInput = z.infer<typeof CloseEffortBody>;
