import type { Quote } from './discussion';

/** An open thread's quoted passage, marked in the text with the thread's first message. */
export type DiscussedPassage = {
  /** The thread's first message; the discussion shows it at #comment-<id>. */
  id: string;
  quote: Quote;
  /** Who wrote the first message, and the state they wrote for (if any). */
  author: string;
  stateCode: string | null;
  body: string;
};
