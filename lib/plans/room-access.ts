import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionCoEditors, sections } from '../../db/schema';
import { roomAccess, type Role, type RoomAccess } from '../permissions';
import type { RoomRef } from '../shared/rooms';
import { loadAccessContext } from './access-context';

export type RoomGrant = { planId: string; access: RoomAccess; role: Role | 'admin' };

/** What `userId` may do in a collaboration room; null when the room names nothing that exists. */
export async function resolveRoomAccess(db: Db, userId: string, room: RoomRef): Promise<RoomGrant | null> {
  if (room.kind === 'goal') {
    const ctx = await loadAccessContext(db, userId, room.planId);
    return ctx ? { planId: room.planId, access: roomAccess(ctx, { kind: 'goal' }), role: ctx.membership?.role ?? 'admin' } : null;
  }
  // Both by the section's id, so one round trip to the database instead of two.
  const [[section], coEditors] = await Promise.all([
    db.select().from(sections).where(eq(sections.id, room.sectionId)).limit(1),
    db.select({ stateCode: sectionCoEditors.stateCode }).from(sectionCoEditors).where(eq(sectionCoEditors.sectionId, room.sectionId)),
  ]);
  if (!section) return null;
  const ctx = await loadAccessContext(db, userId, section.planId);
  if (!ctx) return null;
  const target = { leadState: section.leadState, coEditingStates: coEditors.map((c) => c.stateCode), frozen: section.frozen };
  return { planId: section.planId, access: roomAccess(ctx, { kind: 'section', section: target }), role: ctx.membership?.role ?? 'admin' };
}
