import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, plans, users } from '../../db/schema';

/**
 * `count` observer accounts, members of every plan: each observer of the crowd signs in as one of them,
 * so the server checks as many sessions as a plenary's readers bring, not one shared cookie.
 */
export async function crowdAccounts(db: Db, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `crowd-${i}@bench.test`);
  for (let i = 0; i < count; i += 500)
    await db
      .insert(users)
      .values(emails.slice(i, i + 500).map((email, j) => ({ email, name: `Observer ${i + j + 1}` })))
      .onConflictDoNothing();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 500)
    ids.push(
      ...(
        await db
          .select({ id: users.id })
          .from(users)
          .where(inArray(users.email, emails.slice(i, i + 500)))
      ).map((u) => u.id),
    );
  for (const { id: planId } of await db.select({ id: plans.id }).from(plans))
    for (let i = 0; i < ids.length; i += 500)
      await db
        .insert(planMembers)
        .values(ids.slice(i, i + 500).map((userId) => ({ planId, userId, role: 'observer' as const })))
        .onConflictDoNothing();
  return ids;
}
