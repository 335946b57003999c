import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '../_components/auth/sign-in-form';
import { TopBar } from '../_components/layout/top-bar';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SignInPage'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations('SignInPage');
  // Only same-site paths: an absolute URL here would make the sign-in page an open redirect.
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/plans';
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="narrow">
        <h1>Concordia</h1>
        <p className="muted">{t('intro')}</p>
        <SignInForm callbackUrl={target} />
      </main>
    </>
  );
}
