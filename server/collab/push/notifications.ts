import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { unreadNotifications } from '../../../lib/notifications/list-notifications';
import { onUsersNotified } from '../../../lib/notifications/notification-events';
import { encodeNotificationsMessage } from '../../../lib/shared/app-messages';
import type { Connections } from '../connections';

/**
 * Sends a user's unread count to each of their open connections whenever their notifications change,
 * read once per user. Connections exist only for signed-in sessions, and a signed-out or expired
 * session's sockets are closed (access/close-revoked-sessions.ts), so nothing reaches anyone else.
 */
export function pushNotifications(options: { db: Db; log: Logger; connections: Connections }): { close(): void } {
  return {
    close: onUsersNotified((userIds) => {
      const wanted = new Set(userIds);
      const open = new Map<string, Array<{ send(message: Uint8Array): void }>>();
      for (const connection of options.connections) {
        if (wanted.has(connection.userId))
          open.set(connection.userId, [...(open.get(connection.userId) ?? []), connection]);
      }
      for (const [userId, sockets] of open) {
        unreadNotifications(options.db, userId).then(
          (unread) => {
            const message = encodeNotificationsMessage(unread);
            for (const socket of sockets) socket.send(message);
          },
          (error: unknown) =>
            options.log.warn(
              { err: error, userId },
              'could not send a user their unread count; the bell shows it when the page next loads',
            ),
        );
      }
    }),
  };
}
