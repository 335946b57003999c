import { z } from './zod';

/** The OAS official languages, in which a document's original may be written. */
export const ORIGINAL_LANGUAGES = { en: 'English', es: 'Spanish', pt: 'Portuguese', fr: 'French' } as const;
export type OriginalLanguage = keyof typeof ORIGINAL_LANGUAGES;

const line = z.string().trim().max(300, 'must be at most 300 characters');

/** The document block of a plan, as the chair edits it (PUT /api/plans/:id/metadata). */
export const planMetadataInput = z.object({
  council: line,
  committee: line,
  workingGroup: line,
  symbol: z
    .string()
    .trim()
    .max(100, 'must be at most 100 characters')
    .regex(/^[\p{L}\p{N} ./\-–()]*$/u, 'may contain letters, digits, spaces and . / - ( ) only'),
  date: z.iso.date('must be a date written YYYY-MM-DD').nullable(),
  originalLanguage: z.enum(Object.keys(ORIGINAL_LANGUAGES) as [OriginalLanguage, ...OriginalLanguage[]], {
    error: `must be one of ${Object.keys(ORIGINAL_LANGUAGES).join(', ')}`,
  }),
});

export type PlanMetadata = z.infer<typeof planMetadataInput>;

/** What a plan's document block says before the chair has filled it in. */
export const EMPTY_PLAN_METADATA: PlanMetadata = {
  council: '',
  committee: '',
  workingGroup: '',
  symbol: '',
  date: null,
  originalLanguage: 'en',
};
