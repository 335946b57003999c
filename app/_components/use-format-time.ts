'use client';

import { useCallback, useSyncExternalStore } from 'react';

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
const UTC = new Intl.DateTimeFormat('en-GB', { ...STYLE, timeZone: 'UTC' });
let local: Intl.DateTimeFormat | undefined;

/**
 * Delegates follow a plan from many time zones: a moment is shown in the reader's own zone and language.
 * The server knows neither, so what it renders says UTC, and the browser replaces it once the page is live.
 */
export function useFormatTime(): (at: string | Date) => string {
  const inBrowser = useInBrowser();
  return useCallback(
    (at: string | Date) => {
      if (!inBrowser) return `${UTC.format(new Date(at))} UTC`;
      local ??= new Intl.DateTimeFormat(undefined, STYLE);
      return local.format(new Date(at));
    },
    [inBrowser],
  );
}
