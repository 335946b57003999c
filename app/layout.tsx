import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Announcer } from './_components/announcer';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Layout');
  // Each page's title names where the reader is (the section, the plan), then the application.
  return { title: { template: '%s — Concordia', default: 'Concordia' }, description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, never ahead at build time: its scripts carry the nonce of the
  // response's Content-Security-Policy (server/next-app.ts), and a prerendered page would carry none.
  await connection();
  // The reader's language (app/_server/request-locale.ts): screen readers and spell-checkers follow it.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Client components get the same messages; a change of language renders the page again with them. */}
        <NextIntlClientProvider>
          {children}
          <Announcer />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
