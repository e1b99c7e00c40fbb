// Notifications: one's own list and unread count, marking read, a citizen's e-mail choice, and the
// development mailbox (only while the development sign-in is on, only for the administrator: it
// holds everyone's mail, rating links and calendar invitations with their attendees).
import { AppError, notFound } from '../../infra/http/errors.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { authorize } from '../access/access.ts';
import { readPeopleNamedIn } from '../access/person-reads.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { defineRoute } from '../../infra/http/route.ts';
import { DevMailbox, NotificationList, NotificationRead, NotificationSettings, UnreadCount } from '../../../common/contracts/notifications.ts';
import { mailboxAttachment, mailboxPage } from './queries.ts';
import { MailboxAttachmentParams, NotificationParams, NotificationSettingsBody } from './schema.ts';
import * as notifications from './service.ts';

const MAILBOX_LIMIT = 200;

/** The development mailbox exists only with the development sign-in; reading it is the administrator's, and audited. */
async function openDevMailbox(ctx: DataContext, entity?: { type: string; id: string }) {
  if (!ctx.services.config.devLogin) throw new AppError('DEV_LOGIN_DISABLED', 'errors.devLoginDisabled');
  await authorize(ctx, { action: 'devMailbox.read', purpose: 'administration', ...(entity ? { entity } : {}) });
}

export const notificationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/notifications', summary: 'My notifications, newest first, and how many are unread', tags: ['notifications'],
    audience: 'signed-in', guarded: true, query: PageQuery,
    response: NotificationList,
    handler: async (ctx, { query }) => notifications.listOwnNotifications(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/notifications/unread-count', summary: 'How many of my notifications are unread (for the header)', tags: ['notifications'],
    audience: 'signed-in', guarded: true,
    response: UnreadCount,
    handler: async (ctx) => notifications.countOwnUnread(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/notifications/:id/read', summary: 'Mark one of my notifications as read', tags: ['notifications'],
    audience: 'signed-in', guarded: true, params: NotificationParams,
    response: NotificationRead,
    handler: async (ctx, { params }) => notifications.markNotificationRead(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/notifications/read-all', summary: 'Mark all my notifications as read', tags: ['notifications'],
    audience: 'signed-in', guarded: true,
    response: UnreadCount,
    handler: async (ctx) => notifications.markAllNotificationsRead(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/notification-settings', summary: 'A citizen\'s choice of notifications by e-mail', tags: ['notifications'],
    audience: 'citizen', guarded: true,
    response: NotificationSettings,
    handler: async (ctx) => notifications.getNotificationSettings(ctx),
  }),
  defineRoute({
    method: 'PUT', url: '/api/notification-settings', summary: 'Choose whether new notifications also come by e-mail (citizens; off until chosen)',
    tags: ['notifications'], retrySafe: 'sets one\'s own choice to the value sent: a repeat changes nothing and there is nobody else\'s edit to overwrite', audience: 'citizen', guarded: true, body: NotificationSettingsBody,
    response: NotificationSettings,
    handler: async (ctx, { body }) => notifications.setNotificationSettings(ctx, body.emailNotifications),
  }),
  defineRoute({
    method: 'GET', url: '/api/dev/mailbox', summary: 'Development mailbox: the mail in the outbox (only with the development sign-in)',
    tags: ['notifications'], audience: 'signed-in', guarded: true,
    response: DevMailbox,
    handler: async (ctx) => {
      await openDevMailbox(ctx);
      const mails = await mailboxPage(ctx.trx, MAILBOX_LIMIT);
      // Everyone's outgoing mail: the people its texts and links name are read with it.
      await readPeopleNamedIn(ctx, mails, { action: 'devMailbox.read', purpose: 'administration', reason: 'named_in_mail' });
      return { mails };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/dev/mailbox/:id/attachments/:position', summary: 'Development mailbox: an attachment of a mail',
    tags: ['notifications'], audience: 'signed-in', guarded: true, params: MailboxAttachmentParams,
    produces: '*/*',
    handler: async (ctx, { params }) => {
      await openDevMailbox(ctx, { type: 'outbound_email', id: params.id });
      const file = await mailboxAttachment(ctx.trx, params.id, params.position);
      if (!file) throw notFound();
      const name = file.filename.replace(/[^\w.\- ]/g, '_');
      return ctx.reply.type(file.content_type).header('content-disposition', `attachment; filename="${name}"`).send(file.content);
    },
  }),
];
