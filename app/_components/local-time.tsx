'use client';

import { useFormatTime } from './use-format-time';

/** A moment in the reader's own time zone and language (UTC until the page is live). */
export function LocalTime({ at }: { at: string | Date }) {
  const format = useFormatTime();
  return <time dateTime={new Date(at).toISOString()}>{format(at)}</time>;
}
