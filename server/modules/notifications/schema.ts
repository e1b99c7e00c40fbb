import { z } from 'zod';
import { uuid } from '../../infra/http/schemas.ts';

export const NotificationParams = z.strictObject({ id: uuid });

export const NotificationSettingsBody = z.strictObject({ emailNotifications: z.boolean() });

export const MailboxAttachmentParams = z.strictObject({ id: uuid, position: z.coerce.number().int().min(1).max(1000) });
