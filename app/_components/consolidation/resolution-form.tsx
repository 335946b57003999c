'use client';

import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';
import type { OverlapView } from './overlap-types';

/** The chair's three answers to an open overlap: merge into one wording, keep both (why), or dismiss. */
export function ResolutionForm({ overlap, onResolved }: { overlap: OverlapView; onResolved: () => void }) {
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [wording, setWording] = useState(overlap.a.text);
  const { run, error, busy } = useBusyCall();

  function choose(side: 'a' | 'b') {
    setKeep(side);
    setWording(overlap[side].text);
  }

  async function send(event: FormEvent<HTMLFormElement>, body: unknown) {
    event.preventDefault();
    await run(async () => {
      await api('POST', `/api/overlaps/${overlap.id}/resolution`, body);
      onResolved();
    });
  }

  const form = (event: FormEvent<HTMLFormElement>, field: string) => String(new FormData(event.currentTarget).get(field) ?? '');
  return (
    <div className="resolution-form stack">
      <form className="stack" onSubmit={(e) => send(e, { kind: 'merge', keep, wording })}>
        <fieldset className="row">
          <legend>Merge: the wording that stays, co-sponsored by both states</legend>
          {(['a', 'b'] as const).map((side) => (
            <label key={side}>
              <input type="radio" name="keep" checked={keep === side} onChange={() => choose(side)} /> {overlap[side].state.name}&apos;s wording (section{' '}
              {overlap[side].sectionNumber})
            </label>
          ))}
        </fieldset>
        <textarea aria-label="Wording that stays" value={wording} onChange={(e) => setWording(e.target.value)} rows={4} required maxLength={5000} />
        <p className="muted small">
          The other passage is replaced by a reference to this one. A version is saved first in both sections, so the merge can be undone.
        </p>
        <button type="submit" disabled={busy}>
          Merge
        </button>
      </form>
      <form className="row" onSubmit={(e) => send(e, { kind: 'keep', reason: form(e, 'reason') })}>
        <input name="reason" aria-label="Why both stay" placeholder="Why both stay (e.g. different target groups)" required minLength={3} maxLength={500} />
        <button type="submit" disabled={busy}>
          Keep both
        </button>
      </form>
      <form className="row" onSubmit={(e) => send(e, { kind: 'dismiss', reason: form(e, 'reason') || undefined })}>
        <input name="reason" aria-label="Why this is not an overlap" placeholder="Why this is not an overlap (optional)" maxLength={500} />
        <button type="submit" disabled={busy}>
          Dismiss
        </button>
      </form>
      <ErrorAlert message={error} />
    </div>
  );
}
