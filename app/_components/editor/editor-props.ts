import type { LastVisit } from '../history/use-last-visit';
import type { Find } from './extensions/find-highlights';
import type { Highlight } from './extensions/overlap-highlights';
import type { Person } from './people';
import type { ReadOnlyReason } from './read-only-reasons';

/** Who is editing: `userId` keys what this browser keeps of their unsent edits; the rest is shown to others. */
export type EditorIdentity = { userId: string; name: string; state: string | null; color: string; role: string };

/** What a page says about a live editor it shows (CollabEditor). */
export type EditorProps = {
  roomId: string;
  editable: boolean;
  identity: EditorIdentity;
  /** Plan members by user id: whose words are whose in authorship and history views. */
  people?: Record<string, Person>;
  /** Section documents have a history panel and take imports; the goal does not. */
  history?: {
    sectionId: string;
    canName: boolean;
    canRestore: boolean;
    lastVisit?: LastVisit | null;
    showSinceVisit?: boolean;
  };
  /** Why the server will not accept this user's edits: said instead of the toolbar. */
  readOnlyReason?: ReadOnlyReason;
  compact?: boolean;
  /** The text's accessible name, which tells one editor on the page from another ("Document text" when none). */
  textLabel?: string;
  /** An id for the editable text: where the page's skip link leads. */
  textId?: string;
  /** The plan page's goal: its connection is also sent the plan's activity (activity-provider.tsx). */
  followPlan?: boolean;
  /** Paragraphs to mark (overlaps); a focused one is scrolled into view once it is there. */
  highlights?: readonly Highlight[];
  /** Words found by the plan search: marked in the text, the chosen paragraph's scrolled into view. */
  find?: Find;
  /** Whether the user takes part in the section's discussion: a selected passage can be discussed there. */
  canDiscuss?: boolean;
  /** A section's number in the plan: its paragraphs are numbered in the margin (3.1, 3.2, …). */
  sectionNumber?: number;
  /** Numbered continuously across the plan: how many numbered paragraphs the sections before hold (null: by section). */
  continuousFrom?: number | null;
  /** Whether the user may propose amendments to this section (negotiation/): offered on a selection. */
  canAmend?: boolean;
  /** Whether the user may put words of this section in brackets (the chair in consolidation): offered on a selection. */
  canBracket?: boolean;
};
