// The municipality's organisation: service units and their types, teams as listed, staff.
import { z } from 'zod';
import { STAFF_ROLES } from '../roles.ts';
import { TeamProfile } from './teams.ts';
import { PAGE } from './shared.ts';

/** GET /api/municipality */
export const Municipality = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type Municipality = z.infer<typeof Municipality>;

export const ServiceUnitType = z.object({ code: z.string(), name: z.string(), builtIn: z.boolean() });
export type ServiceUnitType = z.infer<typeof ServiceUnitType>;

/** GET /api/service-unit-types */
export const ServiceUnitTypes = z.object({ types: z.array(ServiceUnitType), ...PAGE });
export type ServiceUnitTypes = z.infer<typeof ServiceUnitTypes>;

/** POST /api/admin/service-unit-types */
export const ServiceUnitTypeCreated = z.object({ code: z.string() });
export type ServiceUnitTypeCreated = z.infer<typeof ServiceUnitTypeCreated>;

export const ServiceUnit = z.object({
  id: z.string(),
  name: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  area: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type ServiceUnit = z.infer<typeof ServiceUnit>;

/** GET /api/service-units */
export const ServiceUnits = z.object({ units: z.array(ServiceUnit), ...PAGE });
export type ServiceUnits = z.infer<typeof ServiceUnits>;

export const Team = TeamProfile.extend({
  meetingPlace: z.string().nullable(),
  leaderName: z.string().nullable(),
  memberUnits: z.array(z.string()),
});
export type Team = z.infer<typeof Team>;

/** GET /api/teams */
export const Teams = z.object({ teams: z.array(Team), ...PAGE });
export type Teams = z.infer<typeof Teams>;

export const StaffListItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  serviceUnitId: z.string().nullable(),
  unitName: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  roles: z.array(z.enum(STAFF_ROLES)),
});
export type StaffListItem = z.infer<typeof StaffListItem>;

/** GET /api/admin/staff */
export const StaffList = z.object({ staff: z.array(StaffListItem), ...PAGE });
export type StaffList = z.infer<typeof StaffList>;

/** GET /api/admin/staff/:id */
export const StaffDetails = StaffListItem.extend({
  phone: z.string().nullable(),
  nationalId: z.string().nullable(),
  language: z.string(),
  version: z.number(),
});
export type StaffDetails = z.infer<typeof StaffDetails>;
