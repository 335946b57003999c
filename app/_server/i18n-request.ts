import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from '../../lib/i18n/messages';
import { requestLocale } from './request-locale';

/**
 * next-intl's configuration for each request (next.config.js points its plugin here). No locale in
 * the URL: the language is the reader's (request-locale.ts). Times the server renders are UTC; the
 * browser shows them in the reader's own zone (use-format-time.ts).
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: 'UTC' };
});
