import { z } from './zod';
import { TEXT_LANGUAGES } from './text-languages';

/** Most paragraphs one request may ask to translate: a long section's worth; a page sends only those it lacks. */
export const READ_IN_MAX_PARAGRAPHS = 200;
/** Longest paragraph translated, in characters: a page of text. */
export const READ_IN_MAX_PARAGRAPH_CHARS = 5_000;
/** Most characters one request may carry in all (about 15,000 words, under two seconds of Apertium). */
export const READ_IN_MAX_CHARS = 100_000;

/** A section page's request for machine translations of its current paragraphs into one language. */
export const readInSchema = z
  .object({
    into: z.enum(TEXT_LANGUAGES),
    paragraphs: z.array(z.string().max(READ_IN_MAX_PARAGRAPH_CHARS)).min(1).max(READ_IN_MAX_PARAGRAPHS),
  })
  .refine((body) => body.paragraphs.reduce((sum, p) => sum + p.length, 0) <= READ_IN_MAX_CHARS, {
    params: { reason: 'tooLong', max: READ_IN_MAX_CHARS },
    path: ['paragraphs'],
  });

export type ReadInRequest = z.infer<typeof readInSchema>;

/** Each paragraph's detected language and its machine translation; null when it is already in the language asked for. */
export type ReadInResponse = {
  into: ReadInRequest['into'];
  paragraphs: { language: ReadInRequest['into']; translation: string | null }[];
};
