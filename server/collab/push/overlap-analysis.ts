import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { sections } from '../../../db/schema';
import { markAnalysed } from '../../../lib/consolidation/list-overlaps';
import { refreshOverlaps } from '../../../lib/consolidation/refresh-overlaps';
import { parseRoom } from '../../../lib/shared/rooms';
import type { DocumentStore } from '../storage/document-store';
import { KeyedDebounce } from '../timers/keyed-debounce';

/**
 * Longest a plan's analysis waits, in debounce periods, while edits never settle: in a plenary some
 * delegation is always typing, and overlaps must still appear and follow.
 */
const MAX_WAIT_PERIODS = 5;

/**
 * Re-analyses a plan's overlaps once edits to its sections (updates the store takes) have settled for
 * `debounceMs` (or, while they never settle, every few periods), so that overlaps appear, follow and
 * close while people type, without analysing on every keystroke.
 */
export function watchOverlaps(options: { db: Db; log: Logger; store: DocumentStore; debounceMs: number }): {
  close(): void;
} {
  const planOfSection = new Map<string, string>();
  let closed = false;
  const analyses = new KeyedDebounce<string>({
    waitMs: options.debounceMs,
    maxWaitMs: options.debounceMs * MAX_WAIT_PERIODS,
    run: analyse,
  });

  async function lookUpPlan(sectionId: string): Promise<string | null> {
    const [row] = await options.db.select({ planId: sections.planId }).from(sections).where(eq(sections.id, sectionId));
    if (row) planOfSection.set(sectionId, row.planId);
    return row?.planId ?? null;
  }

  function analyse(planId: string): void {
    if (closed) return;
    refreshOverlaps(options.db, planId).then(
      (result) => {
        markAnalysed(planId);
        if (result.opened || result.closed) options.log.info({ planId, ...result }, 'overlaps changed');
      },
      (error: unknown) => options.log.warn({ err: error, planId }, 'overlap analysis failed; the next edit retries'),
    );
  }

  /** A section's document changed. */
  function changed(roomName: string): void {
    const room = parseRoom(roomName);
    if (closed || room?.kind !== 'section') return;
    // Called for every stored update: the known case stays synchronous, without a promise per keystroke.
    const known = planOfSection.get(room.sectionId);
    if (known) return analyses.call(known);
    lookUpPlan(room.sectionId).then(
      (planId) => planId && analyses.call(planId),
      (error: unknown) => options.log.warn({ err: error, room: roomName }, 'could not find the plan of a section'),
    );
  }

  const stopWatching = options.store.onAppended(changed);
  return {
    close(): void {
      closed = true;
      stopWatching();
      analyses.clear();
    },
  };
}
