'use client';

import { useState } from 'react';
import { useFailure } from './error-message';

/**
 * Runs a form's call: `busy` while it runs (its buttons wait), then the failure's message, if any (or,
 * for one of `fields`, `errorOf(field)`); undefined when it failed.
 */
export function useBusyCall(fields: readonly string[] = []) {
  const { message, errorOf, fail, clear } = useFailure(fields);
  const [busy, setBusy] = useState(false);
  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    clear();
    try {
      return await call();
    } catch (error) {
      fail(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, error: message, errorOf, busy };
}
