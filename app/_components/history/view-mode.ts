import type * as Y from 'yjs';

/** A section version as the history names it: its name, or what kind of version it is, and when. */
export type VersionRef = { kind: 'auto' | 'named' | 'restore'; name: string | null; createdAt: string };

/** What a view of changes highlights, as its legend says: words not added, kept edits sent, since the last visit, since a version. */
export type ChangesWhat =
  | { what: 'unsent' }
  | { what: 'restored' }
  | { what: 'sinceVisit'; at: string }
  | { what: 'sinceVersion'; version: VersionRef };

/** What the editor shows: the live text, or one of the history views over it (DocumentViews). */
export type ViewMode =
  | { kind: 'live' }
  | { kind: 'authorship' }
  /** What changed since `since` (the reader's last visit, or the document before kept edits were sent), live. */
  | { kind: 'changes'; since: Y.Snapshot; what: ChangesWhat }
  | { kind: 'version'; id: string }
  | { kind: 'compare'; from: string; to: string };
