'use client';

import { useLocale } from 'next-intl';
import { useCallback } from 'react';
import { stateCodeOfEnglishName, stateName } from '../../../lib/shared/member-states';

/** A member state's name in the reader's language, by its code. */
export function useStateName(): (code: string) => string {
  const locale = useLocale();
  return useCallback((code: string) => stateName(code, locale), [locale]);
}

/**
 * A state's name in the reader's language, from its English name: the collaboration server names the
 * states of presence and co-sponsorship in English. Any other text is shown as it is.
 */
export function useLocalStateName(): (englishName: string) => string {
  const locale = useLocale();
  return useCallback(
    (englishName: string) => {
      const code = stateCodeOfEnglishName(englishName);
      return code ? stateName(code, locale) : englishName;
    },
    [locale],
  );
}
