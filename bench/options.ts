import path from 'node:path';
import type { ServerKind } from './load/wire';
import type { PlanSize } from './plan-text';

export const SCENARIOS = [
  'typing',
  'typing-analysis',
  'presence',
  'many-writers',
  'capacity',
  'cold-load',
  'persistence',
  'two-instances',
  'idle-memory',
  'overlaps',
  'export',
  'plenary',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
/** Run by default: the product and its peers. */
export const SERVERS: readonly ServerKind[] = ['concordia', 'y-websocket', 'hocuspocus'];
/** The servers Concordia's ratios compare against. */
export const PEERS: readonly ServerKind[] = ['y-websocket', 'hocuspocus'];
/** Also accepted by --server: the bare relay, the floor any server could reach on this machine. */
export const KNOWN_SERVERS: readonly ServerKind[] = [...SERVERS, 'relay'];
/** In the order exported: the first export of a round, docx by default, loads every document. */
export const EXPORT_FORMATS = ['docx', 'html', 'md', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type FanoutSize = {
  editors: number;
  keysPerSecond: number;
  probes: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
};

/**
 * The plenary (Concordia only): a plan of `sections` sections of `words` words each, the lead and the
 * co-editor of every section typing `keysPerSecond` each, `probes` observer-account probes per section,
 * and the observers of each step (one account each, on the plan page and one section).
 */
export type PlenaryOptions = {
  sections: number;
  words: number;
  keysPerSecond: number;
  probes: number;
  observers: number[];
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  /** Then the first step again on two instances (needs DATABASE_URL and REDIS_URL). */
  twoInstances: boolean;
};

export type BenchOptions = {
  smoke: boolean;
  rounds: number;
  scenarios: ScenarioName[];
  servers: ServerKind[];
  /** Postgres server for Concordia (DATABASE_URL); unset → PGlite in a temp dir. */
  databaseUrl: string | undefined;
  /**
   * Concordia as `npm start` runs it, Next.js included (the headline); false runs the collaboration
   * server alone (`--collab-only`, or a smoke run without a current build of the app).
   */
  web: boolean;
  /** Redis for the two-instance scenario (REDIS_URL), which also needs databaseUrl: two processes share one database. */
  redisUrl: string | undefined;
  tracePath: string;
  /** One server process per kind for the whole run instead of a fresh one per measurement. */
  reuseServers: boolean;
  /** Where the JSON results go; null writes nothing (the smoke test). */
  outFile: string | null;
  typing: FanoutSize & { observers: number[] };
  /** Typing while observers keep an awareness state as browsers do (renewed every 15 s); the typing scenario's observers are silent. */
  presence: FanoutSize & { observers: number };
  manyWriters: FanoutSize;
  capacity: FanoutSize & { steps: number[]; p99LimitMs: number };
  coldLoad: { clients: number; traceTransactions: number | undefined };
  /** Editors on one instance, probes and observers on another (Concordia on Redis), against one instance. */
  twoInstances: FanoutSize & { observers: number };
  persistence: {
    flush: FanoutSize;
    throughput: FanoutSize;
    compactionRows: number;
    pollMs: number;
  };
  /**
   * Sections each loaded once by a reader, then left idle. waitMs is how long a server rests before
   * each RSS reading, after start and after the last client: V8 gives an idle heap's garbage back
   * on its own schedule (20–30 s after the last activity on the bench machine). RSS is sampled every
   * pollMs meanwhile, to see when it came back.
   */
  idleMemory: { sections: number; words: number; pollMs: number; waitMs: number };
  /** The synthetic plan (bench/plan-text.ts) whose overlaps are analysed and which is exported. */
  plan: PlanSize;
  /**
   * Timings of each analysis, full and incremental. Rounds do not apply: the analysis runs in the
   * bench's own process, with no server to start afresh.
   */
  overlaps: { runs: number };
  /**
   * Exports per format without the annex, in each of `rounds` rounds (one more follows with the
   * annex); the first of a round is timed apart, since it loads the documents or starts Chromium.
   */
  export: { runs: number; formats: ExportFormat[] };
  plenary: PlenaryOptions;
  connectTimeoutMs: number;
  /** Longest wait, before each measurement, for other processes to go idle (0: do not wait). */
  quietWaitMs: number;
};

const TYPING: FanoutSize = {
  editors: 10,
  keysPerSecond: 5,
  probes: 2,
  warmupMs: 1_000,
  measureMs: 8_000,
  drainMs: 5_000,
};
// Generous drain and connect limits: a smoke run shares the cores with the rest of `npm test`, and
// the drain ends as soon as every edit has arrived.
const SMOKE_TYPING: FanoutSize = {
  editors: 2,
  keysPerSecond: 5,
  probes: 2,
  warmupMs: 100,
  measureMs: 600,
  drainMs: 10_000,
};

type Sizes = Pick<
  BenchOptions,
  | 'rounds'
  | 'typing'
  | 'presence'
  | 'manyWriters'
  | 'capacity'
  | 'coldLoad'
  | 'persistence'
  | 'twoInstances'
  | 'idleMemory'
  | 'plan'
  | 'overlaps'
  | 'export'
  | 'plenary'
  | 'connectTimeoutMs'
  | 'quietWaitMs'
>;

/**
 * Sizes of a full run (about a quarter of an hour on 2 cores, 13 minutes more of idle-memory, mostly
 * waiting, and about 5 of overlaps and export, 80 s per export round) and of a smoke run (seconds).
 */
function sizes(smoke: boolean): Sizes {
  if (smoke) {
    return {
      rounds: 1,
      typing: { ...SMOKE_TYPING, observers: [5] },
      presence: { ...SMOKE_TYPING, observers: 5 },
      manyWriters: { ...SMOKE_TYPING, editors: 4 },
      // A limit no healthy run reaches: a smoke run checks that the ramp works, not how far it goes.
      capacity: { ...SMOKE_TYPING, steps: [2, 4], p99LimitMs: 10_000 },
      coldLoad: { clients: 2, traceTransactions: 3_000 },
      persistence: {
        flush: SMOKE_TYPING,
        throughput: { ...SMOKE_TYPING, keysPerSecond: 50 },
        compactionRows: 300,
        pollMs: 10,
      },
      twoInstances: { ...SMOKE_TYPING, observers: 5 },
      // Long enough for Concordia to unload its rooms (2 s after the last client) on a busy machine.
      idleMemory: { sections: 3, words: 200, pollMs: 250, waitMs: 4_000 },
      plan: { sections: 3, words: 200 },
      overlaps: { runs: 2 },
      // Every format, pdf included: Chromium starts in about 3 s, and the whole scenario takes about 10 s.
      export: { runs: 2, formats: [...EXPORT_FORMATS] },
      plenary: {
        sections: 3,
        words: 100,
        keysPerSecond: 2,
        probes: 1,
        observers: [20],
        warmupMs: 300,
        measureMs: 2_000,
        drainMs: 10_000,
        twoInstances: true,
      },
      connectTimeoutMs: 20_000,
      quietWaitMs: 0,
    };
  }
  return {
    rounds: 3,
    typing: { ...TYPING, observers: [200, 1_000] },
    // A renewal is a message from each observer every 15 s: the window sees about half of them renew.
    presence: { ...TYPING, observers: 1_000 },
    manyWriters: { ...TYPING, editors: 50 },
    // Short windows: a ramp to 8,000 observers is five of them per server and round.
    capacity: { ...TYPING, measureMs: 5_000, steps: [500, 1_000, 2_000, 4_000, 8_000], p99LimitMs: 100 },
    coldLoad: { clients: 3, traceTransactions: undefined },
    persistence: {
      flush: TYPING,
      throughput: { ...TYPING, editors: 20, keysPerSecond: 100 },
      compactionRows: 10_000,
      pollMs: 5,
    },
    twoInstances: { ...TYPING, observers: 200 },
    // The plan of the working group: 35 sections of about 5,000 words.
    idleMemory: { sections: 35, words: 5_000, pollMs: 1_000, waitMs: 40_000 },
    plan: { sections: 35, words: 5_000 },
    overlaps: { runs: 5 },
    export: { runs: 5, formats: [...EXPORT_FORMATS] },
    // People typing in a plenary: 1.5 keys/s each, 105 keys/s across the plan; the warm-up covers the
    // overlap analysis's first debounce, so the window sees analyses under way.
    plenary: {
      sections: 35,
      words: 300,
      keysPerSecond: 1.5,
      probes: 1,
      observers: [2_000, 4_000],
      warmupMs: 5_000,
      measureMs: 20_000,
      // Long enough that the crowd process, alone on its core, catches up and delivery is measured.
      drainMs: 30_000,
      twoInstances: true,
    },
    connectTimeoutMs: 30_000,
    quietWaitMs: 15_000,
  };
}

const USAGE = `usage: npm run bench -- [--smoke] [--scenario ${SCENARIOS.join('|')}]... [--server ${KNOWN_SERVERS.join('|')}]...
                      [--rounds N] [--out FILE | --no-write] [--trace automerge-paper.json.gz]
                      [--reuse-servers | --fresh-servers]   (default: fresh per measurement; --smoke reuses)
                      [--collab-only]   (Concordia without Next.js; default: the process \`npm start\` runs)
                      [--plenary-observers 2000,4000] [--plenary-words 300] [--plenary-one-instance]
environment: DATABASE_URL  Postgres server for Concordia's benchmark databases (default: PGlite in a temp dir)
             REDIS_URL     Redis for the two-instance scenario (skipped without it and DATABASE_URL)`;

export class UsageError extends Error {}

/** Flags and the environment the entry point hands over; nothing here reads process state itself. */
export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  repoRoot: string,
): BenchOptions {
  const smoke = argv.includes('--smoke');
  const scenarios: ScenarioName[] = [];
  const servers: ServerKind[] = [];
  let rounds: number | undefined;
  let outFile: string | null | undefined;
  let tracePath: string | undefined;
  let reuseServers = smoke;
  let web = true;
  let plenaryObservers: number[] | undefined;
  let plenaryWords: number | undefined;
  let plenaryTwoInstances = true;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--smoke') continue;
    else if (flag === '--scenario')
      scenarios.push(
        ...value()
          .split(',')
          .map((s) => oneOf(s, SCENARIOS)),
      );
    else if (flag === '--server')
      servers.push(
        ...value()
          .split(',')
          .map((s) => oneOf(s, KNOWN_SERVERS)),
      );
    else if (flag === '--rounds') rounds = positiveInteger(value());
    else if (flag === '--out') outFile = path.resolve(value());
    else if (flag === '--no-write') outFile = null;
    else if (flag === '--reuse-servers') reuseServers = true;
    else if (flag === '--fresh-servers') reuseServers = false;
    else if (flag === '--trace') tracePath = path.resolve(value());
    else if (flag === '--collab-only') web = false;
    else if (flag === '--plenary-observers') plenaryObservers = value().split(',').map(positiveInteger);
    else if (flag === '--plenary-words') plenaryWords = positiveInteger(value());
    else if (flag === '--plenary-one-instance') plenaryTwoInstances = false;
    else throw new UsageError(`unknown argument ${flag}\n${USAGE}`);
  }
  const base = sizes(smoke);
  const date = new Date().toISOString().slice(0, 10);
  return {
    ...base,
    smoke,
    rounds: rounds ?? base.rounds,
    plenary: {
      ...base.plenary,
      observers: plenaryObservers ?? base.plenary.observers,
      words: plenaryWords ?? base.plenary.words,
      twoInstances: base.plenary.twoInstances && plenaryTwoInstances,
    },
    scenarios: scenarios.length ? [...new Set(scenarios)] : [...SCENARIOS],
    servers: servers.length ? [...new Set(servers)] : [...SERVERS],
    reuseServers,
    databaseUrl: env.DATABASE_URL || undefined,
    web,
    redisUrl: env.REDIS_URL || undefined,
    tracePath: tracePath ?? path.resolve(repoRoot, '..', 'shared', 'data', 'editing-traces', 'automerge-paper.json.gz'),
    outFile:
      outFile === undefined ? path.join(repoRoot, 'bench', 'results', `${date}${smoke ? '-smoke' : ''}.json`) : outFile,
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`unknown value ${value}; one of ${allowed.join(', ')}\n${USAGE}`);
  return value as T;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`expected a positive integer, got ${value}`);
  return n;
}
