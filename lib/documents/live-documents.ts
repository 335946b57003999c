import type * as Y from 'yjs';

/**
 * Access to the live documents held by the collaboration server, for domain functions called from
 * route handlers in the same process (versions, restore, attribution). On globalThis because Next
 * bundles its own copy of lib/.
 */
export interface DocumentHost {
  /** Runs `read` on the live document, loading it from the database if no one has it open. */
  read<T>(docId: string, read: (doc: Y.Doc, users: Y.PermanentUserData) => T): Promise<T>;
  /**
   * Makes a change on a copy of the document and applies the difference to the live one as a new
   * change attributed to `userId`: everyone connected sees it, and history keeps what came before.
   */
  change(docId: string, userId: string, change: (copy: Y.Doc) => void): Promise<void>;
  /**
   * Locks these paragraphs (their elements' Yjs ids) of the live document against every write, from now
   * on, if it is open here; a room that loads later reads them from the database.
   */
  lockParagraphs(docId: string, ids: ReadonlySet<string>): void;
}

const KEY = Symbol.for('concordia.documentHost');

export function registerDocumentHost(host: DocumentHost | null): void {
  (globalThis as { [KEY]?: DocumentHost | null })[KEY] = host;
}

export function documentHost(): DocumentHost {
  const host = (globalThis as { [KEY]?: DocumentHost | null })[KEY];
  if (!host) throw new Error('no collaboration server in this process');
  return host;
}
