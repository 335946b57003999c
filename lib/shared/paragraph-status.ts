import { z } from './zod';
import { relativePosition } from './schemas';

export const PARAGRAPH_STATUSES = ['bracketed', 'ad_referendum', 'agreed'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/**
 * The chair sets a paragraph's status (POST /api/sections/:id/paragraph-status): `at` is any place in the
 * paragraph (a Yjs relative position, base64); `none` takes the status away; `ad_referendum` names the
 * states that agree subject to their capitals. Setting anything but `agreed` on an agreed paragraph reopens it.
 */
export const paragraphStatusInput = z
  .object({
    at: relativePosition,
    status: z.enum([...PARAGRAPH_STATUSES, 'none']),
    adRefStates: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .max(35)
      .default([]),
  })
  .refine((v) => (v.status === 'ad_referendum') === v.adRefStates.length > 0, {
    path: ['adRefStates'],
    params: { reason: 'adReferendumStates' },
  });
export type ParagraphStatusInput = z.infer<typeof paragraphStatusInput>;

/** The longest reservation a state may record: a statement of a few paragraphs, as footnotes carry them. */
export const RESERVATION_MAX_CHARS = 2000;

/**
 * A coordinator records their state's reservation on an agreed paragraph (POST
 * /api/sections/:id/reservations): `at` is any place in the paragraph, `text` the state's statement;
 * recording again replaces it. DELETE with `at` alone withdraws it.
 */
export const reservationInput = z.object({
  at: relativePosition,
  text: z.string().trim().min(1).max(RESERVATION_MAX_CHARS),
});
export type ReservationInput = z.infer<typeof reservationInput>;
export const withdrawReservationInput = z.object({ at: relativePosition });

/** A state's reservation on a paragraph, as pages and exports see it. */
export type ReservationView = { state: string; text: string; recordedAt: string };

/** A paragraph's status as pages and exports see it. */
export type ParagraphStatusView = {
  /** Base64 Yjs relative position on the paragraph's element: the editor finds the paragraph by it. */
  anchor: string;
  /** The paragraph's number now ("2.3"); null when it is no longer a numbered paragraph of the text. */
  paragraph: string | null;
  status: ParagraphStatus;
  adRefStates: string[];
  setAt: string;
};

/**
 * A numbered paragraph of a section as the status panel lists it (GET /api/sections/:id/paragraph-status
 * and message 107): its number, its first words, and its status (null: none).
 */
export type ParagraphRow = {
  /** Base64 Yjs relative position on the paragraph's element: `at` when the chair sets its status. */
  anchor: string;
  paragraph: string;
  excerpt: string;
  status: ParagraphStatus | null;
  adRefStates: string[];
  /** The states' reservations on the paragraph, by state code. */
  reservations: ReservationView[];
  /** How many spans of it stand in brackets (bracketed-spans.ts): with any, it is not agreed yet. */
  bracketedSpans: number;
};

/** Characters of a paragraph the status panel shows. */
export const EXCERPT_CHARS = 90;

/** Paragraphs by status, for a section or the whole plan; `numbered` counts every numbered paragraph. */
export type StatusCounts = { numbered: number; agreed: number; adReferendum: number; bracketed: number };

/**
 * Numbered paragraphs by status. A paragraph with spans in brackets counts as bracketed, whatever status
 * it was given: words of it are still under negotiation.
 */
export function countStatuses(
  rows: readonly (Pick<ParagraphRow, 'status'> & Partial<Pick<ParagraphRow, 'bracketedSpans'>>)[],
): StatusCounts {
  const bracketed = (r: (typeof rows)[number]) => r.status === 'bracketed' || (r.bracketedSpans ?? 0) > 0;
  return {
    numbered: rows.length,
    agreed: rows.filter((r) => r.status === 'agreed' && !bracketed(r)).length,
    adReferendum: rows.filter((r) => r.status === 'ad_referendum' && !bracketed(r)).length,
    bracketed: rows.filter(bracketed).length,
  };
}
