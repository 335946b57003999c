import { getDb } from '../../../../db';
import { listMembers } from '../../../../lib/plans/list-members';
import { OAS_MEMBER_STATES } from '../../../../lib/shared/member-states';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { ManagePlan } from '../../../_components/manage/manage-plan';
import { loadManagedPlanForPage } from '../../../_server/load-plan';
import { requireUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

export default async function ManagePage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/manage`);
  const plan = await loadManagedPlanForPage(userId, planId);
  const { members, invitations } = await listMembers(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main>
        <PlanTrail plan={plan} here="Manage" />
        <h1>Manage the plan</h1>
        <ManagePlan
          plan={plan}
          members={members}
          invitations={invitations}
          states={OAS_MEMBER_STATES.map(([code, name]) => ({ code, name }))}
        />
      </main>
    </>
  );
}
