'use client';

import { useTranslations } from 'next-intl';
import type { PlanView } from '../../../lib/plans/get-plan';
import { api } from '../api-client';
import { Panel } from './panel';
import type { Run } from './use-action';

const PHASES = ['goal', 'drafting', 'consolidation', 'adopted'] as const;

/** The plan's phase, and the chair's step forward or back. */
export function PhasePanel({ plan, run, busy }: { plan: PlanView; run: Run; busy: boolean }) {
  const t = useTranslations('PhasePanel');
  const index = PHASES.indexOf(plan.phase);
  const previous = PHASES[index - 1];
  const next = PHASES[index + 1];
  return (
    <Panel title={t('title')}>
      <p>{t.rich('current', { phase: plan.phase, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="row">
        {previous && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => run(() => api('POST', `/api/plans/${plan.id}/phase`, { phase: previous }))}
          >
            {t('back', { phase: previous })}
          </button>
        )}
        {next && (
          <button
            type="button"
            disabled={busy}
            onClick={() => run(() => api('POST', `/api/plans/${plan.id}/phase`, { phase: next }))}
          >
            {t('forward', { phase: next })}
          </button>
        )}
      </div>
    </Panel>
  );
}
