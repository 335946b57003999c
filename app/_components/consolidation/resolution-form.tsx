'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useStateName } from '../i18n/use-state-name';
import { useBusyCall } from '../use-busy-call';
import type { OverlapView } from './overlap-types';

/** The chair's three answers to an open overlap: merge into one wording, keep both (why), or dismiss. */
export function ResolutionForm({ overlap, onResolved }: { overlap: OverlapView; onResolved: () => void }) {
  const t = useTranslations('ResolutionForm');
  const stateName = useStateName();
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
          <legend>{t('mergeLegend')}</legend>
          {(['a', 'b'] as const).map((side) => (
            <label key={side}>
              <input type="radio" name="keep" checked={keep === side} onChange={() => choose(side)} />{' '}
              {t('wordingOf', { state: stateName(overlap[side].state.code), number: overlap[side].sectionNumber })}
            </label>
          ))}
        </fieldset>
        <textarea aria-label={t('wording')} value={wording} onChange={(e) => setWording(e.target.value)} rows={4} required maxLength={5000} />
        <p className="muted small">{t('mergeNote')}</p>
        <button type="submit" disabled={busy}>
          {t('merge')}
        </button>
      </form>
      <form className="row" onSubmit={(e) => send(e, { kind: 'keep', reason: form(e, 'reason') })}>
        <input name="reason" aria-label={t('keepReason')} placeholder={t('keepReasonPlaceholder')} required minLength={3} maxLength={500} />
        <button type="submit" disabled={busy}>
          {t('keepBoth')}
        </button>
      </form>
      <form className="row" onSubmit={(e) => send(e, { kind: 'dismiss', reason: form(e, 'reason') || undefined })}>
        <input name="reason" aria-label={t('dismissReason')} placeholder={t('dismissReasonPlaceholder')} maxLength={500} />
        <button type="submit" disabled={busy}>
          {t('dismiss')}
        </button>
      </form>
      <ErrorAlert message={error} />
    </div>
  );
}
