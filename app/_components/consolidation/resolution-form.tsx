'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { removedWords } from '../../../lib/shared/compare-words';
import { overlappingSpan } from '../../../lib/shared/overlapping-span';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useStateName } from '../i18n/use-state-name';
import { useBusyCall } from '../use-busy-call';
import { RemovedWords, WordComparison } from './merge-preview';
import type { OverlapView } from './overlap-types';

/** The chair's three answers to an open overlap. */
export type ResolutionKind = 'merge' | 'keep' | 'dismiss';

/** The chair's three answers to an open overlap: merge into one wording, keep both (why), or dismiss. */
export function ResolutionForm({
  overlap,
  onResolved,
}: {
  overlap: OverlapView;
  onResolved: (kind: ResolutionKind) => void;
}) {
  const t = useTranslations('ResolutionForm');
  const stateName = useStateName();
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [wording, setWording] = useState(overlap.a.text);
  const [replace, setReplace] = useState(() => spanOf(overlap, 'a', overlap.a.text));
  const [confirming, setConfirming] = useState(false);
  const { run, error, busy } = useBusyCall();
  const other = keep === 'a' ? 'b' : 'a';
  const removed = [
    {
      state: stateName(overlap[keep].state.code),
      section: overlap[keep].sectionNumber,
      words: removedWords(overlap[keep].text, wording),
    },
    {
      state: stateName(overlap[other].state.code),
      section: overlap[other].sectionNumber,
      words: replace.trim() ? [replace.trim()] : [],
    },
  ];

  function choose(side: 'a' | 'b') {
    setKeep(side);
    setWording(overlap[side].text);
    setReplace(spanOf(overlap, side, overlap[side].text));
    setConfirming(false);
  }

  async function send(event: FormEvent<HTMLFormElement>, body: { kind: ResolutionKind; [field: string]: unknown }) {
    event.preventDefault();
    await run(async () => {
      await api('POST', `/api/overlaps/${overlap.id}/resolution`, body);
      onResolved(body.kind);
    });
  }

  const form = (event: FormEvent<HTMLFormElement>, field: string) =>
    String(new FormData(event.currentTarget).get(field) ?? '');
  return (
    <div className="resolution-form stack">
      <WordComparison overlap={overlap} />
      <form
        className="stack"
        onSubmit={(e) =>
          confirming
            ? send(e, { kind: 'merge', keep, wording, replace: replace.trim() || undefined })
            : (e.preventDefault(), setConfirming(true))
        }
      >
        <fieldset className="row">
          <legend>{t('mergeLegend')}</legend>
          {(['a', 'b'] as const).map((side) => (
            <label key={side}>
              <input type="radio" name="keep" checked={keep === side} onChange={() => choose(side)} />
              <span>
                {t('wordingOf', { state: stateName(overlap[side].state.code), number: overlap[side].sectionNumber })}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="stack">
          <span>{t('wording')}</span>
          <textarea
            value={wording}
            onChange={(e) => (setWording(e.target.value), setConfirming(false))}
            rows={4}
            required
            maxLength={5000}
          />
        </label>
        <label className="stack">
          <span>
            {t('replaced', { state: stateName(overlap[other].state.code), number: overlap[other].sectionNumber })}
          </span>
          <textarea
            value={replace}
            onChange={(e) => (setReplace(e.target.value), setConfirming(false))}
            rows={3}
            maxLength={5000}
          />
        </label>
        <p className="muted small">{t('mergeNote')}</p>
        <section className="stack merge-confirmation" aria-label={t('removedHeading')}>
          <h3>{t('removedHeading')}</h3>
          <RemovedWords removed={removed} />
        </section>
        {confirming ? (
          <div className="row" role="group" aria-label={t('confirmLabel')}>
            <button type="submit" disabled={busy}>
              {t('confirmMerge')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button type="submit" disabled={busy}>
            {t('merge')}
          </button>
        )}
      </form>
      <form className="row" onSubmit={(e) => send(e, { kind: 'keep', reason: form(e, 'reason') })}>
        <input
          name="reason"
          aria-label={t('keepReason')}
          placeholder={t('keepReasonPlaceholder')}
          required
          minLength={3}
          maxLength={500}
        />
        <button type="submit" disabled={busy}>
          {t('keepBoth')}
        </button>
      </form>
      <form className="row" onSubmit={(e) => send(e, { kind: 'dismiss', reason: form(e, 'reason') || undefined })}>
        <input
          name="reason"
          aria-label={t('dismissReason')}
          placeholder={t('dismissReasonPlaceholder')}
          maxLength={500}
        />
        <button type="submit" disabled={busy}>
          {t('dismiss')}
        </button>
      </form>
      <ErrorAlert message={error} />
    </div>
  );
}

/** The sentences of the other paragraph that overlap the kept wording: what the reference replaces unless the chair says otherwise. */
function spanOf(overlap: OverlapView, keep: 'a' | 'b', wording: string): string {
  const other = overlap[keep === 'a' ? 'b' : 'a'].text;
  const span = overlappingSpan(other, wording);
  return other.slice(span.start, span.end);
}
