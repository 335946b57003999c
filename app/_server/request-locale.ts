import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '../../db';
import { LOCALE_COOKIE, type Locale } from '../../lib/i18n/locales';
import { negotiateLocale } from '../../lib/i18n/negotiate-locale';
import { readInterfaceLocale } from '../../lib/users/interface-locale';
import { currentUserId } from './session';

/** The interface language of this request: the account's choice, the cookie, Accept-Language, English. */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [request, jar, userId] = await Promise.all([headers(), cookies(), currentUserId()]);
  return negotiateLocale({
    account: userId ? await readInterfaceLocale(await getDb(), userId) : null,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.get('accept-language'),
  });
});
