import * as Y from 'yjs';
import { entryUpdate, USERS_FIELD } from './attribution-record';
import { paragraphsUpdate } from './paragraphs';

/** Plain paragraphs as `paragraphsUpdate` makes them, attributed to `authorId` as if that user had typed them. */
export function authoredParagraphsUpdate(paragraphs: readonly string[], authorId: string): Uint8Array {
  const text = paragraphsUpdate(paragraphs);
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, text);
  Y.applyUpdate(doc, entryUpdate(authorId));
  const entry = doc.getMap<Y.Map<unknown>>(USERS_FIELD).get(authorId)!;
  (entry.get('ids') as Y.Array<number>).push([...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(text)).keys()]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
