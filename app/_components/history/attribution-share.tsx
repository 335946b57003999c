'use client';

import { useEffect, useState } from 'react';
import { stateColor } from '../../../lib/shared/state-colors';
import { api } from '../api-client';

type Share = { state: { code: string } | null; label: string; characters: number; share: number };

/** The share of the section's current text written by each state. */
export function AttributionShare({ sectionId }: { sectionId: string }) {
  const [shares, setShares] = useState<Share[] | null>(null);
  useEffect(() => {
    api<{ byState: Share[] }>('GET', `/api/sections/${sectionId}/attribution`).then((r) => setShares(r.byState), () => setShares([]));
  }, [sectionId]);
  if (!shares) return <p className="muted">Counting contributions…</p>;
  return (
    <div aria-label="Contributions by state">
      <strong>Contributions to the current text</strong>
      <ul className="plain shares">
        {shares.map((s) => (
          <li key={s.label}>
            <span className="bar" style={{ width: `${Math.max(2, s.share * 100)}%`, background: stateColor(s.state?.code) }} />
            {s.label}: {Math.round(s.share * 100)}% ({s.characters} characters)
          </li>
        ))}
      </ul>
    </div>
  );
}
