'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  AMENDMENT_MAX_CHARS,
  REASON_MAX_CHARS,
  type AmendmentAction,
  type AmendmentView,
} from '../../../lib/shared/amendments';
import type { Quote } from '../../../lib/shared/discussion';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { useStateName } from '../i18n/use-state-name';
import { onRoomEvent } from '../room/room-events';
import { AmendmentItem } from './amendment-item';

/** What the reader may do, as `can` decides it on the server (which checks again). */
export type AmendmentRights = {
  /** The reader's state, when they coordinate one; null for the chair and observers. */
  state: string | null;
  canPropose: boolean;
  /** The section's lead state or the chair: accepts and rejects. */
  canDecide: boolean;
  isChair: boolean;
};

type Props = { sectionId: string; roomId: string; rights: AmendmentRights };

/**
 * A section's amendments: each with its number, sponsor, the paragraph it concerns, co-sponsors and
 * objections, and what the reader may do with it; and the form to propose one on the words selected in
 * the text.
 */
export function AmendmentsPanel({ sectionId, roomId, rights }: Props) {
  const t = useTranslations('Amendments');
  const stateName = useStateName();
  const [amendments, setAmendments] = useState<AmendmentView[] | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [kind, setKind] = useState<'replace' | 'insert' | 'delete'>('replace');
  const { message: error, fail, clear } = useFailure();
  const path = `/api/sections/${sectionId}/amendments`;

  const load = useCallback(() => {
    api<{ amendments: AmendmentView[] }>('GET', path).then((result) => setAmendments(result.amendments), fail);
  }, [path, fail]);
  useEffect(load, [load]);
  useEffect(
    () =>
      onRoomEvent(roomId, (event) => {
        if (event.kind === 'amendments') setAmendments(event.amendments);
        // Read again once the connection is in the room: a change made while the page loaded is not missed.
        if (event.kind === 'synced' || event.kind === 'resynced') load();
        if (event.kind === 'amend') {
          setQuote(event.quote);
          document.getElementById('amendment-form')?.scrollIntoView({ block: 'center' });
        }
      }),
    [roomId, load],
  );

  // A link from the plan's amendments list (…#amendment-<id>): the list arrives after the page, so the
  // browser cannot bring it into view itself.
  const listed = amendments !== null;
  useEffect(() => {
    const hash = window.location.hash;
    if (!listed || !/^#amendment-[0-9a-f-]+$/.test(hash)) return;
    const heading = document.getElementById(hash.slice(1));
    heading?.closest('li')?.classList.add('linked');
    heading?.scrollIntoView({ block: 'center' });
  }, [listed]);

  const replaced = (changed: AmendmentView) =>
    setAmendments((list) => (list ?? []).map((a) => (a.id === changed.id ? changed : a)));
  const act = async (amendment: AmendmentView, action: AmendmentAction) => {
    try {
      replaced(await api<AmendmentView>('POST', `/api/amendments/${amendment.id}`, action));
      clear();
    } catch (failure) {
      fail(failure);
    }
  };

  const propose = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!quote) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      const added = await api<AmendmentView>('POST', path, {
        kind,
        from: quote.from,
        to: quote.to,
        text: kind === 'delete' ? '' : data.get('text'),
        justification: data.get('justification'),
      });
      setAmendments((list) => [...(list ?? []).filter((a) => a.id !== added.id), added]);
      setQuote(null);
      clear();
      form.reset();
    } catch (failure) {
      fail(failure);
    }
  };

  const pending = amendments?.filter((a) => a.status === 'pending').length ?? 0;
  return (
    <section className="card stack panel amendments" aria-labelledby="amendments-heading">
      <h2 id="amendments-heading">{t('heading')}</h2>
      {amendments && <p className="muted small">{t('count', { total: amendments.length, pending })}</p>}
      {amendments && amendments.length > 0 && (
        <ol className="plain stack" aria-label={t('list')}>
          {amendments.map((a) => (
            <AmendmentItem
              key={a.id}
              amendment={a}
              rights={rights}
              sponsor={a.sponsorState ? stateName(a.sponsorState) : t('chair')}
              onAct={(action) => act(a, action)}
            />
          ))}
        </ol>
      )}
      <ErrorAlert message={error} />
      {rights.canPropose && (
        <form id="amendment-form" className="stack" onSubmit={propose} aria-label={t('form')}>
          {quote ? (
            <>
              <p className="small">{t('selectedPassage')}</p>
              <blockquote className="quoted">{quote.text}</blockquote>
              <fieldset>
                <legend className="small">{t('kindLegend')}</legend>
                {(['replace', 'insert', 'delete'] as const).map((k) => (
                  <label key={k} className="small">
                    <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
                    {t(`kind.${k}`)}
                  </label>
                ))}
              </fieldset>
              {kind !== 'delete' && (
                <label className="stack small">
                  {kind === 'insert' ? t('insertedWording') : t('newWording')}
                  <textarea name="text" rows={2} maxLength={AMENDMENT_MAX_CHARS} required />
                </label>
              )}
              <label className="stack small">
                {t('justification')}
                <textarea name="justification" rows={2} maxLength={REASON_MAX_CHARS} />
              </label>
              <div className="row">
                <button type="submit">{t('submit')}</button>
                <button type="button" className="link small" onClick={() => setQuote(null)}>
                  {t('cancel')}
                </button>
              </div>
            </>
          ) : (
            <p className="muted small">{t('howToPropose')}</p>
          )}
        </form>
      )}
    </section>
  );
}
