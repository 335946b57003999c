import { eq } from 'drizzle-orm';
import Link from 'next/link';
import { getDb } from '../../db';
import { users } from '../../db/schema';
import { listPlans } from '../../lib/plans/list-plans';
import { TopBar } from '../_components/layout/top-bar';
import { requireUserId } from '../_server/session';

export const dynamic = 'force-dynamic';

export default async function PlansPage() {
  const userId = await requireUserId('/plans');
  const db = await getDb();
  const [user] = await db.select({ name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId));
  const plans = await listPlans(db, userId);
  return (
    <>
      <TopBar userId={userId} who={user?.name ?? ''} />
      <main>
        <h1>Plans of action</h1>
        {user?.isAdmin && (
          <p>
            <Link href="/admin">Create a plan and appoint its chair</Link>
          </p>
        )}
        {plans.length === 0 && <p className="muted">You are not a member of any plan yet.</p>}
        <ul className="cards">
          {plans.map((plan) => (
            <li key={plan.id} className="card">
              <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
              <p className="muted">
                Phase: {plan.phase} · Your role: {plan.role}
              </p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
