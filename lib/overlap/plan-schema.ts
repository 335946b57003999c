import { z } from 'zod';

/** A plan's text as it arrives from outside (the CLI, a route): section ids must be unique. */
export const planTextSchema = z
  .object({
    sections: z.array(
      z.object({
        id: z.string().min(1),
        paragraphs: z.array(z.string()),
      }),
    ),
  })
  .refine((plan) => new Set(plan.sections.map((section) => section.id)).size === plan.sections.length, {
    message: 'section ids must be unique',
    path: ['sections'],
  });
