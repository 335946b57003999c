import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '../../../db';
import { analysedOnce } from '../../../lib/consolidation/list-overlaps';
import { pdfUnavailable } from '../../../lib/export/to-pdf';
import { planActivity } from '../../../lib/plans/plan-activity';
import { stateColor } from '../../../lib/shared/state-colors';
import { listPlanVersions } from '../../../lib/versions/versions';
import { CollabEditor } from '../../_components/collab-editor';
import { ExportPanel } from '../../_components/export-panel';
import { OverlapsLink, PlanActivityProvider, SectionFigures } from '../../_components/plan-activity';
import { TopBar } from '../../_components/top-bar';
import { editorIdentity } from '../../_server/editor-identity';
import { loadPlanForPage } from '../../_server/load-plan';
import { requireUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

const PHASE_LABEL = { goal: 'Goal', drafting: 'Drafting', consolidation: 'Consolidation', adopted: 'Adopted' } as const;

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}`);
  const plan = await loadPlanForPage(userId, planId);
  const db = await getDb();
  const versions = await listPlanVersions(db, { userId, planId: plan.id });
  await analysedOnce(db, plan.id);
  // Read by loadPlanForPage's reader; kept current by the server over the goal's connection.
  const activity = await planActivity(db, plan.id);
  if (!activity) notFound();
  return (
    <PlanActivityProvider room={plan.goalRoomId} initial={activity}>
      <TopBar who={plan.viewer.name} />
      <main>
        <p className="muted">
          <Link href="/plans">Plans</Link> / Phase: <strong data-testid="phase">{PHASE_LABEL[plan.phase]}</strong> ·{' '}
          <OverlapsLink planId={plan.id} />
          {plan.canManage && (
            <>
              {' '}
              · <Link href={`/plans/${plan.id}/manage`}>Manage plan</Link> · <Link href={`/plans/${plan.id}/metadata`}>Document block</Link> ·{' '}
              <Link href={`/plans/${plan.id}/audit`}>Audit log</Link>
            </>
          )}
        </p>
        <h1>{plan.title}</h1>
        <section aria-labelledby="goal-heading" className="goal">
          <h2 id="goal-heading">Goal of the plan</h2>
          <CollabEditor
            roomId={plan.goalRoomId}
            editable={plan.canWriteGoal}
            readOnlyReason={plan.phase === 'goal' ? 'The chair is writing the goal.' : 'The goal is published.'}
            identity={editorIdentity(plan)}
            compact
            followPlan
          />
        </section>
        <h2>Sections</h2>
        {plan.sections.length === 0 && <p className="muted">No sections yet.</p>}
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
                <SectionFigures sectionId={section.id} />
              </div>
              {section.canWrite && <span className="tag">You can edit</span>}
            </li>
          ))}
        </ol>
        <ExportPanel planId={plan.id} versions={versions} pdfUnavailable={pdfUnavailable()} />
      </main>
    </PlanActivityProvider>
  );
}
