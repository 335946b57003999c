import type { WebSocket } from 'ws';
import type { MessageBudget } from './message-budget';

/** How long a socket paused for its budget waits before it is read again. */
const RESUME_MS = 50;

/**
 * One connection's incoming messages, handled in order as fast as its budget allows. A faster client is
 * slowed, not cut off: its socket is paused (TCP pushes back) until the budget refills, so nothing it
 * sent is lost; past `maxQueued` waiting messages it counts as a flood.
 */
export class Incoming {
  private readonly queued: Uint8Array[] = [];
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly budget: MessageBudget,
    /** Messages waiting for budget before the client is disconnected as a flood. */
    private readonly maxQueued: number,
    /** Whether messages may be handled now (the connection is in its room and open). */
    private readonly ready: () => boolean,
    private readonly handle: (message: Uint8Array) => void,
  ) {}

  /** Queues a message; false when too many wait already (a flood), and the connection should close. */
  push(message: Uint8Array): boolean {
    this.queued.push(message);
    return this.queued.length <= this.maxQueued;
  }

  /** Whether a message still waiting matches. */
  some(predicate: (message: Uint8Array) => boolean): boolean {
    return this.queued.some(predicate);
  }

  /** Handles what is queued while the connection is ready and the budget lasts. */
  drain(): void {
    if (this.resumeTimer || !this.ready()) return;
    while (this.queued.length && this.ready()) {
      if (!this.budget.take()) {
        this.socket.pause();
        this.resumeTimer = setTimeout(() => {
          this.resumeTimer = undefined;
          if (!this.ready()) return;
          this.socket.resume();
          this.drain();
        }, RESUME_MS);
        return;
      }
      this.handle(this.queued.shift()!);
    }
  }

  stop(): void {
    clearTimeout(this.resumeTimer);
  }
}
