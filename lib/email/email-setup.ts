import { EventEmitter } from 'node:events';

/** What an email needs from the running server: where its links point, and who sends it. */
export type EmailSetup = { siteOrigin: string; from: string };

const KEY = Symbol.for('concordia.email');

type Holder = { setup: EmailSetup | null; queued: EventEmitter };

/** On globalThis because Next bundles its own copy of lib/: a route queues, the server's worker sends. */
function holder(): Holder {
  const global = globalThis as { [KEY]?: Holder };
  global[KEY] ??= { setup: null, queued: new EventEmitter().setMaxListeners(0) };
  return global[KEY];
}

/** The email worker says email is on (SMTP_URL set) when it starts, and off when it stops. */
export function setEmailSetup(setup: EmailSetup | null): void {
  holder().setup = setup;
}

/** Null when the server sends no email: nothing is then queued. */
export function emailSetup(): EmailSetup | null {
  return holder().setup;
}

/** Something was put in the outbox: the worker sends it now rather than at its next round. */
export function announceEmailQueued(): void {
  holder().queued.emit('queued');
}

export function onEmailQueued(listener: () => void): () => void {
  holder().queued.on('queued', listener);
  return () => holder().queued.off('queued', listener);
}
