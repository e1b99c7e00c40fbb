// The level-2 whole-family effort's answers (server/modules/family-efforts).
import { z } from 'zod';
import { abilities } from './shared.ts';
import { EFFORT_OUTCOMES, EFFORT_STATUSES } from '../family-efforts.ts';
const Role = z.enum(['parent', 'child']);

/** The one contact person the family sees: the effort leader (innsatsleder). */
export const EffortContact = z.object({
  id: z.string(), name: z.string(), title: z.string().nullable(), unitName: z.string().nullable(), email: z.string(), phone: z.string().nullable(),
});
export type EffortContact = z.infer<typeof EffortContact>;

const StaffChoice = z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), unitName: z.string().nullable() });

/** GET /api/family-efforts */
export const EffortList = z.object({
  efforts: z.array(z.object({
    id: z.string(), status: z.enum(EFFORT_STATUSES), requestedAt: z.iso.datetime(), leader: z.string().nullable(),
    members: z.array(z.object({ id: z.string(), name: z.string(), role: Role })),
  })),
});
export type EffortList = z.infer<typeof EffortList>;

/** GET /api/family-efforts/:effortId */
export const EffortDetails = z.object({
  id: z.string(), version: z.number(), status: z.enum(EFFORT_STATUSES), reason: z.string(), requestedAt: z.iso.datetime(),
  requestedBy: z.string().nullable(), requestedByFamily: z.boolean(),
  leader: EffortContact.nullable(), offeredTo: EffortContact.nullable(),
  startedAt: z.iso.datetime().nullable(), closedAt: z.iso.datetime().nullable(), outcome: z.enum(EFFORT_OUTCOMES).nullable(), evaluation: z.string().nullable(),
  /** Each of the family; for a child, whether the reader's involvement and that child's own consents open its log. */
  members: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), birthDate: z.string(), role: Role, logOpen: z.boolean() })),
  services: z.array(StaffChoice.extend({ calledInAt: z.iso.datetime() })),
  abilities: abilities('appoint', 'accept', 'callIn', 'close'),
  leaderCandidates: z.array(StaffChoice),
  /** Staff of the units some member's consent covers (only for the leader). */
  serviceCandidates: z.array(StaffChoice),
});
export type EffortDetails = z.infer<typeof EffortDetails>;

/** POST appoint / accept / close */
export const EffortChanged = z.object({ status: z.enum(EFFORT_STATUSES), version: z.number() });
export type EffortChanged = z.infer<typeof EffortChanged>;

/** GET /api/my-family-efforts: Min side */
export const MyEfforts = z.object({
  /** Whether the citizen may ask for an effort for their family now (none open). */
  mayRequest: z.boolean(),
  efforts: z.array(z.object({
    id: z.string(), status: z.enum(EFFORT_STATUSES), requestedAt: z.iso.datetime(), startedAt: z.iso.datetime().nullable(), closedAt: z.iso.datetime().nullable(),
    outcome: z.enum(EFFORT_OUTCOMES).nullable(), evaluation: z.string().nullable(), contact: EffortContact.nullable(),
    members: z.array(z.object({ id: z.string(), name: z.string(), role: Role })),
  })),
});
export type MyEfforts = z.infer<typeof MyEfforts>;
