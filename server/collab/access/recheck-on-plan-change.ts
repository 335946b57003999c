import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { onPlanChanged } from '../../../lib/plans/plan-events';
import type { Connection } from '../connection';
import { KeyedDebounce } from '../timers/keyed-debounce';
import { recheckPlan } from './recheck-plan';

/** Short enough that a permission change reaches open editors well within the promised 2 seconds. */
const RECHECK_AFTER_MS = 100;

/**
 * Re-decides a plan's open connections (recheckPlan) when its appointments, sections, freezes or phase
 * change, once per burst: a chair editing a section's states makes several changes in a row.
 */
export function recheckOnPlanChange(options: { db: Db; log: Logger; connections: Iterable<Connection> }) {
  const { db, log, connections } = options;
  const rechecks = new KeyedDebounce<string>({
    waitMs: RECHECK_AFTER_MS,
    maxWaitMs: RECHECK_AFTER_MS,
    run: (planId) =>
      void recheckPlan(db, log, planId, connections).catch((error: unknown) =>
        log.error({ err: error, planId }, 're-evaluation failed'),
      ),
  });
  let changes = 0;
  const stopListening = onPlanChanged((planId) => {
    changes++;
    rechecks.call(planId);
  });
  return {
    /** Plan changes heard so far: a connection admitted across one is checked again (recheck). */
    get changes(): number {
      return changes;
    },
    recheck(planId: string): void {
      rechecks.call(planId);
    },
    /** Every plan with a connection here: changes made elsewhere while Redis was away are lost. */
    recheckAll(): void {
      for (const planId of new Set([...connections].map((c) => c.planId))) rechecks.call(planId);
    },
    close(): void {
      stopListening();
      rechecks.clear();
    },
  };
}

export type PlanChangeRechecks = ReturnType<typeof recheckOnPlanChange>;
