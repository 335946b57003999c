import Link from 'next/link';
import { ConsolidationBoard } from '../../../_components/consolidation/consolidation-board';
import { TopBar } from '../../../_components/layout/top-bar';
import { editorIdentity } from '../../../_server/editor-identity';
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
        <p className="muted">
          <Link href="/plans">Plans</Link> / <Link href={`/plans/${plan.id}`}>{plan.title}</Link> / Overlaps
        </p>
        <h1>Overlaps between sections</h1>
        <ConsolidationBoard
          planId={plan.id}
          goalRoomId={plan.goalRoomId}
          sections={plan.sections.map((s) => ({ id: s.id, roomId: s.roomId, canWrite: s.canWrite }))}
          identity={editorIdentity(plan)}
          people={Object.fromEntries(plan.people.map((p) => [p.userId, { name: p.name, state: p.state }]))}
        />
      </main>
    </>
  );
}
