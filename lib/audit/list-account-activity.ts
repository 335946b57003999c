import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { pageOf } from './page-of';

export type AccountActivity = {
  id: number;
  at: string;
  /** Who did it: the account's owner, an administrator, or null for the system (a lock) or a deleted account. */
  actorId: string | null;
  actor: string | null;
  action: string;
  after: unknown;
};

/** Entries on one page of an account's activity. */
export const ACCOUNT_ACTIVITY_PAGE_SIZE = 20;

/**
 * What happened to an account, newest first: sign-ins, locks, password changes, reset links made and
 * used (the audit entries whose target is the account). Its owner reads their own; an administrator
 * reads anyone's. `before`: an entry's id, for the next page; `olderBefore`: the cursor of the page after.
 */
export async function listAccountActivity(
  db: Db,
  options: { viewerId: string; userId: string; before?: number; limit?: number },
): Promise<{ entries: AccountActivity[]; olderBefore: number | null }> {
  if (options.viewerId !== options.userId) {
    const [viewer] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, options.viewerId));
    if (!viewer?.isAdmin) throw appError('forbidden', 'onlyAdminActivity');
  }
  const limit = options.limit ?? ACCOUNT_ACTIVITY_PAGE_SIZE;
  const rows = await db
    .select({ entry: auditLog, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.target, `user:${options.userId}`),
        isNull(auditLog.planId),
        options.before === undefined ? undefined : lt(auditLog.id, options.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const { page, olderBefore } = pageOf(rows, limit, (row) => row.entry.id);
  return {
    entries: page.map(({ entry, actor }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      actor,
      action: entry.action,
      after: entry.after,
    })),
    olderBefore,
  };
}
