import type { Locale } from './locales';
import type { Messages } from './messages';

// Keys and locales are checked by the typecheck: `t('PlanPage.goalHeading')` fails to compile if misspelt.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
