import { attributedRuns } from '../../lib/documents/change-runs';
import { documentHost } from '../../lib/documents/live-documents';

/** Who wrote each word of the live document, as the server records it (the server runs in this process). */
export async function authorsOfWords(docId: string): Promise<Map<string, string | null>> {
  const runs = await documentHost().read(docId, (doc, users) => attributedRuns(doc, users));
  const authors = new Map<string, string | null>();
  for (const run of runs) for (const word of run.text.split(/\s+/).filter(Boolean)) authors.set(word, run.userId);
  return authors;
}
