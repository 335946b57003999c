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

export function LocalTime({ at }: { at: string | Date }) {
  const format = useFormatTime();
  return <time dateTime={new Date(at).toISOString()}>{format(at)}</time>;
}

/** A plan's versions as the options of an export form's select (a server component's). */
export function VersionOptions({ versions }: { versions: ReadonlyArray<{ id: string; name: string; createdAt: string | Date }> }) {
  const format = useFormatTime();
  return versions.map((v) => (
    <option key={v.id} value={v.id}>
      {`${v.name} — ${format(v.createdAt)}`}
    </option>
  ));
}
