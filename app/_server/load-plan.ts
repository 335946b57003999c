import { notFound } from 'next/navigation';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { getPlan, type PlanView } from '../../lib/plans/get-plan';
import { planIdParam } from '../../lib/shared/ids';

/** For pages: the plan as the user sees it; unknown plans and plans they may not read are a 404. */
export async function loadPlanForPage(userId: string, rawPlanId: string): Promise<PlanView> {
  try {
    return await getPlan(await getDb(), { userId, planId: planIdParam(rawPlanId) });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}
