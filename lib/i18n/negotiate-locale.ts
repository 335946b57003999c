import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/**
 * The interface language of a request, most deliberate choice first: the signed-in user's account
 * (`account`, chosen with the language switch, so it follows them to another browser), then the
 * cookie the switch also sets (signed-out pages, a user who never chose), then the browser's
 * Accept-Language, then English.
 */
export function negotiateLocale(sources: {
  account?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(sources.account)) return sources.account;
  if (isLocale(sources.cookie)) return sources.cookie;
  return fromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Longest Accept-Language header read; browsers send well under 200 characters. */
const MAX_HEADER_CHARS = 1_000;

/**
 * The first language of an Accept-Language header, by weight, that the interface speaks. A regional
 * tag counts for its language (es-419, pt-BR, fr-CA → es, pt, fr); `q=0` means "not this one".
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, MAX_HEADER_CHARS)
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return {
        language: tag.trim().toLowerCase().split('-')[0] ?? '',
        weight: Number.isFinite(weight) ? weight : 0,
        order,
      };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranges.map((range) => range.language).find(isLocale) ?? null;
}
