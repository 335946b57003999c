import { eq } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { canCreatePlan } from '../../lib/permissions';
import { TopBar } from '../_components/layout/top-bar';
import { CreatePlanForm } from '../_components/manage/create-plan-form';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const userId = await requireUserId('/admin');
  const [user] = await (await getDb()).select().from(users).where(eq(users.id, userId));
  if (!user || !canCreatePlan({ userId, isAdmin: user.isAdmin })) notFound();
  return (
    <>
      <TopBar userId={userId} who={user.name} />
      <main>
        <h1>Administration</h1>
        <h2>New plan of action</h2>
        <CreatePlanForm />
      </main>
    </>
  );
}
