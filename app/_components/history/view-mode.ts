import type * as Y from 'yjs';

/** What the editor shows: the live text, or one of the history views over it (DocumentViews). */
export type ViewMode =
  | { kind: 'live' }
  | { kind: 'authorship' }
  /** What changed since `since` (the reader's last visit, or the document before kept edits were sent), live. */
  | { kind: 'changes'; since: Y.Snapshot; what: string }
  | { kind: 'version'; id: string }
  | { kind: 'compare'; from: string; to: string };
