import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { ChangePasswordForm } from '../_components/account/change-password-form';
import { TopBar } from '../_components/layout/top-bar';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AccountPage'))('title') };
}

/** The signed-in user's own account: who they are, and their password. */
export default async function AccountPage() {
  const userId = await requireUserId('/account');
  const t = await getTranslations('AccountPage');
  const [user] = await (
    await getDb()
  )
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return (
    <>
      <TopBar userId={userId} who={user?.name} />
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t('title')}</h1>
        <p>{t('signedInAs', { name: user?.name ?? '', email: user?.email ?? '' })}</p>
        <ChangePasswordForm />
      </main>
    </>
  );
}
