import { ConsolidationBoard } from '../../../_components/consolidation/consolidation-board';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { editorIdentity } from '../../../_server/editor-identity';
import { editorPeople } from '../../../_server/editor-people';
import { loadPlanForPage } from '../../../_server/load-plan';
import { requireUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

export default async function ConsolidationPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/consolidation`);
  const plan = await loadPlanForPage(userId, planId);
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main>
        <PlanTrail plan={plan} here="Overlaps" />
        <h1>Overlaps between sections</h1>
        <ConsolidationBoard
          planId={plan.id}
          goalRoomId={plan.goalRoomId}
          sections={plan.sections.map((s) => ({ id: s.id, roomId: s.roomId, canWrite: s.canWrite }))}
          identity={editorIdentity(plan)}
          people={editorPeople(plan)}
        />
      </main>
    </>
  );
}
