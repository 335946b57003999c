import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { listPlans } from '../../lib/plans/list-plans';
import { TopBar } from '../_components/layout/top-bar';
import { PlanCard } from '../_components/plan/plan-card';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PlansPage'))('title') };
}

export default async function PlansPage() {
  const userId = await requireUserId('/plans');
  const t = await getTranslations('PlansPage');
  const db = await getDb();
  const [user] = await db.select({ name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId));
  const plans = await listPlans(db, userId);
  return (
    <>
      <TopBar userId={userId} who={user?.name ?? ''} />
      <main id="main" tabIndex={-1}>
        <h1>{t('title')}</h1>
        {user?.isAdmin && (
          <p>
            <Link href="/admin">{t('createPlan')}</Link>
          </p>
        )}
        {plans.length === 0 && <p className="muted">{t('none')}</p>}
        <ul className="cards">
          {plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </ul>
      </main>
    </>
  );
}
