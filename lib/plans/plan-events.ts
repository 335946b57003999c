import { EventEmitter } from 'node:events';

const KEY = Symbol.for('concordia.planEvents');

/**
 * Process-wide signals about a plan, for the collaboration server: its appointments, sections or phase
 * changed (it re-evaluates open connections), its overlaps did, or a section's discussion grew. On globalThis because Next bundles
 * its own copy of lib/.
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

/**
 * A plan's stored overlaps changed (an analysis opened, closed or re-scored some, or the chair resolved
 * one): the collaboration server sends the sections concerned their new list (server/collab/push/overlaps.ts).
 */
export function notifyOverlapsChanged(
  planId: string,
  sectionIds: readonly string[],
  source: ChangeSource = 'local',
): void {
  if (sectionIds.length) emitter().emit('overlaps', planId, sectionIds, source);
}

export function onOverlapsChanged(
  listener: (planId: string, sectionIds: readonly string[], source: ChangeSource) => void,
): () => void {
  emitter().on('overlaps', listener);
  return () => emitter().off('overlaps', listener);
}

/** Someone wrote in a section's discussion: the collaboration server sends it to the section's connections. */
export function notifyCommentPosted(sectionId: string, commentId: string, source: ChangeSource = 'local'): void {
  emitter().emit('comment', sectionId, commentId, source);
}

export function onCommentPosted(
  listener: (sectionId: string, commentId: string, source: ChangeSource) => void,
): () => void {
  emitter().on('comment', listener);
  return () => emitter().off('comment', listener);
}

/** A section's amendments changed (proposed, supported, decided): the collaboration server tells its pages. */
export function notifyAmendmentsChanged(sectionId: string, source: ChangeSource = 'local'): void {
  emitter().emit('amendments', sectionId, source);
}

export function onAmendmentsChanged(listener: (sectionId: string, source: ChangeSource) => void): () => void {
  emitter().on('amendments', listener);
  return () => emitter().off('amendments', listener);
}
