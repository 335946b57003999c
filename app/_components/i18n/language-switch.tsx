'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import {
  LOCALE_COOKIE,
  LOCALE_COOKIE_MAX_AGE_SECONDS,
  LOCALE_NAMES,
  LOCALES,
  isLocale,
  type Locale,
} from '../../../lib/i18n/locales';
import { api } from '../api-client';
import { useErrorMessage } from '../error-message';

/**
 * The interface language, in the top bar. A signed-in user's choice is kept on their account (it
 * follows them to another browser) and in this browser's cookie; a signed-out page keeps it in the
 * cookie. The page renders again in the new language at once. Each language is named in itself.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('LanguageSwitch');
  const locale = useLocale();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [chosen, setChosen] = useState<Locale>(locale);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => setChosen(locale), [locale]);

  async function choose(next: Locale) {
    setChosen(next);
    setError(null);
    try {
      if (signedIn) await api('PATCH', '/api/me', { locale: next });
      else rememberInCookie(next);
      startTransition(() => router.refresh());
    } catch (failure) {
      setChosen(locale);
      setError(errorMessage(failure));
    }
  }

  return (
    <span className="language-switch">
      <label htmlFor="language-switch" className="visually-hidden">
        {t('label')}
      </label>
      <select
        id="language-switch"
        value={chosen}
        disabled={pending}
        onChange={(event) => isLocale(event.target.value) && void choose(event.target.value)}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </span>
  );
}

function rememberInCookie(locale: Locale): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_SECONDS}; samesite=lax${secure}`;
}
