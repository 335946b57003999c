'use client';

import type { PlanView } from '../../../lib/plans/get-plan';
import { api } from '../api-client';
import { Panel } from './panel';
import type { Run } from './use-action';

const PHASES = ['goal', 'drafting', 'consolidation', 'adopted'] as const;

/** The plan's phase, and the chair's step forward or back. */
export function PhasePanel({ plan, run, busy }: { plan: PlanView; run: Run; busy: boolean }) {
  const index = PHASES.indexOf(plan.phase);
  return (
    <Panel title="Phase">
      <p>
        The plan is in the <strong>{plan.phase}</strong> phase.
      </p>
      <div className="row">
        {index > 0 && (
          <button type="button" className="secondary" disabled={busy} onClick={() => run(() => api('POST', `/api/plans/${plan.id}/phase`, { phase: PHASES[index - 1] }))}>
            Back to {PHASES[index - 1]}
          </button>
        )}
        {index < PHASES.length - 1 && (
          <button type="button" disabled={busy} onClick={() => run(() => api('POST', `/api/plans/${plan.id}/phase`, { phase: PHASES[index + 1] }))}>
            {plan.phase === 'goal' ? 'Publish the goal and open drafting' : `Move to ${PHASES[index + 1]}`}
          </button>
        )}
      </div>
    </Panel>
  );
}
