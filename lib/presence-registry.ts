const KEY = Symbol.for('concordia.presence');

/** Room → user ids with at least one connection there. */
export type PresenceSnapshot = Record<string, string[]>;

type Remote = { rooms: Map<string, Set<string>>; expiresAt: number };

/**
 * Who is connected to which room: counted here for this instance's own connections, and as last
 * told by each other instance (over Redis), until that instance stops telling.
 */
export class Presence {
  /** Room → user → open connections on this instance. */
  private readonly local = new Map<string, Map<string, number>>();
  private readonly remote = new Map<string, Remote>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  markOnline(room: string, userId: string): void {
    const users = this.local.get(room) ?? new Map<string, number>();
    const before = users.get(userId) ?? 0;
    users.set(userId, before + 1);
    this.local.set(room, users);
    if (before === 0) this.changed();
  }

  markOffline(room: string, userId: string): void {
    const users = this.local.get(room);
    const left = (users?.get(userId) ?? 0) - 1;
    if (!users || left < 0) return;
    if (left > 0) return void users.set(userId, left);
    users.delete(userId);
    if (users.size === 0) this.local.delete(room);
    this.changed();
  }

  /** User ids with at least one open connection to the room, on any instance. */
  onlineIn(room: string): string[] {
    const ids = new Set(this.local.get(room)?.keys());
    const now = this.now();
    for (const [instance, remote] of this.remote) {
      if (remote.expiresAt <= now) this.remote.delete(instance);
      else for (const id of remote.rooms.get(room) ?? []) ids.add(id);
    }
    return [...ids];
  }

  /** This instance's own connections, to tell the others. */
  snapshot(): PresenceSnapshot {
    return Object.fromEntries([...this.local].map(([room, users]) => [room, [...users.keys()]]));
  }

  /** What another instance said it holds; believed for `ttlMs`, unless it says again. */
  setRemote(instance: string, snapshot: PresenceSnapshot, ttlMs: number): void {
    const rooms = new Map(Object.entries(snapshot).map(([room, users]) => [room, new Set(users)]));
    this.remote.set(instance, { rooms, expiresAt: this.now() + ttlMs });
  }

  forgetRemote(instance?: string): void {
    if (instance === undefined) this.remote.clear();
    else this.remote.delete(instance);
  }

  /** Runs `listener` when a user comes to or leaves a room on this instance. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The process's presence: the collaboration server writes, the dashboard reads. On globalThis
 * because Next bundles its own copy of lib/.
 */
export function presence(): Presence {
  const holder = globalThis as { [KEY]?: Presence };
  holder[KEY] ??= new Presence();
  return holder[KEY];
}
