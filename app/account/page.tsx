import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { listAccountActivity } from '../../lib/audit/list-account-activity';
import { AccountActivityList, beforeParam } from '../_components/account/account-activity';
import { ChangePasswordForm } from '../_components/account/change-password-form';
import { TopBar } from '../_components/layout/top-bar';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AccountPage'))('title') };
}

type Search = { searchParams: Promise<{ before?: string | string[] }> };

/** The signed-in user's own account: who they are, their password, and what happened to the account lately. */
export default async function AccountPage({ searchParams }: Search) {
  const userId = await requireUserId('/account');
  const t = await getTranslations('AccountPage');
  const activity = await getTranslations('AccountActivity');
  const db = await getDb();
  const [user] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  const before = beforeParam((await searchParams).before);
  const { entries, olderBefore } = await listAccountActivity(db, { viewerId: userId, userId, before });
  return (
    <>
      <TopBar userId={userId} who={user?.name} />
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t('title')}</h1>
        <p>{t('signedInAs', { name: user?.name ?? '', email: user?.email ?? '' })}</p>
        <ChangePasswordForm />
        <section className="card" aria-labelledby="activity-heading">
          <h2 id="activity-heading">{activity('heading')}</h2>
          <p className="muted small">{activity('explain')}</p>
          <AccountActivityList
            entries={entries}
            viewerId={userId}
            labelledBy="activity-heading"
            pageHref={(older) => (older ? `/account?before=${older}#activity-heading` : '/account#activity-heading')}
            olderBefore={olderBefore}
            paged={before !== undefined}
          />
        </section>
      </main>
    </>
  );
}
