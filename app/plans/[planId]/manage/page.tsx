import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '../../../../db';
import { listMembers } from '../../../../lib/plans/list-members';
import { OAS_MEMBER_STATES } from '../../../../lib/shared/member-states';
import { TopBar } from '../../../_components/layout/top-bar';
import { ManagePlan } from '../../../_components/manage/manage-plan';
import { loadPlanForPage } from '../../../_server/load-plan';
import { requireUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

export default async function ManagePage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/manage`);
  const plan = await loadPlanForPage(userId, planId);
  if (!plan.canManage) notFound();
  const { members, invitations } = await listMembers(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main>
        <p className="muted">
          <Link href="/plans">Plans</Link> / <Link href={`/plans/${plan.id}`}>{plan.title}</Link> / Manage
        </p>
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
