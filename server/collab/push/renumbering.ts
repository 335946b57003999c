import { inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { sections } from '../../../db/schema';
import { planNumbering } from '../../../lib/negotiation/plan-numbering';
import { referencedNumbers } from '../../../lib/negotiation/referenced-numbers';
import { notifyAmendmentsChanged } from '../../../lib/plans/plan-events';
import { parseRoom } from '../../../lib/shared/rooms';
import type { Rooms } from '../rooms/rooms';

/**
 * Keeps the numbers on open section pages current when another section's text renumbers them: in a plan
 * numbered continuously, a paragraph added to section 1 moves every number of the sections after it, and
 * a merge's reference follows its paragraph wherever it is. Every interval, each section with pages
 * connected here has its numbering and its references' numbers worked out again (counted in the live
 * documents); a section whose numbers moved is sent its negotiation again (message 107, push/amendments.ts).
 */
export function pushRenumbering(options: { db: Db; log: Logger; rooms: Rooms; intervalMs: number }): {
  close(): void;
} {
  /** Section → the numbers its pages were last told of, as JSON. */
  const told = new Map<string, string>();
  let running = false;

  const tick = async () => {
    if (running) return;
    running = true;
    const open = new Set<string>();
    try {
      for (const room of await options.rooms.all()) {
        const ref = parseRoom(room.name);
        if (ref?.kind === 'section' && room.members.size) open.add(ref.sectionId);
      }
      if (!open.size) return;
      const rows = await options.db
        .select({ id: sections.id, planId: sections.planId })
        .from(sections)
        .where(inArray(sections.id, [...open]));
      for (const planId of new Set(rows.map((r) => r.planId))) {
        const numberings = await planNumbering(options.db, planId);
        for (const { id } of rows.filter((r) => r.planId === planId)) {
          const numbers = JSON.stringify([
            numberings.get(id),
            await referencedNumbers(options.db, planId, id, numberings),
          ]);
          const before = told.get(id);
          told.set(id, numbers);
          if (before !== undefined && before !== numbers) notifyAmendmentsChanged(id);
        }
      }
    } catch (error) {
      options.log.warn({ err: error }, 'could not work out the open sections’ numbers again; their pages keep theirs');
    } finally {
      for (const id of told.keys()) if (!open.has(id)) told.delete(id);
      running = false;
    }
  };

  const timer = setInterval(() => void tick(), options.intervalMs);
  return { close: () => clearInterval(timer) };
}
