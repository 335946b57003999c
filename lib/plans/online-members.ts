import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Role } from '../permissions/can';
import { presence } from '../presence-registry';

export type StateRef = { code: string; name: string };

export type OnlineMember = { name: string; role: Role | 'admin'; state: StateRef | null };

type Member = { userId: string; name: string; role: Role; stateCode: string | null };

/**
 * Who is connected to each of the plan's rooms now, on any instance, by name, role and state, in name
 * order. Administrators may look in without being members: they are read by id and shown as such.
 */
export async function onlineMembers(
  db: Db,
  members: readonly Member[],
  rooms: readonly string[],
  stateRef: (code: string) => StateRef,
): Promise<Map<string, OnlineMember[]>> {
  const idsByRoom = new Map(rooms.map((room) => [room, presence().onlineIn(room)]));
  const byId = new Map<string, Member | { userId: string; name: string; role: null; stateCode: null }>(
    members.map((m) => [m.userId, m]),
  );
  const outsiders = [...new Set([...idsByRoom.values()].flat())].filter((id) => !byId.has(id));
  if (outsiders.length) {
    const visitors = await db
      .select({ userId: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, outsiders));
    for (const v of visitors) byId.set(v.userId, { ...v, role: null, stateCode: null });
  }
  const online = (ids: string[]): OnlineMember[] =>
    ids
      .flatMap((id) => {
        const p = byId.get(id);
        return p
          ? [{ name: p.name, role: p.role ?? ('admin' as const), state: p.stateCode ? stateRef(p.stateCode) : null }]
          : [];
      })
      .sort((x, y) => x.name.localeCompare(y.name));
  return new Map([...idsByRoom].map(([room, ids]) => [room, online(ids)]));
}
