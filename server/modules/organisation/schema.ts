import { z } from 'zod';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { email, language, nationalId, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';

export const IdParams = z.strictObject({ id: uuid });

export const ServiceUnitBody = z.strictObject({
  name: nonEmptyText(120),
  typeCode: z.string().min(1),
  area: optionalText(60),
  email: z.union([email, z.literal('')]).optional().transform((v) => v || undefined),
  phone: optionalText(30),
});
export type ServiceUnitInput = z.infer<typeof ServiceUnitBody>;

export const ServiceUnitUpdateBody = ServiceUnitBody.extend({
  active: z.boolean(),
  version: recordVersion(),
});
export type ServiceUnitUpdateInput = z.infer<typeof ServiceUnitUpdateBody>;

export const ServiceUnitTypeBody = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'errors.invalidType' }),
  nameNb: nonEmptyText(120),
  nameNn: nonEmptyText(120),
  nameEn: nonEmptyText(120),
});
export type ServiceUnitTypeInput = z.infer<typeof ServiceUnitTypeBody>;

export const StaffBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, { message: 'errors.usernameFormat' }),
  displayName: nonEmptyText(120),
  email,
  phone: optionalText(30),
  // Optional: lets the employee sign in with ID-porten. Validated, never logged or put in a URL.
  nationalId: z.union([nationalId, z.literal('')]).optional().transform((v) => v || undefined),
  serviceUnitId: uuid,
  title: optionalText(120),
  language: language.default('nb'),
  roles: z.array(z.enum(STAFF_ROLES)).min(1, { message: 'errors.roleRequired' }),
});
export type StaffInput = z.infer<typeof StaffBody>;

export const StaffUpdateBody = StaffBody.extend({
  active: z.boolean(),
  version: recordVersion(),
});
export type StaffUpdateInput = z.infer<typeof StaffUpdateBody>;
