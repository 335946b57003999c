import Link from 'next/link';
import { getDb } from '../../../db';
import { listPlanOverlaps } from '../../../lib/consolidation/list-overlaps';
import { pdfUnavailable } from '../../../lib/export/to-pdf';
import { stateColor } from '../../../lib/shared/state-colors';
import { listPlanVersions } from '../../../lib/versions/versions';
import { AutoRefresh } from '../../_components/auto-refresh';
import { CollabEditor } from '../../_components/collab-editor';
import { ExportPanel } from '../../_components/export-panel';
import { OnlineList } from '../../_components/online-list';
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
  const versions = await listPlanVersions(await getDb(), { userId, planId: plan.id });
  const openOverlaps = (await listPlanOverlaps(await getDb(), { userId, planId: plan.id })).overlaps.filter((o) => o.status === 'open').length;
  return (
    <>
      <TopBar who={plan.viewer.name} />
      <AutoRefresh seconds={10} />
      <main>
        <p className="muted">
          <Link href="/plans">Plans</Link> / Phase: <strong data-testid="phase">{PHASE_LABEL[plan.phase]}</strong> ·{' '}
          <Link href={`/plans/${plan.id}/consolidation`}>Overlaps{openOverlaps > 0 && ` (${openOverlaps} open)`}</Link>
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
                <p className="muted small">
                  {section.words ?? '—'} words · last edit {section.lastEditAt ? new Date(section.lastEditAt).toUTCString() : '—'} ·{' '}
                  <OnlineList people={section.online} />
                </p>
              </div>
              {section.canWrite && <span className="tag">You can edit</span>}
            </li>
          ))}
        </ol>
        <ExportPanel planId={plan.id} versions={versions} pdfUnavailable={pdfUnavailable()} />
      </main>
    </>
  );
}
