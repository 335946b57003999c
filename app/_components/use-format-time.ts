'use client';

import { useLocale } from 'next-intl';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Locale } from '../../lib/i18n/locales';

const neverChanges = () => () => {};

/** False on the server and while the page hydrates (so both render the same text), true after. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}

const STYLE = { dateStyle: 'medium', timeStyle: 'short' } as const;

/**
 * The browser's own variant of the interface language, when it has one (es-PE for a Peruvian reading
 * in Spanish: day, month and hour as they write them), else the language itself: dates are never in
 * a language other than the interface's.
 */
function regionalVariant(locale: Locale): string {
  const own = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === locale);
  try {
    return own ? (Intl.DateTimeFormat.supportedLocalesOf(own)[0] ?? locale) : locale;
  } catch {
    return locale;
  }
}

/**
 * Delegates follow a plan from many time zones: a moment is shown in the reader's own zone, in the
 * interface language. The server knows no zone, so what it renders says UTC, and the browser replaces
 * it once the page is live.
 */
export function useFormatTime(): (at: string | Date) => string {
  const inBrowser = useInBrowser();
  const locale = useLocale();
  const formatter = useMemo(
    () =>
      inBrowser
        ? new Intl.DateTimeFormat(regionalVariant(locale), STYLE)
        : new Intl.DateTimeFormat(locale, { ...STYLE, timeZone: 'UTC' }),
    [inBrowser, locale],
  );
  return useCallback(
    (at: string | Date) => (inBrowser ? formatter.format(new Date(at)) : `${formatter.format(new Date(at))} UTC`),
    [inBrowser, formatter],
  );
}
