import { z } from 'zod';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { language } from '../../infra/http/schemas.ts';

export const DevLoginBody = z.strictObject({ username: z.string().trim().min(1).max(100) });
export const SwitchRoleBody = z.strictObject({ role: z.enum(STAFF_ROLES) });
export const LanguageBody = z.strictObject({ language });
export const OidcParams = z.strictObject({ audience: z.enum(['staff', 'citizen']) });
export const OidcCallbackQuery = z.object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() });
