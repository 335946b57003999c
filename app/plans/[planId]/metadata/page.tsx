import { getDb } from '../../../../db';
import { getPlanMetadata } from '../../../../lib/metadata/get-plan-metadata';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { PlanMetadataForm } from '../../../_components/manage/plan-metadata-form';
import { loadManagedPlanForPage } from '../../../_server/load-plan';
import { requireUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

export default async function MetadataPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/metadata`);
  const plan = await loadManagedPlanForPage(userId, planId);
  const metadata = await getPlanMetadata(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main>
        <PlanTrail plan={plan} here="Document block" />
        <h1>Document block</h1>
        <p className="muted">Heads every export of the plan, as on the working group&apos;s documents. The symbol and date also name the exported files.</p>
        <PlanMetadataForm planId={plan.id} metadata={metadata} />
      </main>
    </>
  );
}
