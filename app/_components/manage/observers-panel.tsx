'use client';

import { useTranslations } from 'next-intl';
import type { PlanView } from '../../../lib/plans/get-plan';
import { api } from '../api-client';
import { Panel } from './panel';
import type { Run } from './use-action';

/** The chair opens or closes the observers' channel of every section. */
export function ObserversPanel({ plan, run, busy }: { plan: PlanView; run: Run; busy: boolean }) {
  const t = useTranslations('ObserversPanel');
  return (
    <Panel title={t('title')}>
      <p className="muted small">{t('about')}</p>
      <label>
        <input
          type="checkbox"
          checked={plan.observerComments}
          disabled={busy}
          onChange={(e) => {
            const open = e.target.checked;
            void run(() => api('PUT', `/api/plans/${plan.id}/observer-comments`, { open }));
          }}
        />{' '}
        {t('open')}
      </label>
      <p className="small" role="status">
        {plan.observerComments ? t('opened') : t('closed')}
      </p>
    </Panel>
  );
}
