import type { PlanSize } from '../plan-text';
import type { AnalysisLoadReport } from './analysis-load';
import type { AnalysisCount } from './count-analyses';
import type { PlenaryPlan } from './plenary-plan';
import type { RoomRole } from './launch';

/** What the orchestrator may ask of the Concordia launcher, which runs inside the server process. */
export type ConcordiaRequest =
  | { id: number; type: 'watch-start'; room: string; intervalMs: number }
  | { id: number; type: 'watch-stop' }
  | { id: number; type: 'compaction'; room: string; logFile: string; expectedText: string }
  /** Replaces a room's stored document with one update row, the way the server stores updates. */
  | { id: number; type: 'preload'; room: string; file: string }
  /** A new plan with one section per file (each file's update stored as that room's document); answers the rooms. */
  | { id: number; type: 'sections'; files: string[] }
  /** Builds the plan of the analysis load (see analysis-load.ts); then start runs analyses until stop. */
  | { id: number; type: 'analysis-prepare'; size: PlanSize }
  | { id: number; type: 'analysis-start' }
  | { id: number; type: 'analysis-stop' }
  /** The plenary's plan, writers and observer accounts (plenary-plan.ts); counts the server's own analyses from then on. */
  | { id: number; type: 'plenary-prepare'; size: PlanSize; observers: number }
  /** Where the update log and the server's analyses stand, read at each end of the plenary's window. */
  | { id: number; type: 'plenary-mark' };

/** The update log's last row id (rows written = the difference) and the analyses the server ran so far. */
export type PlenaryMark = { lastUpdateId: number; analyses: AnalysisCount | null };

/** A newly visible update-log row: which clocks of which clients it made durable, and when (epoch ms). */
export type VisibleRow = { at: number; ranges: Array<[client: number, from: number, to: number]> };

export type CompactionReport = {
  rows: number;
  insertMs: number;
  /** DocumentStore.load with the whole log still in place (what a cold room costs before compaction). */
  loadBeforeMs: number;
  /** The longest the server's event loop was blocked during that load: every room on it waits that long. */
  loadLoopBlockedMs: number;
  compactMs: number;
  /** The same during compaction. */
  compactLoopBlockedMs: number;
  loadAfterMs: number;
  rowsLeft: number;
  stateBytes: number;
  textMatches: boolean;
};

/** A request as the orchestrator writes it; the launcher handle numbers it. */
export type ConcordiaCall = ConcordiaRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export type ConcordiaReply =
  | {
      id: number;
      ok: true;
      rows?: VisibleRow[];
      compaction?: CompactionReport;
      rooms?: string[];
      analysis?: AnalysisLoadReport;
      plenary?: PlenaryPlan;
      mark?: PlenaryMark;
    }
  | { id: number; ok: false; error: string };

/** The line the launcher prints once it serves: where, which rooms, and the seeded users' ids. */
export type ConcordiaReady = {
  bench: 'ready';
  port: number;
  rooms: Record<RoomRole, string>;
  users: { chair: string; peru: string; mexico: string; observer: string };
  /** The observer crowd's accounts (see crowdAccounts), members of every plan made before the line. */
  crowd: string[];
};
