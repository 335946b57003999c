import type { Db } from '../../db/client';
import { appError } from '../i18n/error-text';
import { can, type AccessContext, type Action } from './can';
import { loadAccessContext } from './load-access-context';

/** Loads what `can` needs and throws not_found / forbidden unless the action is allowed. */
export async function authorize(
  db: Db,
  options: { userId: string; planId: string; action: Action },
): Promise<AccessContext> {
  const ctx = await loadAccessContext(db, options.userId, options.planId);
  if (!ctx) throw appError('not_found', 'noSuchPlan');
  if (!can(ctx, { type: 'plan.read' })) throw appError('not_found', 'noSuchPlan');
  if (!can(ctx, options.action)) throw appError('forbidden', 'mayNot');
  return ctx;
}
