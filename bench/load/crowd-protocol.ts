import type { LatencySummary } from '../stats';
import type { Target } from './wire';

/** What the editors' load process asks of its observer crowd (crowd.ts); times are epoch ms. */
export type CrowdRequest =
  /** Opens `count` more observers, 64 at a time. */
  | {
      type: 'connect';
      target: Target;
      count: number;
      presence: boolean;
      timeoutMs: number;
      /** Rooms the observers are spread over in turn (default: target.room). */
      rooms?: string[];
      /** A goal room each observer also follows as a plan page (`follow=plan`). */
      planPageRoom?: string;
    }
  /** From now on, arrivals count (kept raw until window-end). */
  | { type: 'window-start' }
  /** The window's sends: credit the arrivals, wait up to drainMs for the rest, and report. */
  | {
      type: 'window-end';
      bases: Array<[client: number, base: number]>;
      sends: Array<[client: number, clock: number, at: number]>;
      drainMs: number;
      /** Each editor's room, when observers are spread over rooms: only that room's observers must receive its edits. */
      roomOf?: Array<[client: number, room: string]>;
    };

export type CrowdMessage =
  | { type: 'connected'; failures: number; ms: number; observers: number }
  | { type: 'ack' }
  | {
      type: 'window';
      /** Edits some observer never received within the drain. */
      undelivered: Array<[client: number, clock: number]>;
      observer: LatencySummary;
      observersClosed: number;
      planPages?: { open: number; reached: number; messages: number; bytes: number };
      /** The crowd process's CPU over the window, % of one core. */
      cpuPercent: number;
    }
  | { type: 'error'; message: string };
