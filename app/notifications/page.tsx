import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { config } from '../../lib/env';
import { listNotifications } from '../../lib/notifications/list-notifications';
import { readEmailNotifications } from '../../lib/users/email-notifications';
import { TopBar } from '../_components/layout/top-bar';
import { EmailChoice } from '../_components/notifications/email-choice';
import { MarkAllRead } from '../_components/notifications/mark-all-read';
import { NotificationList } from '../_components/notifications/notification-list';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('NotificationsPage'))('title') };
}

/** The signed-in user's latest notifications, unread ones marked. */
export default async function NotificationsPage() {
  const userId = await requireUserId('/notifications');
  const t = await getTranslations('NotificationsPage');
  const db = await getDb();
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  const { unread, notifications } = await listNotifications(db, { userId });
  const emailChoice = config().SMTP_URL ? await readEmailNotifications(db, userId) : null;
  return (
    <>
      <TopBar userId={userId} who={user?.name ?? ''} />
      <main id="main" tabIndex={-1} className="stack">
        <h1>{t('title')}</h1>
        {unread > 0 && <MarkAllRead />}
        <NotificationList notifications={notifications} />
        {emailChoice && <EmailChoice chosen={emailChoice} />}
      </main>
    </>
  );
}
