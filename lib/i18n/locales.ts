/**
 * The interface languages: the four official languages of the OAS. Safe in the browser and on the
 * server; the one list every part of the app takes them from.
 */
export const LOCALES = ['en', 'es', 'pt', 'fr'] as const;

export type Locale = (typeof LOCALES)[number];

/** What a reader gets when nothing says otherwise (no account choice, cookie or Accept-Language match). */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in its own words, as the language switch offers it: a reader finds theirs without reading the others. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', pt: 'Português', fr: 'Français' };

/**
 * The cookie that carries the reader's choice where there is no account (signed-out pages) and before
 * one is read. Not httpOnly: a signed-out page sets it from the browser.
 */
export const LOCALE_COOKIE = 'concordia-locale';

/** A year: a choice of language outlives sessions. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
