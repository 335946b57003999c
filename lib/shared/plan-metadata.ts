import { NUMBERINGS } from './paragraph-numbers';
import { z } from './zod';

/** The OAS official languages, in which a document's original may be written. */
export const ORIGINAL_LANGUAGES = { en: 'English', es: 'Spanish', pt: 'Portuguese', fr: 'French' } as const;
export type OriginalLanguage = keyof typeof ORIGINAL_LANGUAGES;

/** The paper sizes exports are laid out on. */
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

const line = z.string().trim().max(300);

const officialLanguage = z.enum(Object.keys(ORIGINAL_LANGUAGES) as [OriginalLanguage, ...OriginalLanguage[]]);

/**
 * The document block of a plan, as the chair edits it (PUT /api/plans/:id/metadata). `language` is the
 * plan's: the one its text is written in, exports speak around the text and merges write references in;
 * `originalLanguage` only says which language the document was first drafted in ("Original: Spanish"),
 * which an English text translated from Spanish does not share. Without `language` (a client or a plan
 * version from before the two were apart), the plan's language is the original's.
 */
export const planMetadataInput = z
  .object({
    council: line,
    committee: line,
    workingGroup: line,
    symbol: z
      .string()
      .trim()
      .max(100)
      .regex(/^[\p{L}\p{N} ./\-–()]*$/u),
    date: z.iso.date().nullable(),
    originalLanguage: officialLanguage,
    language: officialLanguage.optional(),
    /** Letter unless said (and for a plan version named before the setting existed). */
    paperSize: z.enum(PAPER_SIZES).default('letter'),
    /** Paragraphs numbered by section ("3.4") unless said, or continuously across the plan ("17"). */
    numbering: z.enum(NUMBERINGS).default('section'),
  })
  .transform((block) => ({ ...block, language: block.language ?? block.originalLanguage }));

export type PlanMetadata = z.infer<typeof planMetadataInput>;
/** The document block as sent: the paper size (Letter) and the numbering (by section) may be left out. */
export type PlanMetadataInput = z.input<typeof planMetadataInput>;

/** What a plan's document block says before the chair has filled it in. */
export const EMPTY_PLAN_METADATA: PlanMetadata = {
  council: '',
  committee: '',
  workingGroup: '',
  symbol: '',
  date: null,
  originalLanguage: 'en',
  language: 'en',
  paperSize: 'letter',
  numbering: 'section',
};
