import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';
import { matchesAuditFilter, type AuditFilter } from './audit-filters';

export type AuditView = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
};

/** The plan's audit log, newest first; the chair's to read. `filter`: of one kind, or concerning one state. */
export async function listAudit(
  db: Db,
  options: { userId: string; planId: string; limit?: number; filter?: AuditFilter },
): Promise<AuditView[]> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'audit.read' } });
  const rows = await db
    .select({ entry: auditLog, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.planId, options.planId))
    .orderBy(desc(auditLog.id))
    .limit(options.limit ?? 500);
  const filter = options.filter ?? {};
  return rows
    .filter(({ entry }) => matchesAuditFilter(entry, filter))
    .map(({ entry, actor }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor,
      action: entry.action,
      target: entry.target,
      before: entry.before,
      after: entry.after,
    }));
}
