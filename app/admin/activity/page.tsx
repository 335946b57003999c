import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '../../../db';
import { users } from '../../../db/schema';
import { listAccountActivity } from '../../../lib/audit/list-account-activity';
import { canResetPasswords } from '../../../lib/permissions/can';
import { AccountActivityList, beforeParam } from '../../_components/account/account-activity';
import { TopBar } from '../../_components/layout/top-bar';
import { AccountActivityForm } from '../../_components/manage/account-activity-form';
import { requireUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminActivity'))('title') };
}

type Search = { searchParams: Promise<{ email?: string | string[]; before?: string | string[] }> };

/** An administrator reads one account's activity (sign-ins, locks, password changes), found by its email. */
export default async function AdminActivityPage({ searchParams }: Search) {
  const userId = await requireUserId('/admin/activity');
  const t = await getTranslations('AdminActivity');
  const db = await getDb();
  const [viewer] = await db.select().from(users).where(eq(users.id, userId));
  if (!viewer || !canResetPasswords({ userId, isAdmin: viewer.isAdmin })) notFound();
  const search = await searchParams;
  const email = typeof search.email === 'string' ? search.email.trim().toLowerCase() : '';
  const [account] = email
    ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, email))
    : [];
  const before = beforeParam(search.before);
  const activity = account ? await listAccountActivity(db, { viewerId: userId, userId: account.id, before }) : null;
  const pageHref = (older?: number) =>
    `/admin/activity?${new URLSearchParams({ email, ...(older && { before: String(older) }) }).toString()}`;
  return (
    <>
      <TopBar userId={userId} who={viewer.name} />
      <main id="main" tabIndex={-1}>
        <p className="trail">
          <Link href="/admin">{t('back')}</Link>
        </p>
        <h1 id="activity-heading">
          {account ? t('heading', { name: account.name, email: account.email }) : t('title')}
        </h1>
        <AccountActivityForm email={email} />
        {email && !account && (
          <p role="alert" className="error">
            {t('unknown', { email })}
          </p>
        )}
        {account && activity && (
          <section className="card">
            <AccountActivityList
              entries={activity.entries}
              viewerId={userId}
              labelledBy="activity-heading"
              pageHref={pageHref}
              olderBefore={activity.olderBefore}
              paged={before !== undefined}
            />
          </section>
        )}
      </main>
    </>
  );
}
