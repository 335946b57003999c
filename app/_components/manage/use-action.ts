'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Runs an API call (ManagePlan's panels); undefined when it failed. */
export type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

/** Runs an API call, then re-renders the page from the server; shows the server's message on failure. */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      router.refresh();
      return result;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy };
}
