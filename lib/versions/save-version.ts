import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { versions } from '../../db/schema';
import { editorsBetween, sameContentAsAt, sameInstant, takeSnapshot } from '../documents/snapshots';
import { appError } from '../i18n/error-text';

export type VersionKind = 'auto' | 'named' | 'restore';

/**
 * Stores the document's current instant, with who edited it since the previous version. Versions of one
 * document are saved one at a time (every instance holding it may save one): an automatic version of the
 * text the latest version already holds is that version (also when the instants differ: someone joined,
 * or typed and took it back), so History never lists the same text twice in a row; and a name given to
 * a version of the document (outside a plan version) names one version only.
 */
export async function saveVersion(
  db: Db,
  options: {
    docId: string;
    doc: Y.Doc;
    users: Y.PermanentUserData;
    kind: VersionKind;
    name?: string | null;
    createdBy?: string | null;
    planVersionId?: string | null;
  },
): Promise<{ id: string }> {
  const snapshot = takeSnapshot(options.doc);
  const name = options.name ?? null;
  return db.transaction(async (tx) => {
    await lockUntilCommit(tx, lockKey.documentVersions(options.docId));
    const [previous] = await tx
      .select({ id: versions.id, snapshot: versions.snapshot })
      .from(versions)
      .where(eq(versions.docId, options.docId))
      .orderBy(desc(versions.createdAt))
      .limit(1);
    if (
      options.kind === 'auto' &&
      !name &&
      previous &&
      (sameInstant(previous.snapshot, snapshot) || sameContentAsAt(options.doc, previous.snapshot))
    )
      return { id: previous.id };
    if (options.kind === 'named' && name && !options.planVersionId) {
      const [taken] = await tx
        .select({ id: versions.id })
        .from(versions)
        .where(
          and(
            eq(versions.docId, options.docId),
            eq(versions.kind, 'named'),
            eq(versions.name, name),
            isNull(versions.planVersionId),
          ),
        )
        .limit(1);
      if (taken) throw appError('conflict', 'versionNameTaken', { name });
    }
    const [row] = await tx
      .insert(versions)
      .values({
        docId: options.docId,
        kind: options.kind,
        name,
        planVersionId: options.planVersionId ?? null,
        snapshot,
        editors: editorsBetween(options.users, previous?.snapshot ?? null, snapshot),
        createdBy: options.createdBy ?? null,
        // The moment it is stored, after the lock: a transaction that waited for another's version
        // comes after it, though it began before (now() is when a transaction began).
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: versions.id });
    if (!row) throw new Error('version insert returned nothing');
    return row;
  });
}
