import { z } from 'zod';
import { PAGE } from './shared.ts';

/** GET /api/notifications */
export const ListOwnNotificationsResponse = z.object({
  notifications: z.array(z.object({
    id: z.string(),
    kind: z.string(),
    text: z.string(),
    link: z.string(),
    subjectPersonId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })),
  unread: z.number(),
  ...PAGE,
});
export type ListOwnNotificationsResponse = z.infer<typeof ListOwnNotificationsResponse>;

/** GET /api/notifications/unread-count */
export const CountOwnUnreadResponse = z.object({ unread: z.number() });
export type CountOwnUnreadResponse = z.infer<typeof CountOwnUnreadResponse>;

/** POST /api/notifications/:id/read */
export const MarkNotificationReadResponse = z.object({ id: z.string(), unread: z.number() });
export type MarkNotificationReadResponse = z.infer<typeof MarkNotificationReadResponse>;

/** POST /api/notifications/read-all */
export const MarkAllNotificationsReadResponse = z.object({ unread: z.number() });
export type MarkAllNotificationsReadResponse = z.infer<typeof MarkAllNotificationsReadResponse>;

/** GET /api/notification-settings */
export const NotificationSettingsResponse = z.object({
  emailNotifications: z.boolean(),
  email: z.string().nullable(),
});
export type NotificationSettingsResponse = z.infer<typeof NotificationSettingsResponse>;

/** PUT /api/notification-settings */
export const SetNotificationSettingsResponse = z.object({
  emailNotifications: z.boolean(),
  email: z.string().nullable(),
});
export type SetNotificationSettingsResponse = z.infer<typeof SetNotificationSettingsResponse>;

/** GET /api/dev/mailbox */
export const DevMailboxResponse = z.object({
  mails: z.array(z.object({
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
    attachments: z.array(z.object({
      position: z.number(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
    })),
  })),
});
export type DevMailboxResponse = z.infer<typeof DevMailboxResponse>;

