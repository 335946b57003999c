'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { REASON_MAX_CHARS, type AmendmentAction, type AmendmentView } from '../../../lib/shared/amendments';
import { useStateName } from '../i18n/use-state-name';
import { AmendmentDetails } from './amendment-details';
import type { AmendmentRights } from './amendments-panel';

type Props = {
  amendment: AmendmentView;
  rights: AmendmentRights;
  sponsor: string;
  onAct: (action: AmendmentAction) => Promise<void>;
};

/** One amendment: what it proposes and where, who supports or objects, its status, and the reader's buttons. */
export function AmendmentItem({ amendment: a, rights, sponsor, onAct }: Props) {
  const t = useTranslations('Amendments');
  const stateName = useStateName();
  const [rejecting, setRejecting] = useState(false);
  const pending = a.status === 'pending';
  const own = rights.state !== null && rights.state === a.sponsorState;
  const mayStand = pending && rights.state !== null && !own;
  const mayWithdraw = pending && (own || (rights.isChair && a.sponsorState === null));
  const reject = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await onAct({ action: 'reject', reason: String(new FormData(event.currentTarget).get('reason') ?? '') });
    setRejecting(false);
  };
  return (
    <li
      className="amendment stack"
      data-status={a.status}
      data-state={a.sponsorState ?? 'chair'}
      aria-labelledby={`amendment-${a.id}`}
    >
      <h3 id={`amendment-${a.id}`} className="small">
        {t('title', { number: a.number, sponsor })}
      </h3>
      <AmendmentDetails amendment={a} sponsor={sponsor} stateName={stateName} />
      {(mayStand || mayWithdraw || (pending && rights.canDecide)) && (
        <div className="row">
          {mayStand && (
            <>
              <button
                type="button"
                className="secondary small"
                aria-pressed={a.cosponsors.includes(rights.state!)}
                onClick={() => onAct({ action: 'cosponsor' })}
              >
                {t('cosponsor')}
              </button>
              <button
                type="button"
                className="secondary small"
                aria-pressed={a.objections.includes(rights.state!)}
                onClick={() => onAct({ action: 'object' })}
              >
                {t('object')}
              </button>
            </>
          )}
          {pending && rights.canDecide && (
            <>
              <button type="button" className="small" disabled={a.outdated} onClick={() => onAct({ action: 'accept' })}>
                {t('accept')}
              </button>
              <button type="button" className="secondary small" onClick={() => setRejecting(true)}>
                {t('reject')}
              </button>
            </>
          )}
          {mayWithdraw && (
            <button type="button" className="link small" onClick={() => onAct({ action: 'withdraw' })}>
              {t('withdraw')}
            </button>
          )}
        </div>
      )}
      {rejecting && (
        <form className="stack" onSubmit={reject} aria-label={t('rejectForm', { number: a.number })}>
          <label className="stack small">
            {t('reason')}
            <textarea name="reason" rows={2} maxLength={REASON_MAX_CHARS} required />
          </label>
          <button type="submit" className="align-start small">
            {t('confirmReject')}
          </button>
        </form>
      )}
    </li>
  );
}
