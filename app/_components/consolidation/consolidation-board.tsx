'use client';

import { useState } from 'react';
import { api } from '../api-client';
import type { EditorIdentity } from '../editor/editor-props';
import type { Person } from '../editor/people';
import type { BoardSection } from './live-passage';
import { describeResolution, openAndResolved, percent } from './overlap-types';
import { OverlapWorkbench } from './overlap-workbench';
import { PassageCard } from './passage-card';
import { useOverlaps } from './use-overlaps';

type Props = { planId: string; goalRoomId: string; sections: BoardSection[]; identity: EditorIdentity; people: Record<string, Person> };

/**
 * The chair's consolidation view: the plan's open overlaps strongest first; opening one shows both
 * passages marked in their live editors side by side, with the three resolutions below.
 */
export function ConsolidationBoard({ planId, goalRoomId, sections, identity, people }: Props) {
  const { overlaps, canResolve, error, refresh } = useOverlaps(`/api/plans/${planId}/overlaps`, { plan: goalRoomId });
  const [openId, setOpenId] = useState<string | null>(null);
  const [analysing, setAnalysing] = useState(false);
  const { open, resolved } = openAndResolved(overlaps);
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
        <OverlapWorkbench
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
