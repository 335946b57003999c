'use client';

import { useState } from 'react';
import { errorMessage } from './error-message';

/** Runs a form's call: `busy` while it runs (its buttons wait), then the failure's message, if any; undefined when it failed. */
export function useBusyCall() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy };
}
