import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications, planMembers, plans, sections } from '../../db/schema';
import { notifyUsersNotified } from './notification-events';

/** A notification as its recipient's bell and page show it, with where it leads. */
export type NotificationView = {
  id: string;
  kind: 'mention' | 'reply' | 'phase' | 'appointment';
  planTitle: string;
  sectionTitle: string | null;
  actorName: string | null;
  details: Record<string, string>;
  createdAt: string;
  read: boolean;
  href: string;
};

/** Most notifications listed; older ones stay stored. */
export const NOTIFICATIONS_SHOWN = 50;

/** The user's latest notifications, newest first, and how many of all are unread. */
export async function listNotifications(
  db: Db,
  options: { userId: string },
): Promise<{ unread: number; notifications: NotificationView[] }> {
  return {
    unread: await unreadNotifications(db, options.userId),
    notifications: await readNotificationViews(db, eq(notifications.userId, options.userId), NOTIFICATIONS_SHOWN),
  };
}

/**
 * Notifications matching `where`, newest first, as their recipients see them; only of plans the
 * recipient is still a member of (someone removed no longer reads what happens there).
 */
export async function readNotificationViews(
  db: Db,
  where: SQL | undefined,
  limit: number,
): Promise<Array<NotificationView & { userId: string }>> {
  const rows = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      planId: notifications.planId,
      planTitle: plans.title,
      sectionId: notifications.sectionId,
      sectionTitle: sections.title,
      commentId: notifications.commentId,
      actorName: notifications.actorName,
      details: notifications.details,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(plans, eq(plans.id, notifications.planId))
    .innerJoin(
      planMembers,
      and(eq(planMembers.planId, notifications.planId), eq(planMembers.userId, notifications.userId)),
    )
    .leftJoin(sections, eq(sections.id, notifications.sectionId))
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    kind: r.kind,
    planTitle: r.planTitle,
    sectionTitle: r.sectionTitle,
    actorName: r.actorName,
    details: r.details ?? {},
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
    href: r.sectionId
      ? `/plans/${r.planId}/sections/${r.sectionId}${r.commentId ? `#comment-${r.commentId}` : ''}`
      : `/plans/${r.planId}`,
  }));
}

export async function unreadNotifications(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's notifications read (these, or all); others' are never touched. Returns the unread count. */
export async function markNotificationsRead(
  db: Db,
  options: { userId: string; ids?: readonly string[] },
): Promise<number> {
  const mine = and(eq(notifications.userId, options.userId), isNull(notifications.readAt));
  const which = options.ids ? and(mine, inArray(notifications.id, [...options.ids])) : mine;
  if (options.ids?.length === 0) return unreadNotifications(db, options.userId);
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(which)
    .returning({ id: notifications.id });
  if (marked.length) notifyUsersNotified([options.userId]);
  return unreadNotifications(db, options.userId);
}
