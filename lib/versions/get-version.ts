import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { versions } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { documentTarget } from './document-target';

/** One version's snapshot, for the editor to render read-only or to compare. */
export async function getVersion(db: Db, options: { userId: string; docId: string; versionId: string }) {
  const target = await documentTarget(db, options.docId);
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'plan.read' } });
  const [row] = await db
    .select()
    .from(versions)
    .where(and(eq(versions.id, options.versionId), eq(versions.docId, options.docId)));
  if (!row) throw appError('not_found', 'versionNotFound');
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    snapshot: Buffer.from(row.snapshot).toString('base64'),
  };
}
