/**
 * The languages a plan's text is written in: the OAS official languages. Distinct from the interface
 * language (a user's choice); a section declares one and each paragraph is detected.
 */
export const TEXT_LANGUAGES = ['es', 'en', 'pt', 'fr'] as const;

export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Machine translation between two languages that are not Spanish goes through it, and cross-language comparison happens in it. */
export const PIVOT_LANGUAGE: TextLanguage = 'es';

export const isTextLanguage = (value: string): value is TextLanguage =>
  (TEXT_LANGUAGES as readonly string[]).includes(value);
