'use client';

import { useRouter } from 'next/navigation';
import { useBusyCall } from '../use-busy-call';

/** Runs an API call (ManagePlan's panels); undefined when it failed. */
export type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

/** Runs an API call, then re-renders the page from the server; shows the server's message on failure. */
export function useAction() {
  const router = useRouter();
  const { run: call, error, busy } = useBusyCall();
  const run: Run = (action) =>
    call(async () => {
      const result = await action();
      router.refresh();
      return result;
    });
  return { run, error, busy };
}
