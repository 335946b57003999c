import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { PlanView } from '../../lib/plans/get-plan';
import { loadAuditPlanForPage, loadManagedPlanForPage, loadPlanForPage } from './load-plan';
import { requireUserId } from './session';

/**
 * A page within a plan (`/plans/:id/<path>`): its messages (whose `title` names the page and, with
 * {plan}, the plan), and whether only those who manage the plan may see it (`managed`), or those who
 * may read its audit log (`audit`: the chair and administrators, archived plans' too).
 */
export type PlanSubpage = {
  path: 'consolidation' | 'manage' | 'metadata' | 'audit' | 'text' | 'compare' | 'amendments';
  messages:
    | 'ConsolidationPage'
    | 'ManagePage'
    | 'MetadataPage'
    | 'AuditPage'
    | 'PlanTextPage'
    | 'PlanComparePage'
    | 'PlanAmendmentsPage';
  managed: boolean | 'audit';
};

type Params = Promise<{ planId: string }>;

/** The reader (else the sign-in page, back here after) and the plan as they see it; a 404 where they may not. */
export async function loadSubpage(page: PlanSubpage, params: Params): Promise<{ userId: string; plan: PlanView }> {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/${page.path}`);
  return {
    userId,
    plan:
      page.managed === 'audit'
        ? await loadAuditPlanForPage(userId, planId)
        : page.managed
          ? await loadManagedPlanForPage(userId, planId)
          : await loadPlanForPage(userId, planId),
  };
}

/** The page's title in the browser: the page, then the plan. */
export async function subpageMetadata(page: PlanSubpage, params: Params): Promise<Metadata> {
  const { plan } = await loadSubpage(page, params);
  const t = await getTranslations(page.messages);
  return { title: t('title', { plan: plan.title }) };
}
