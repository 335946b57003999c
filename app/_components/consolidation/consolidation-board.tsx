'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { stateColor } from '../../../lib/shared/state-colors';
import { api } from '../api-client';
import { CollabEditor, type EditorIdentity } from '../editor/collab-editor';
import type { Person } from '../history/document-views';
import { describeResolution, percent, sectionHighlights, type OverlapView } from './overlap-types';
import { ResolutionForm } from './resolution-form';
import { useOverlaps } from './use-overlaps';

export type BoardSection = { id: string; roomId: string; canWrite: boolean };

type Props = { planId: string; goalRoomId: string; sections: BoardSection[]; identity: EditorIdentity; people: Record<string, Person> };

/**
 * The chair's consolidation view: the plan's open overlaps strongest first; opening one shows both
 * passages marked in their live editors side by side, with the three resolutions below.
 */
export function ConsolidationBoard({ planId, goalRoomId, sections, identity, people }: Props) {
  const { overlaps, canResolve, error, refresh } = useOverlaps(`/api/plans/${planId}/overlaps`, { plan: goalRoomId });
  const [openId, setOpenId] = useState<string | null>(null);
  const [analysing, setAnalysing] = useState(false);
  const open = overlaps.filter((o) => o.status === 'open');
  const resolved = overlaps.filter((o) => o.status !== 'open' && o.status !== 'closed');
  const selected = open.find((o) => o.id === openId) ?? null;

  async function analyse() {
    setAnalysing(true);
    await api('POST', `/api/plans/${planId}/overlaps`).finally(() => setAnalysing(false));
    await refresh();
  }

  return (
    <div className="stack">
      <div className="row">
        <p className="muted">Open overlaps are found again a moment after edits settle, strongest first.</p>
        {canResolve && (
          <button type="button" onClick={() => void analyse()} disabled={analysing}>
            {analysing ? 'Analysing…' : 'Analyse now'}
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {selected && (
        <Workbench
          key={selected.id}
          overlap={selected}
          sections={sections}
          identity={identity}
          people={people}
          canResolve={canResolve}
          onResolved={() => {
            setOpenId(null);
            void refresh();
          }}
        />
      )}
      <h2>Open ({open.length})</h2>
      {open.length === 0 && <p>No open overlaps.</p>}
      <ol className="plain stack" aria-label="Open overlaps">
        {open.map((o) => (
          <li key={o.id} className={`card stack overlap${o.id === openId ? ' selected' : ''}`}>
            <div className="row">
              <strong>{percent(o.score)}</strong> similar · {o.kind}
              <span className="spacer" />
              <button type="button" onClick={() => setOpenId(o.id)}>
                Open side by side
              </button>
            </div>
            <div className="pair">
              <PassageCard planId={planId} passage={o.a} />
              <PassageCard planId={planId} passage={o.b} />
            </div>
          </li>
        ))}
      </ol>
      {resolved.length > 0 && (
        <>
          <h2>Resolved ({resolved.length})</h2>
          <ul className="plain stack" aria-label="Resolved overlaps">
            {resolved.map((o) => (
              <li key={o.id} className="card small resolution" data-status={o.status}>
                <strong>
                  Section {o.a.sectionNumber} ({o.a.state.name})
                </strong>
                : {describeResolution(o, o.a.sectionId)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PassageCard({ planId, passage }: { planId: string; passage: OverlapView['a'] }) {
  return (
    <div className="passage" style={{ borderColor: stateColor(passage.state.code) }}>
      <p className="muted small">
        <Link href={`/plans/${planId}/sections/${passage.sectionId}`}>
          {passage.sectionNumber}. {passage.sectionTitle}
        </Link>{' '}
        · {passage.state.name}
      </p>
      <p>{passage.text}</p>
    </div>
  );
}

type WorkbenchProps = Omit<Props, 'planId' | 'goalRoomId'> & { overlap: OverlapView; canResolve: boolean; onResolved: () => void };

function Workbench({ overlap, sections, identity, people, canResolve, onResolved }: WorkbenchProps) {
  return (
    <section className="card stack workbench" aria-label="Overlap side by side">
      <h2>
        {percent(overlap.score)} similar: section {overlap.a.sectionNumber} and section {overlap.b.sectionNumber}
      </h2>
      <div className="pair">
        {(['a', 'b'] as const).map((side) => (
          <LivePassage key={side} overlap={overlap} side={side} sections={sections} identity={identity} people={people} />
        ))}
      </div>
      {canResolve ? <ResolutionForm overlap={overlap} onResolved={onResolved} /> : <p className="muted">Only the chair resolves overlaps.</p>}
    </section>
  );
}

function LivePassage({ overlap, side, sections, identity, people }: Omit<WorkbenchProps, 'canResolve' | 'onResolved'> & { side: 'a' | 'b' }) {
  const passage = overlap[side];
  const section = sections.find((s) => s.id === passage.sectionId);
  const highlights = useMemo(() => sectionHighlights([overlap], passage.sectionId, overlap.id), [overlap, passage.sectionId]);
  if (!section) return <p className="muted">This section was deleted.</p>;
  return (
    <div className="stack live-passage" data-section={passage.sectionId}>
      <h3 className="small">
        {passage.sectionNumber}. {passage.sectionTitle} — {passage.state.name}
      </h3>
      <CollabEditor roomId={section.roomId} editable={section.canWrite} identity={identity} people={people} highlights={highlights} compact />
    </div>
  );
}
