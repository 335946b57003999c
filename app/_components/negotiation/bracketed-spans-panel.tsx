'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { MAX_ALTERNATIVES, SPAN_MAX_CHARS, type BracketedSpanView } from '../../../lib/shared/bracketed-spans';
import type { Quote } from '../../../lib/shared/discussion';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { useStateName } from '../i18n/use-state-name';
import { onRoomEvent } from '../room/room-events';
import { followNegotiation } from './follow-negotiation';

type Props = {
  sectionId: string;
  roomId: string;
  /** The chair, in the consolidation phase (`can`: paragraph.status); the server checks again. */
  canSet: boolean;
  /** The plan's states, by code, that the chair may name as proposing an alternative. */
  states: readonly string[];
};

/**
 * The section's words in brackets, each with the alternatives offered for it, for everyone; for the chair,
 * the form to bracket the words selected in the text (with alternatives), and, per span, keeping one
 * wording or removing the brackets. Kept live by the server's pushes.
 */
export function BracketedSpansPanel({ sectionId, roomId, canSet, states }: Props) {
  const t = useTranslations('BracketedSpans');
  const stateName = useStateName();
  const [spans, setSpans] = useState<BracketedSpanView[] | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  const { message: error, fail, clear } = useFailure();

  useEffect(
    () =>
      followNegotiation(roomId, `/api/sections/${sectionId}/paragraph-status`, {
        read: (body) => (body as { spans?: BracketedSpanView[] }).spans ?? [],
        pushed: (event) => event.spans,
        show: setSpans,
      }),
    [roomId, sectionId],
  );
  useEffect(
    () =>
      onRoomEvent(roomId, (event) => {
        if (event.kind !== 'bracket') return;
        setQuote(event.quote);
        clear();
        document.getElementById('bracket-form')?.scrollIntoView({ block: 'center' });
      }),
    [roomId, clear],
  );

  const settle = async (
    span: BracketedSpanView,
    body: { action: 'resolve'; keep: number } | { action: 'unbracket' },
  ) => {
    try {
      await api('POST', `/api/bracketed-spans/${span.id}`, body);
      clear();
    } catch (failure) {
      fail(failure);
    }
  };

  if (!canSet && !spans?.length) return null;
  return (
    <section className="card stack panel bracketed-spans" aria-labelledby="bracketed-spans-heading">
      <h2 id="bracketed-spans-heading">{t('heading')}</h2>
      {canSet && !quote && <p className="muted small">{t('hint')}</p>}
      {canSet && quote && (
        <BracketForm
          sectionId={sectionId}
          quote={quote}
          states={states}
          onDone={() => setQuote(null)}
          onFail={fail}
          onSent={clear}
        />
      )}
      {spans && spans.length > 0 && (
        <ul className="plain">
          {spans.map((span) => (
            <li key={span.id} data-span={span.id}>
              <p>
                {span.paragraph ? t('inParagraph', { paragraph: span.paragraph }) : t('gone')}{' '}
                <strong>[{span.text}]</strong>
                {span.alternatives.map((a, i) => (
                  <span key={i}>
                    <strong>[{a.text}]</strong>
                    {a.state && <span className="muted small"> {t('proposedBy', { state: stateName(a.state) })}</span>}
                  </span>
                ))}
                {span.changed && <span className="muted small"> {t('changed')}</span>}
              </p>
              {canSet && (
                <div className="row">
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => void settle(span, { action: 'resolve', keep: 0 })}
                  >
                    {t('keep', { text: span.text })}
                  </button>
                  {span.alternatives.map((a, i) => (
                    <button
                      key={i}
                      type="button"
                      className="secondary small"
                      onClick={() => void settle(span, { action: 'resolve', keep: i + 1 })}
                    >
                      {t('keep', { text: a.text })}
                    </button>
                  ))}
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => void settle(span, { action: 'unbracket' })}
                  >
                    {t('unbracket')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}

/** The chair's form for the selected words: their alternatives, each with the state that proposed it if any. */
function BracketForm({
  sectionId,
  quote,
  states,
  onDone,
  onFail,
  onSent,
}: {
  sectionId: string;
  quote: Quote;
  states: readonly string[];
  onDone: () => void;
  onFail: (failure: unknown) => void;
  onSent: () => void;
}) {
  const t = useTranslations('BracketedSpans');
  const stateName = useStateName();
  const [count, setCount] = useState(1);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const alternatives = Array.from({ length: count }, (_, i) => ({
      text: String(data.get(`alternative-${i}`) ?? '').trim(),
      state: String(data.get(`state-${i}`) ?? '') || null,
    })).filter((a) => a.text);
    try {
      await api('POST', `/api/sections/${sectionId}/bracketed-spans`, { from: quote.from, to: quote.to, alternatives });
      onSent();
      onDone();
    } catch (failure) {
      onFail(failure);
    }
  };
  return (
    <form id="bracket-form" className="stack" onSubmit={(event) => void submit(event)}>
      <p>{t('bracketing', { text: quote.text })}</p>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="row">
          <label>
            {t('alternative', { number: i + 1 })}
            <input name={`alternative-${i}`} maxLength={SPAN_MAX_CHARS} />
          </label>
          <label>
            {t('proposingState', { number: i + 1 })}
            <select name={`state-${i}`} defaultValue="">
              <option value="">{t('noState')}</option>
              {states.map((code) => (
                <option key={code} value={code}>
                  {stateName(code)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ))}
      <div className="row">
        {count < MAX_ALTERNATIVES && (
          <button type="button" className="secondary small" onClick={() => setCount(count + 1)}>
            {t('addAlternative')}
          </button>
        )}
        <button type="submit" className="small">
          {t('submit')}
        </button>
        <button type="button" className="secondary small" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
