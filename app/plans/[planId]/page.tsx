import Link from 'next/link';
import { getDb } from '../../../db';
import { pdfUnavailable } from '../../../lib/export/to-pdf';
import { lastVisits } from '../../../lib/plans/section-visits';
import { stateColor } from '../../../lib/shared/state-colors';
import { listPlanVersions } from '../../../lib/versions/versions';
import { CollabEditor } from '../../_components/editor/collab-editor';
import { TopBar } from '../../_components/layout/top-bar';
import { ExportPanel } from '../../_components/plan/export-panel';
import { OverlapsLink } from '../../_components/plan/overlaps-link';
import { PlanActivityProvider } from '../../_components/plan/plan-activity';
import { PlanSearch } from '../../_components/plan/plan-search';
import { SectionFigures } from '../../_components/plan/section-figures';
import { KeptDrafts } from '../../_components/saving/kept-drafts';
import { editorIdentity } from '../../_server/editor-identity';
import { loadPlanActivityForPage, loadPlanForPage } from '../../_server/load-plan';
import { requireUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

const PHASE_LABEL = { goal: 'Goal', drafting: 'Drafting', consolidation: 'Consolidation', adopted: 'Adopted' } as const;

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}`);
  // Read first, kept current by the server over the goal's connection: what is read next is as new or
  // newer, so a change landing in between comes as another revision, and the page renders again.
  const activity = await loadPlanActivityForPage(userId, planId);
  const plan = await loadPlanForPage(userId, planId);
  const versions = await listPlanVersions(await getDb(), { userId, planId: plan.id });
  const visits = await lastVisits(await getDb(), { userId, planId: plan.id });
  return (
    <PlanActivityProvider room={plan.goalRoomId} initial={activity}>
      <TopBar userId={userId} who={plan.viewer.name} />
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
        <KeptDrafts userId={userId} rooms={plan.sections.map((s) => ({ roomId: s.roomId, title: s.title, href: `/plans/${plan.id}/sections/${s.id}`, canWrite: s.canWrite }))} />
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
                <SectionFigures sectionId={section.id} title={section.title} href={`/plans/${plan.id}/sections/${section.id}`} visitedAt={visits[section.id] ?? null} />
              </div>
              {section.canWrite && <span className="tag">You can edit</span>}
            </li>
          ))}
        </ol>
        <PlanSearch planId={plan.id} />
        <ExportPanel planId={plan.id} versions={versions} pdfUnavailable={pdfUnavailable()} />
      </main>
    </PlanActivityProvider>
  );
}
