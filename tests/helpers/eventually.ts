/** Retries an assertion until it passes or the time is up; the last failure is rethrown. */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/**
 * What `promise` settles to if it does so within `ms`, otherwise a sentence saying it did not: for an
 * assertion that something happens within a time (a socket closed within 2 s), where the time is the point.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | string> {
  return Promise.race([
    promise,
    new Promise<string>((resolve) => setTimeout(() => resolve(`nothing within ${ms} ms`), ms)),
  ]);
}
