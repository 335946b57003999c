'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PlanView } from '../../../lib/plans/get-plan';
import { api } from '../api-client';
import { Panel } from './panel';
import type { Run } from './use-action';

/** The chair opens or closes the observers' channel of every section. */
export function ObserversPanel({ plan, run, busy }: { plan: PlanView; run: Run; busy: boolean }) {
  const t = useTranslations('ObserversPanel');
  // Shown as chosen at once; put back if the server refuses.
  const [open, setOpen] = useState(plan.observerComments);
  return (
    <Panel title={t('title')}>
      <p className="muted small">{t('about')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={open}
          disabled={busy}
          onChange={(e) => {
            const next = e.target.checked;
            setOpen(next);
            void run(() => api('PUT', `/api/plans/${plan.id}/observer-comments`, { open: next })).then(
              (done) => done === undefined && setOpen(!next),
            );
          }}
        />
        {t('open')}
      </label>
      <p className="small" role="status">
        {open ? t('opened') : t('closed')}
      </p>
    </Panel>
  );
}
