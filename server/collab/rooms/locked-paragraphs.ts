import type { Db } from '../../../db/client';
import { lockedParagraphIds, lockedParagraphIdsBySection } from '../../../lib/negotiation/paragraph-statuses';
import { parseRoom } from '../../../lib/shared/rooms';

const NONE: ReadonlySet<string> = new Set();

/**
 * Every section's agreed paragraphs (their elements' Yjs ids), held in memory: read once as the server
 * starts and again for a section whenever its statuses change (push/amendments.ts), so that a room
 * takes its locks as it loads without waiting on the database: a room's load stays what it was.
 */
export class LockedParagraphs {
  private constructor(
    private readonly db: Db,
    private readonly bySection: Map<string, ReadonlySet<string>>,
  ) {}

  static async read(db: Db): Promise<LockedParagraphs> {
    return new LockedParagraphs(db, await lockedParagraphIdsBySection(db));
  }

  /** A room's agreed paragraphs: only sections have any. */
  of(roomName: string): ReadonlySet<string> {
    const room = parseRoom(roomName);
    return (room?.kind === 'section' && this.bySection.get(room.sectionId)) || NONE;
  }

  /** Reads a section's agreed paragraphs again, after its statuses changed on another instance. */
  async refresh(sectionId: string): Promise<ReadonlySet<string>> {
    const ids = await lockedParagraphIds(this.db, sectionId);
    this.set(sectionId, ids);
    return ids;
  }

  /** A section's agreed paragraphs as a status change in this process read them. */
  set(sectionId: string, ids: ReadonlySet<string>): void {
    if (ids.size) this.bySection.set(sectionId, ids);
    else this.bySection.delete(sectionId);
  }
}
