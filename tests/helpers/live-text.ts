import { documentHost } from '../../lib/documents/live-documents';
import { documentText } from '../../lib/documents/paragraphs';

/** A document's text as the server holds it now, stored or not (the server runs in this process). */
export function liveText(docId: string): Promise<string> {
  return documentHost().read(docId, (doc) => documentText(doc));
}
