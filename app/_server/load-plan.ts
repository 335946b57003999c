import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { getPlan, type PlanView } from '../../lib/plans/get-plan';
import { readPlanActivity, type PlanActivity } from '../../lib/plans/plan-activity';
import { planIdParam } from '../../lib/shared/ids';

/**
 * For pages: the plan as the user sees it; unknown plans and plans they may not read are a 404. Read
 * once per render: the page's title (generateMetadata) and the page itself share it.
 */
export const loadPlanForPage = cache(async (userId: string, rawPlanId: string): Promise<PlanView> => {
  return forPage(async () => getPlan(await getDb(), { userId, planId: planIdParam(rawPlanId) }));
});

/** For the chair's pages (manage, document block, audit log): the plan, and a 404 for anyone who does not manage it. */
export async function loadManagedPlanForPage(userId: string, rawPlanId: string): Promise<PlanView> {
  const plan = await loadPlanForPage(userId, rawPlanId);
  if (!plan.canManage) notFound();
  return plan;
}

/** For the audit log: the plan, and a 404 for anyone who may not read its log (an archived plan's stays readable). */
export async function loadAuditPlanForPage(userId: string, rawPlanId: string): Promise<PlanView> {
  const plan = await loadPlanForPage(userId, rawPlanId);
  if (!plan.canReadAudit) notFound();
  return plan;
}

/** For the plan page: the plan's activity, with the same 404s. */
export async function loadPlanActivityForPage(userId: string, rawPlanId: string): Promise<PlanActivity> {
  return forPage(async () => readPlanActivity(await getDb(), { userId, planId: planIdParam(rawPlanId) }));
}

/** Runs a read for a page: what is not found, or not the reader's to see, is the not-found page. */
export async function forPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}
