import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { plans } from '../../../db/schema';
import { onPlanChanged } from '../../../lib/plans/plan-events';
import { encodeObserverChannelMessage } from '../../../lib/shared/app-messages';
import { parseRoom } from '../../../lib/shared/rooms';
import type { Connection } from '../connection';

/**
 * Tells the pages open on a plan's sections whether its observers' channel is open, when the plan changes
 * and the setting is not what they were last told: the chair opening it during a meeting shows observers
 * the form at once. The plan changes that reach every instance (Redis) carry it to every instance's pages.
 */
export function pushObserverChannel(options: { db: Db; log: Logger; connections: Iterable<Connection> }): {
  close(): void;
} {
  /** Plan → the setting its pages were last told, or opened with (read when the plan first changes). */
  const told = new Map<string, boolean>();
  const stop = onPlanChanged((planId) => {
    options.db
      .select({ open: plans.observerComments })
      .from(plans)
      .where(eq(plans.id, planId))
      .then(([plan]) => {
        if (!plan || told.get(planId) === plan.open) return;
        told.set(planId, plan.open);
        const message = encodeObserverChannelMessage(plan.open);
        for (const connection of options.connections)
          if (connection.planId === planId && parseRoom(connection.roomName)?.kind === 'section')
            connection.send(message);
      })
      .catch((error: unknown) =>
        options.log.warn(
          { err: error, planId },
          "could not tell a plan's pages whether its observers' channel is open",
        ),
      );
  });
  return { close: stop };
}
