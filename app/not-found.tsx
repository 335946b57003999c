import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TopBar } from './_components/layout/top-bar';
import { currentUserId } from './_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('NotFound'))('title') };
}

/** An unknown address, or a plan or section the reader may not see (the app answers both alike). */
export default async function NotFound() {
  const t = await getTranslations('NotFound');
  const userId = await currentUserId();
  return (
    <>
      <TopBar userId={userId ?? undefined} />
      <main className="narrow">
        <h1>{t('title')}</h1>
        <p>{t('explanation')}</p>
        <p>
          <Link href="/plans">{t('back')}</Link>
        </p>
      </main>
    </>
  );
}
