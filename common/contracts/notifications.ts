// Notifications in the app, the e-mail settings and the development mailbox.
import { z } from 'zod';
import { PAGE } from './shared.ts';

export const NotificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  link: z.string(),
  subjectPersonId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

/** GET /api/notifications */
export const NotificationList = z.object({ notifications: z.array(NotificationItem), unread: z.number(), ...PAGE });
export type NotificationList = z.infer<typeof NotificationList>;

/** GET /api/notifications/unread-count and POST /api/notifications/read-all */
export const UnreadCount = z.object({ unread: z.number() });
export type UnreadCount = z.infer<typeof UnreadCount>;

/** POST /api/notifications/:id/read */
export const NotificationRead = z.object({ id: z.string(), unread: z.number() });
export type NotificationRead = z.infer<typeof NotificationRead>;

/** GET and PUT /api/notification-settings */
export const NotificationSettings = z.object({ emailNotifications: z.boolean(), email: z.string().nullable() });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const Mail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  language: z.string(),
  status: z.enum(['queued', 'sent', 'dev_mailbox', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  attachments: z.array(z.object({ position: z.number(), filename: z.string(), contentType: z.string(), size: z.number() })),
});
export type Mail = z.infer<typeof Mail>;

/** GET /api/dev/mailbox */
export const DevMailbox = z.object({ mails: z.array(Mail) });
export type DevMailbox = z.infer<typeof DevMailbox>;
