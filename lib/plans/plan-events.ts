import { EventEmitter } from 'node:events';

const KEY = Symbol.for('concordia.planEvents');

/**
 * Process-wide signal that a plan's appointments, sections or phase changed, so the collaboration
 * server re-evaluates open connections. On globalThis because Next bundles its own copy of lib/.
 */
function emitter(): EventEmitter {
  const holder = globalThis as { [KEY]?: EventEmitter };
  holder[KEY] ??= new EventEmitter().setMaxListeners(0);
  return holder[KEY];
}

/** Where a change was made: in this process, or on another instance (relayed once, never relayed again). */
export type ChangeSource = 'local' | 'remote';

export function notifyPlanChanged(planId: string, source: ChangeSource = 'local'): void {
  emitter().emit('changed', planId, source);
}

export function onPlanChanged(listener: (planId: string, source: ChangeSource) => void): () => void {
  emitter().on('changed', listener);
  return () => emitter().off('changed', listener);
}
