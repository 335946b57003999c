import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';

export type AuditEntry = {
  /** Null for an entry that outlives its plan: the plan's deletion. */
  planId: string | null;
  /** Null for what the system did by itself (an account locked after too many wrong passwords). */
  actorId: string | null;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
};

/** Appends to the audit log; call inside the transaction that makes the change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}
