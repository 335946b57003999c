import Link from 'next/link';
import { getDb } from '../../../../db';
import { findPlanOverlaps, type Passage } from '../../../../lib/consolidation/find-plan-overlaps';
import { stateColor } from '../../../../lib/shared/state-colors';
import { TopBar } from '../../../_components/top-bar';
import { loadPlanForPage } from '../../../_server/load-plan';
import { requireUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

function PassageCard({ planId, passage }: { planId: string; passage: Passage }) {
  return (
    <div className="passage" style={{ borderColor: stateColor(passage.leadState.code) }}>
      <p className="muted small">
        <Link href={`/plans/${planId}/sections/${passage.sectionId}`}>{passage.sectionTitle}</Link> · {passage.leadState.name} · paragraph{' '}
        {passage.paragraph + 1}
      </p>
      <p>{passage.text}</p>
    </div>
  );
}

export default async function ConsolidationPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const userId = await requireUserId(`/plans/${planId}/consolidation`);
  const plan = await loadPlanForPage(userId, planId);
  const overlaps = await findPlanOverlaps(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar who={plan.viewer.name} />
      <main>
        <p className="muted">
          <Link href="/plans">Plans</Link> / <Link href={`/plans/${plan.id}`}>{plan.title}</Link> / Overlaps
        </p>
        <h1>Overlaps between sections</h1>
        <p className="muted">
          Passages in different sections that propose the same thing, found in the current text, strongest first.
        </p>
        {overlaps.length === 0 && <p>No overlaps found.</p>}
        <ol className="plain stack">
          {overlaps.map((o) => (
            <li key={`${o.a.sectionId}:${o.a.paragraph}:${o.b.sectionId}:${o.b.paragraph}`} className="card overlap">
              <p className="small">
                <strong>{Math.round(o.score * 100)}%</strong> similar · {o.kind}
              </p>
              <div className="pair">
                <PassageCard planId={plan.id} passage={o.a} />
                <PassageCard planId={plan.id} passage={o.b} />
              </div>
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
