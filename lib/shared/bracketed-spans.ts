import { relativePosition } from './schemas';
import { z } from './zod';

/** Longest span the chair may bracket, and longest alternative wording: a sentence or two, not a paragraph. */
export const SPAN_MAX_CHARS = 500;
/** Alternatives offered for one span at most: beyond a handful, the text is for a drafting group, not brackets. */
export const MAX_ALTERNATIVES = 5;
/** Open bracketed spans one section holds at most: what one chair can make every page of it draw. */
export const MAX_SPANS_PER_SECTION = 200;

/**
 * The chair brackets a span of a paragraph (POST /api/sections/:id/bracketed-spans): its ends as Yjs
 * relative positions (base64), and the wordings offered in its place, each with the state that proposed
 * it if any ("States [shall][should] adopt").
 */
export const bracketSpanInput = z.object({
  from: relativePosition,
  to: relativePosition,
  alternatives: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(SPAN_MAX_CHARS),
        state: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .nullable()
          .default(null),
      }),
    )
    .max(MAX_ALTERNATIVES)
    .default([]),
});
export type BracketSpanInput = z.input<typeof bracketSpanInput>;

/**
 * What the chair does with a bracketed span (POST /api/bracketed-spans/:id): `resolve` keeps one wording
 * (0: the span's own words, 1…: an alternative) as plain text, `unbracket` takes the brackets away and
 * leaves the words as they stand.
 */
export const settleSpanInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('resolve'), keep: z.number().int().min(0).max(MAX_ALTERNATIVES) }),
  z.object({ action: z.literal('unbracket') }),
]);
export type SettleSpanInput = z.infer<typeof settleSpanInput>;

/** A bracketed span as pages and exports see it. */
export type BracketedSpanView = {
  id: string;
  /** The paragraph it stands in now ("2.3"); null when its words are no longer in the text. */
  paragraph: string | null;
  /** The span's words now (as bracketed, when they are gone). */
  text: string;
  /** Its words changed since the chair bracketed them (they are still shown in brackets as they now read). */
  changed: boolean;
  alternatives: Array<{ text: string; state: string | null }>;
  /** Base64 Yjs relative positions of the span's ends, for the editor to draw it. */
  from: string;
  to: string;
  /** Where the span starts and ends in its paragraph's text (hard breaks count one), for exports. */
  start: number;
  end: number;
};
