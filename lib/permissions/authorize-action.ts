import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { can, type AccessContext, type Action } from './can';
import { loadAccessContext } from './load-access-context';

/** Loads what `can` needs and throws not_found / forbidden unless the action is allowed. */
export async function authorize(db: Db, options: { userId: string; planId: string; action: Action }): Promise<AccessContext> {
  const ctx = await loadAccessContext(db, options.userId, options.planId);
  if (!ctx) throw new AppError('not_found', 'No such plan');
  if (!can(ctx, { type: 'plan.read' })) throw new AppError('not_found', 'No such plan');
  if (!can(ctx, options.action)) throw new AppError('forbidden', 'You may not do this in this plan');
  return ctx;
}
