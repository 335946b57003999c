import type { OverlapView } from '../../../lib/consolidation/list-overlaps';
import type { CommentView } from '../../../lib/discussion/comment-view';
import type { PlanActivity } from '../../../lib/plans/plan-activity';
import type { AmendmentView } from '../../../lib/shared/amendments';
import type { DiscussedPassage } from '../../../lib/shared/discussed-passage';
import type { Quote } from '../../../lib/shared/discussion';
import type { ParagraphRow } from '../../../lib/shared/paragraph-status';
import type { BracketedSpanView } from '../../../lib/shared/bracketed-spans';
import type { SectionNumbering } from '../../../lib/shared/paragraph-numbers';

/**
 * What a live editor's connection hears about its room, for the other parts of the page: the server's
 * overlaps for a section and activity for a plan's goal, sent whenever they change and after a
 * reconnection; a section's new discussion messages; and that the document synced again after a lost
 * connection (what was sent meanwhile was missed). Also, within the page, a passage chosen in the editor
 * to discuss, a discussed passage to show in the editor, the passages of the open threads to mark in
 * it, and words to start a message with.
 */
export type RoomEvent = { room: string } & (
  | { kind: 'overlaps'; overlaps: OverlapView[] }
  | { kind: 'activity'; activity: PlanActivity }
  | { kind: 'comment'; comment: CommentView }
  | { kind: 'resynced' }
  /** The first sync: the connection is in its room, so whatever is read from now on misses no push. */
  | { kind: 'synced' }
  | { kind: 'quote'; quote: Quote }
  | { kind: 'show-passage'; quote: Quote }
  | { kind: 'compose'; text: string }
  | {
      kind: 'amendments';
      amendments: AmendmentView[];
      paragraphs: ParagraphRow[];
      spans: BracketedSpanView[];
      numbering?: SectionNumbering;
      references?: Record<string, string>;
    }
  | { kind: 'amend'; quote: Quote }
  /** The chair chose words in the editor to put in brackets. */
  | { kind: 'bracket'; quote: Quote }
  | { kind: 'discussed'; passages: DiscussedPassage[] }
  | { kind: 'observer-channel'; open: boolean }
);

const EVENT = 'concordia:room';

/** The passages last announced per room, for an editor that mounts after the discussion has loaded. */
const discussed = new Map<string, DiscussedPassage[]>();

export function lastDiscussedPassages(room: string): DiscussedPassage[] {
  return discussed.get(room) ?? [];
}

export function announceRoomEvent(event: RoomEvent): void {
  if (event.kind === 'discussed') discussed.set(event.room, event.passages);
  window.dispatchEvent(new CustomEvent<RoomEvent>(EVENT, { detail: event }));
}

export function onRoomEvent(room: string, listener: (event: RoomEvent) => void): () => void {
  const handle = (event: Event) => {
    const detail = (event as CustomEvent<RoomEvent>).detail;
    if (detail.room === room) listener(detail);
  };
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
