import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { versions } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { restoreInto } from '../documents/snapshots';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { documentTarget } from './document-target';
import { saveVersion } from './save-version';

/**
 * Brings a document back to a version as a new change everyone connected sees; the versions before
 * and after stay viewable, so restoring is itself undone by restoring again.
 */
export async function restoreVersion(
  db: Db,
  options: { userId: string; docId: string; versionId: string },
): Promise<{ id: string }> {
  const target = await documentTarget(db, options.docId);
  await authorize(db, {
    userId: options.userId,
    planId: target.planId,
    action: { type: 'version.restore', ...(target.section && { section: target.section }) },
  });
  const [row] = await db
    .select()
    .from(versions)
    .where(and(eq(versions.id, options.versionId), eq(versions.docId, options.docId)));
  if (!row) throw appError('not_found', 'versionNotFound');
  const host = documentHost();
  await host.read(options.docId, (doc, people) =>
    saveVersion(db, { docId: options.docId, doc, users: people, kind: 'auto', name: 'Before restore' }),
  );
  await host.change(options.docId, options.userId, (copy) => restoreInto(copy, row.snapshot));
  const label = row.name ?? row.createdAt.toISOString();
  const saved = await host.read(options.docId, (doc, people) =>
    saveVersion(db, {
      docId: options.docId,
      doc,
      users: people,
      kind: 'restore',
      name: `Restored “${label}”`,
      createdBy: options.userId,
    }),
  );
  await recordAudit(db, {
    planId: target.planId,
    actorId: options.userId,
    action: 'version.restored',
    target: `doc:${options.docId}`,
    after: { versionId: row.id, name: row.name },
  });
  return saved;
}
