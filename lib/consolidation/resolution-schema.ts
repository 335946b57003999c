import { z } from 'zod';

/** What the chair decides about an open overlap. */
export const resolutionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('merge'),
    /** Whose paragraph stays (edited to `wording` when given); the other becomes a cross-reference to it. */
    keep: z.enum(['a', 'b']),
    wording: z.string().trim().min(1).max(5000).optional(),
    /**
     * The part of the other paragraph that the reference replaces, as the preview showed it (by default
     * the sentences that overlap the kept passage); the rest of that paragraph stays.
     */
    replace: z.string().trim().min(1).max(5000).optional(),
  }),
  z.object({ kind: z.literal('keep'), reason: z.string().trim().min(3).max(500) }),
  z.object({ kind: z.literal('dismiss'), reason: z.string().trim().max(500).optional() }),
]);

export type ResolutionRequest = z.infer<typeof resolutionSchema>;
