import Link from 'next/link';
import { stateColor } from '../../../lib/shared/state-colors';
import { CollabEditor } from '../../_components/collab-editor';
import { TopBar } from '../../_components/top-bar';
import { loadPlanForPage } from '../../_server/load-plan';
import { requireUserId } from '../../_server/session';
import { editorIdentity } from '../../_server/editor-identity';

export const dynamic = 'force-dynamic';

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}`);
  const plan = await loadPlanForPage(userId, planId);
  return (
    <>
      <TopBar who={plan.viewer.name} />
      <main>
        <p className="muted">
          <Link href="/plans">Plans</Link> / Phase: <strong>{plan.phase}</strong>
        </p>
        <h1>{plan.title}</h1>
        <section aria-labelledby="goal-heading" className="goal">
          <h2 id="goal-heading">Goal of the plan</h2>
          <CollabEditor
            roomId={plan.goalRoomId}
            editable={plan.canWriteGoal}
            readOnlyReason="The goal is written by the chair during the goal phase."
            identity={editorIdentity(plan)}
            compact
          />
        </section>
        <h2>Sections</h2>
        <ol className="sections">
          {plan.sections.map((section) => (
            <li key={section.id} className="card section-row">
              <span className="state-dot" style={{ background: stateColor(section.leadState.code) }} aria-hidden />
              <div>
                <Link href={`/plans/${plan.id}/sections/${section.id}`}>{section.title}</Link>
                <p className="muted">
                  Lead: {section.leadState.name}
                  {section.coEditingStates.length > 0 && <> · Co-editing: {section.coEditingStates.map((s) => s.name).join(', ')}</>}
                  {section.frozen && <> · Frozen</>}
                </p>
              </div>
              {section.canWrite && <span className="tag">You can edit</span>}
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
