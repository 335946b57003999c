import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';
import { auditFilterCondition, type AuditFilter } from './audit-filters';
import { pageOf } from './page-of';

export type AuditView = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
};

/** Entries on one page of the log: enough to scan, few enough to render at once. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * One page of the plan's audit log, newest first; the chair's and the administrator's to read, archived
 * plans' included. `filter`: of one kind, concerning one state, older than an entry; the database applies
 * it, so a filter finds entries however far back. `olderBefore`: the cursor of the next page, if any.
 */
export async function listAudit(
  db: Db,
  options: { userId: string; planId: string; limit?: number; filter?: AuditFilter },
): Promise<{ entries: AuditView[]; olderBefore: number | null }> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'audit.read' } });
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const rows = await db
    .select({ entry: auditLog, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.planId, options.planId), auditFilterCondition(options.filter ?? {})))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const { page, olderBefore } = pageOf(rows, limit, (row) => row.entry.id);
  return {
    entries: page.map(({ entry, actor }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor,
      action: entry.action,
      target: entry.target,
      before: entry.before,
      after: entry.after,
    })),
    olderBefore,
  };
}
