import { z } from 'zod';
import { TEXT_LANGUAGES } from '../shared/text-languages';

/**
 * A plan's text as it arrives from outside (the CLI, a route): section ids must be unique; a section
 * may declare its language ("es", "en", "pt", "fr"), otherwise each paragraph's is detected.
 */
export const planTextSchema = z
  .object({
    sections: z.array(
      z.object({
        id: z.string().min(1),
        lang: z.enum(TEXT_LANGUAGES).optional(),
        paragraphs: z.array(z.string()),
      }),
    ),
  })
  .refine((plan) => new Set(plan.sections.map((section) => section.id)).size === plan.sections.length, {
    message: 'section ids must be unique',
    path: ['sections'],
  });
