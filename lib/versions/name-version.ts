import type { Db } from '../../db/client';
import { documentHost } from '../documents/live-documents';
import { authorize } from '../permissions/authorize-action';
import { documentTarget } from './document-target';
import { saveVersion } from './save-version';

/** A named version of one document, by the chair or a coordinator of the section's states. */
export async function nameVersion(
  db: Db,
  options: { userId: string; docId: string; name: string },
): Promise<{ id: string }> {
  const target = await documentTarget(db, options.docId);
  await authorize(db, {
    userId: options.userId,
    planId: target.planId,
    action: { type: 'version.name', ...(target.section && { section: target.section }) },
  });
  return documentHost().read(options.docId, (doc, people) =>
    saveVersion(db, {
      docId: options.docId,
      doc,
      users: people,
      kind: 'named',
      name: options.name,
      createdBy: options.userId,
    }),
  );
}
