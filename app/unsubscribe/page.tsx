import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TopBar } from '../_components/layout/top-bar';
import { UnsubscribeForm } from '../_components/notifications/unsubscribe-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('UnsubscribePage'))('title') };
}

/** Where a notification email's "Stop these emails" leads, signed in or not; the token is checked on confirming. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ u?: string; t?: string }> }) {
  const { u = '', t: token = '' } = await searchParams;
  const t = await getTranslations('UnsubscribePage');
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="narrow stack">
        <h1>{t('title')}</h1>
        <UnsubscribeForm userId={u} token={token} />
      </main>
    </>
  );
}
