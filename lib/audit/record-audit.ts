import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';

export type AuditEntry = {
  planId: string;
  actorId: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
};

/** Appends to the audit log; call inside the transaction that makes the change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}
