import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, users } from '../../db/schema';
import { loadAccessContext } from '../permissions/load-access-context';

/**
 * Whom a signed-in user stopped at a page of a plan should ask: `not-member` (ask the chair to appoint
 * them), `member` (a page their role does not open, or a section that is gone: ask the chair), or
 * `unknown` when the plan does not exist or has no chair. Names the chair and nothing else of the plan,
 * so someone outside it learns whom to ask, not what it is about.
 */
export async function findWhomToAsk(
  db: Db,
  options: { userId: string; planId: string },
): Promise<{ kind: 'unknown' } | { kind: 'not-member' | 'member'; chair: string }> {
  const ctx = await loadAccessContext(db, options.userId, options.planId);
  if (!ctx) return { kind: 'unknown' };
  const [chair] = await db
    .select({ name: users.name })
    .from(planMembers)
    .innerJoin(users, eq(users.id, planMembers.userId))
    .where(and(eq(planMembers.planId, options.planId), eq(planMembers.role, 'chair')))
    .limit(1);
  if (!chair) return { kind: 'unknown' };
  return { kind: ctx.membership ? 'member' : 'not-member', chair: chair.name };
}
