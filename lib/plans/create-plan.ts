import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans, users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appError } from '../i18n/error-text';
import { canCreatePlan } from '../permissions/can';
import { appointMember, type AppointResult } from './appoint-member';

/** An administrator creates a plan (in the goal phase) and appoints its chair. */
export async function createPlan(
  db: Db,
  options: { actorId: string; title: string; chairEmail: string },
): Promise<{ planId: string; chair: AppointResult }> {
  const [actor] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, options.actorId));
  if (!actor) throw appError('unauthenticated', 'signInFirst');
  if (!canCreatePlan({ userId: options.actorId, isAdmin: actor.isAdmin }))
    throw appError('forbidden', 'onlyAdminCreates');
  const planId = await db.transaction(async (tx) => {
    const [plan] = await tx.insert(plans).values({ title: options.title }).returning({ id: plans.id });
    if (!plan) throw new Error('plan insert returned nothing');
    await recordAudit(tx, {
      planId: plan.id,
      actorId: options.actorId,
      action: 'plan.created',
      target: `plan:${plan.id}`,
      after: { title: options.title },
    });
    return plan.id;
  });
  const chair = await appointMember(db, {
    actorId: options.actorId,
    planId,
    input: { email: options.chairEmail, role: 'chair' },
  });
  return { planId, chair };
}
