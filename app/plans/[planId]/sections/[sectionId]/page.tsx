import { notFound } from 'next/navigation';
import { getDb } from '../../../../../db';
import { lastVisitTo } from '../../../../../lib/plans/section-visits';
import { SectionWithOverlaps } from '../../../../_components/consolidation/section-with-overlaps';
import { SectionDiscussion } from '../../../../_components/discussion/section-discussion';
import { CollabEditor } from '../../../../_components/editor/collab-editor';
import { PlanTrail } from '../../../../_components/layout/plan-trail';
import { TopBar } from '../../../../_components/layout/top-bar';
import { editorIdentity } from '../../../../_server/editor-identity';
import { editorPeople } from '../../../../_server/editor-people';
import { loadPlanForPage } from '../../../../_server/load-plan';
import { requireUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Params = { planId: string; sectionId: string };

/** `changes=since-visit`: open with what changed since the reader's last visit marked (the plan page links so). */
type Search = { find?: string; block?: string; changes?: string };

export default async function SectionPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { planId, sectionId } = await params;
  const { find, block, changes } = await searchParams;
  const userId = await requireUserId(`/plans/${planId}/sections/${sectionId}`);
  const plan = await loadPlanForPage(userId, planId);
  const section = plan.sections.find((s) => s.id === sectionId);
  if (!section) notFound();
  const identity = editorIdentity(plan);
  const visit = await lastVisitTo(await getDb(), { userId, sectionId });
  const lastVisit = visit?.seen ? { at: visit.at.toISOString(), snapshot: Buffer.from(visit.seen).toString('base64') } : null;
  const reason =
    plan.viewer.role === 'observer'
      ? 'Read-only — observer'
      : section.frozen
        ? 'Read-only — this section is frozen by the chair'
        : plan.phase === 'drafting' || plan.phase === 'consolidation'
          ? 'Read-only — drafted by other states'
          : `Read-only — the plan is in the ${plan.phase} phase`;
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main>
        <PlanTrail plan={plan} />
        <details className="goal">
          <summary>Goal of the plan (reference)</summary>
          <CollabEditor roomId={plan.goalRoomId} editable={false} identity={identity} compact />
        </details>
        <h1>{section.title}</h1>
        <p className="muted">
          Lead state: <strong>{section.leadState.name}</strong>
          {section.coEditingStates.length > 0 && <> · Co-editing: {section.coEditingStates.map((s) => s.name).join(', ')}</>}
        </p>
        <SectionWithOverlaps
          planId={plan.id}
          sectionId={section.id}
          roomId={section.roomId}
          editable={section.canWrite}
          canDiscuss={plan.canComment}
          readOnlyReason={reason}
          identity={identity}
          people={editorPeople(plan)}
          history={{ sectionId: section.id, canName: section.canNameVersion, canRestore: plan.canRestoreVersions, lastVisit, showSinceVisit: changes === 'since-visit' }}
          find={find?.trim() ? { query: find.trim().slice(0, 200), block: Math.max(0, Number.parseInt(block ?? '0', 10) || 0) } : undefined}
        />
        <SectionDiscussion
          sectionId={section.id}
          userId={userId}
          moderates={plan.viewer.role === 'chair'}
          roomId={section.roomId}
          canComment={plan.canComment}
          readOnlyReason={plan.phase === 'adopted' ? 'The plan is adopted: the discussion is closed.' : 'The chair and the coordinators write here; you can read along.'}
        />
      </main>
    </>
  );
}
