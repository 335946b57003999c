import type { Db } from '../../../db/client';
import { lockedParagraphIds } from '../../../lib/negotiation/paragraph-statuses';
import { parseRoom } from '../../../lib/shared/rooms';

/** A room's agreed paragraphs, read as it loads: only sections have any. */
export function lockedParagraphsOf(db: Db): (name: string) => Promise<ReadonlySet<string>> {
  return async (name) => {
    const room = parseRoom(name);
    return room?.kind === 'section' ? lockedParagraphIds(db, room.sectionId) : new Set<string>();
  };
}
