import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { docStates, docUpdates } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { unpackState } from '../../server/collab/storage/stored-state';

/** A document as stored in the database (merged state plus log), read independently of the server. */
export async function storedDocument(db: Db, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc({ gc: false });
  const [state] = await db.select().from(docStates).where(eq(docStates.docId, docId));
  if (state) Y.applyUpdate(doc, await unpackState(state));
  for (const row of await db.select().from(docUpdates).where(eq(docUpdates.docId, docId))) Y.applyUpdate(doc, row.data);
  return doc;
}

export async function storedText(db: Db, docId: string): Promise<string> {
  return documentText(await storedDocument(db, docId));
}
