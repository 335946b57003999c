import type { DemoAccount } from '../db/seed';
import { DEFAULT_LOCALE, type Locale } from '../lib/i18n/locales';
import { translator } from '../lib/i18n/translator';

export type BannerOptions = {
  url: string;
  dev: boolean;
  /** The embedded database's folder, or null when DATABASE_URL names a PostgreSQL server. */
  pgliteDir: string | null;
  /** The demo accounts the database holds (none when the demo was never seeded). */
  demo: readonly DemoAccount[];
  defaultPassword: boolean;
};

/** What the server prints when it starts, from the message files (`StartUp.*`): English in the terminal unless asked. */
export function startUpBanner(options: BannerOptions, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const storage = options.pgliteDir === null ? 'postgres' : 'pglite';
  const lines = [
    '',
    `  ${t('StartUp.running', { url: options.url, mode: options.dev ? 'development' : 'production', storage, dataDir: options.pgliteDir ?? '' })}`,
  ];
  if (options.demo.length) {
    lines.push('', `  ${t('StartUp.demoSignIns', { password: options.defaultPassword ? 'default' : 'set' })}`);
    for (const account of options.demo) lines.push(`    ${account.email.padEnd(22)} ${account.name}`);
  }
  return `${lines.join('\n')}\n\n`;
}
