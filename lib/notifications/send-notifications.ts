import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';
import { logger } from '../log';
import { notifyUsersNotified } from './notification-events';

export type NewNotification = typeof notifications.$inferInsert;

/**
 * Most notifications one event makes: a phase change reaches every member, and a plan with more
 * members than this (observers by the thousand) notifies the first ones rather than hold the request.
 */
export const NOTIFICATION_FANOUT_MAX = 5_000;

/**
 * Stores notifications and tells the recipients' open pages. The change that caused them is already
 * made: a failure here is logged and the change stands (the recipients see it where it happened).
 */
export async function sendNotifications(db: Db, rows: readonly NewNotification[]): Promise<void> {
  const kept = rows.slice(0, NOTIFICATION_FANOUT_MAX);
  if (!kept.length) return;
  try {
    await db.insert(notifications).values(kept);
    notifyUsersNotified([...new Set(kept.map((n) => n.userId))]);
  } catch (error) {
    logger('notifications').error(
      { err: error, count: kept.length, kind: kept[0]!.kind },
      'could not store notifications',
    );
  }
}
