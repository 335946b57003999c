const KEY = Symbol.for('concordia.presence');

type Registry = Map<string, Map<string, number>>;

/**
 * Who is connected to which room in this process: the collaboration server writes, the dashboard
 * reads. On globalThis because Next bundles its own copy of lib/. Per instance until scale-out.
 */
function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function markOnline(room: string, userId: string): void {
  const users = registry().get(room) ?? new Map<string, number>();
  users.set(userId, (users.get(userId) ?? 0) + 1);
  registry().set(room, users);
}

export function markOffline(room: string, userId: string): void {
  const users = registry().get(room);
  const left = (users?.get(userId) ?? 1) - 1;
  if (!users) return;
  if (left > 0) users.set(userId, left);
  else users.delete(userId);
  if (users.size === 0) registry().delete(room);
}

/** User ids with at least one open connection to the room. */
export function onlineIn(room: string): string[] {
  return [...(registry().get(room)?.keys() ?? [])];
}
