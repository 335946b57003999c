'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { ApiError, NetworkError } from './api-client';

/**
 * What to tell the user of a failure, in their language: the server's message when it sent one, else
 * what is known (the status, a lost connection), else the error's own text.
 */
export function useErrorMessage(): (failure: unknown) => string {
  const t = useTranslations('Errors');
  return useCallback(
    (failure: unknown) => {
      if (failure instanceof NetworkError) return t('network');
      if (failure instanceof ApiError) return failure.message || t('requestFailed', { status: failure.status });
      if (failure instanceof Error && failure.message) return failure.message;
      return t('unexpected');
    },
    [t],
  );
}

/**
 * A failure to show where the user acted: kept as it happened and put in words as it renders, so a
 * change of language changes it too. `fail(error)` shows one, `clear()` hides it. A failure the server
 * tied to one of `fields` is shown next to that field (`errorOf(field)`), not in `message`.
 */
export function useFailure(fields: readonly string[] = []) {
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const fail = useCallback((error: unknown) => setFailure({ error }), []);
  const clear = useCallback(() => setFailure(null), []);
  const error = failure?.error;
  const field = error instanceof ApiError && error.field && fields.includes(error.field) ? error.field : null;
  return {
    message: failure && !field ? errorMessage(error) : null,
    errorOf: (name: string) => (failure && field === name ? errorMessage(error) : null),
    fail,
    clear,
  };
}
