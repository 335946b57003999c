import { z } from './zod';
import { relativePosition } from './schemas';

/** Longest passage an amendment targets, and longest wording it proposes: a paragraph's worth. */
export const AMENDMENT_MAX_CHARS = 2_000;
/** Longest justification of an amendment, or reason for rejecting one. */
export const REASON_MAX_CHARS = 2_000;

export const AMENDMENT_KINDS = ['replace', 'insert', 'delete'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
export type AmendmentStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';
export type Stance = 'cosponsor' | 'object';

/**
 * A proposal, as the page sends it: the selected passage (Yjs relative positions, base64) and what to
 * do with it. `replace` puts `text` in its place, `insert` adds `text` just after it, `delete` removes it.
 */
export const amendmentInput = z
  .object({
    kind: z.enum(AMENDMENT_KINDS),
    from: relativePosition,
    to: relativePosition,
    text: z.string().max(AMENDMENT_MAX_CHARS).default(''),
    justification: z.string().trim().max(REASON_MAX_CHARS).default(''),
  })
  .refine((a) => a.kind === 'delete' || a.text.trim() !== '', { path: ['text'], params: { reason: 'empty' } });
export type AmendmentInput = z.infer<typeof amendmentInput>;

/** What a member does with an amendment (POST /api/amendments/:id). */
export const amendmentAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('cosponsor') }),
  z.object({ action: z.literal('object') }),
  z.object({ action: z.literal('accept') }),
  z.object({
    action: z.literal('reject'),
    reason: z.string().trim().min(1).max(REASON_MAX_CHARS),
  }),
  z.object({ action: z.literal('withdraw') }),
]);
export type AmendmentAction = z.infer<typeof amendmentAction>;

/** An amendment as members see it (GET /api/sections/:id/amendments). */
export type AmendmentView = {
  id: string;
  number: number;
  sectionId: string;
  /** The proposing state's code; null: the chair. */
  sponsorState: string | null;
  kind: AmendmentKind;
  targetText: string;
  proposedText: string;
  justification: string;
  status: AmendmentStatus;
  /** Where the passage stands now ("4.2"); null when it is no longer in the text. */
  paragraph: string | null;
  /** Pending, but the passage no longer reads as it did when proposed: it can no longer be accepted as is. */
  outdated: boolean;
  cosponsors: string[];
  objections: string[];
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Base64 Yjs relative positions of the passage, for the editor to mark it. */
  from: string;
  to: string;
};
