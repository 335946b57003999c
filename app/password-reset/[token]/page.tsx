import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '../../../db';
import { openPasswordReset } from '../../../lib/auth/open-password-reset';
import { AppError } from '../../../lib/errors';
import { errorText } from '../../../lib/i18n/error-text';
import type { Locale } from '../../../lib/i18n/locales';
import { ResetPasswordForm } from '../../_components/auth/reset-password-form';
import { ErrorAlert } from '../../_components/error-alert';
import { TopBar } from '../../_components/layout/top-bar';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PasswordResetPage'))('title') };
}

/** The page a reset link opens: the link is the credential, so no session is needed. */
export default async function PasswordResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('PasswordResetPage');
  let email: string | null = null;
  let failure: string | null = null;
  try {
    email = (await openPasswordReset(await getDb(), token)).email;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    failure = errorText(error, (await getLocale()) as Locale);
  }
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t('title')}</h1>
        {email ? (
          <>
            <p className="muted">{t('intro')}</p>
            <ResetPasswordForm token={token} email={email} />
          </>
        ) : (
          <ErrorAlert message={failure} />
        )}
      </main>
    </>
  );
}
