import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { planMembers, plans, users } from '../../db/schema';
import type { AccessContext } from './can';

/**
 * The columns `can` needs, from users, plans and plan_members joined as in `loadAccessContext`, and the
 * user's name, which a collaboration socket shows to the others (one more column of a row already read).
 */
export const accessColumns = {
  isAdmin: users.isAdmin,
  phase: plans.phase,
  observerComments: plans.observerComments,
  archivedAt: plans.archivedAt,
  role: planMembers.role,
  stateCode: planMembers.stateCode,
  userName: users.name,
};

export type AccessRow = {
  isAdmin: boolean;
  phase: AccessContext['plan']['phase'];
  observerComments: boolean;
  archivedAt: Date | null;
  role: NonNullable<AccessContext['membership']>['role'] | null;
  stateCode: string | null;
  userName: string;
};

export function toAccessContext(userId: string, row: AccessRow): AccessContext {
  return {
    actor: { userId, isAdmin: row.isAdmin },
    membership: row.role ? { role: row.role, stateCode: row.stateCode } : null,
    plan: { phase: row.phase, archived: row.archivedAt !== null, observerComments: row.observerComments },
  };
}

/** The facts `can` needs about one user and one plan; null when either does not exist. */
export async function loadAccessContext(db: Db, userId: string, planId: string): Promise<AccessContext | null> {
  const row = await loadAccessRow(db, userId, planId);
  return row ? toAccessContext(userId, row) : null;
}

/** The same facts as read, with the user's name; null when the user or the plan does not exist. */
export async function loadAccessRow(db: Db, userId: string, planId: string): Promise<AccessRow | null> {
  const [row] = await accessContextQuery(db).execute({ userId, planId });
  return row ?? null;
}

/** Read by nearly every request and by every socket opening a plan's goal. */
const accessContextQuery = preparedPerDatabase((db) =>
  db
    .select(accessColumns)
    .from(users)
    .innerJoin(plans, eq(plans.id, sql.placeholder('planId')))
    .leftJoin(planMembers, and(eq(planMembers.planId, plans.id), eq(planMembers.userId, users.id)))
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('access_context'),
);
