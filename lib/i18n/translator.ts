import { createTranslator } from 'use-intl/core';
import type { Locale } from './locales';
import { MESSAGES } from './messages';

/**
 * Messages in `locale` for code outside React (exports, emails, the collaboration server): the same
 * files and ICU formatting as the interface. `t('Namespace.key', { values })`.
 */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
