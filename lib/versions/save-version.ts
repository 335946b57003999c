import { desc, eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Db } from '../../db/client';
import { versions } from '../../db/schema';
import { editorsBetween, takeSnapshot } from '../documents/history';

export type VersionKind = 'auto' | 'named' | 'restore';

/** Stores the document's current instant, with who edited it since the previous version. */
export async function saveVersion(
  db: Db,
  options: { docId: string; doc: Y.Doc; users: Y.PermanentUserData; kind: VersionKind; name?: string | null; createdBy?: string | null; planVersionId?: string | null },
): Promise<{ id: string }> {
  const snapshot = takeSnapshot(options.doc);
  const [previous] = await db.select({ snapshot: versions.snapshot }).from(versions).where(eq(versions.docId, options.docId)).orderBy(desc(versions.createdAt)).limit(1);
  const [row] = await db
    .insert(versions)
    .values({
      docId: options.docId,
      kind: options.kind,
      name: options.name ?? null,
      planVersionId: options.planVersionId ?? null,
      snapshot,
      editors: editorsBetween(options.users, previous?.snapshot ?? null, snapshot),
      createdBy: options.createdBy ?? null,
    })
    .returning({ id: versions.id });
  if (!row) throw new Error('version insert returned nothing');
  return row;
}
