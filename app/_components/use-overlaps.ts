'use client';

import { useCallback, useEffect, useState } from 'react';
import { api } from './api-client';
import type { PlanOverlaps } from './overlap-types';

/** Overlaps from the API, kept current while the page is open (analysis runs a moment after edits settle). */
export function useOverlaps(path: string, seconds = 3) {
  const [data, setData] = useState<PlanOverlaps>({ overlaps: [], canResolve: false });
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(
    () =>
      api<PlanOverlaps>('GET', path).then(
        (result) => {
          setData(result);
          setError(null);
        },
        (e: Error) => setError(e.message),
      ),
    [path],
  );
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [refresh, seconds]);
  return { ...data, error, refresh };
}
