import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { canCreatePlan } from '../../lib/permissions/can';
import { listAllPlans } from '../../lib/plans/list-all-plans';
import { TopBar } from '../_components/layout/top-bar';
import { AccountActivityForm } from '../_components/manage/account-activity-form';
import { AdminPlans } from '../_components/manage/admin-plans';
import { CreatePlanForm } from '../_components/manage/create-plan-form';
import { PasswordResetForm } from '../_components/manage/password-reset-form';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminPage'))('title') };
}

export default async function AdminPage() {
  const userId = await requireUserId('/admin');
  const t = await getTranslations('AdminPage');
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !canCreatePlan({ userId, isAdmin: user.isAdmin })) notFound();
  const plans = await listAllPlans(db, { actorId: userId });
  return (
    <>
      <TopBar userId={userId} who={user.name} />
      <main id="main" tabIndex={-1}>
        <h1>{t('title')}</h1>
        <h2>{t('newPlan')}</h2>
        <CreatePlanForm />
        <AdminPlans plans={plans} />
        <PasswordResetForm />
        <AccountActivityForm />
      </main>
    </>
  );
}
