import { EventEmitter } from 'node:events';
import type { ChangeSource } from '../plans/plan-events';

const KEY = Symbol.for('concordia.notificationEvents');

/** On globalThis because Next bundles its own copy of lib/: the route adds, the collaboration server pushes. */
function emitter(): EventEmitter {
  const holder = globalThis as { [KEY]?: EventEmitter };
  holder[KEY] ??= new EventEmitter().setMaxListeners(0);
  return holder[KEY];
}

/** These users' notifications changed (new ones, or read): their open pages are sent the unread count. */
export function notifyUsersNotified(userIds: readonly string[], source: ChangeSource = 'local'): void {
  if (userIds.length) emitter().emit('notified', userIds, source);
}

export function onUsersNotified(listener: (userIds: readonly string[], source: ChangeSource) => void): () => void {
  emitter().on('notified', listener);
  return () => emitter().off('notified', listener);
}
