import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, ensureBuild } from '../scripts/ensure-build';
import type { BenchOptions, ScenarioName } from './options';
import { runCapacity, type CapacityResult } from './scenarios/capacity';
import { runColdLoad, type ColdLoadResult } from './scenarios/cold-load';
import { closePool, type Context } from './scenarios/context';
import { runExport, type ExportResult } from './scenarios/export';
import { runIdleMemory, type IdleMemoryResult } from './scenarios/idle-memory';
import { runOverlaps, type OverlapsResult } from './scenarios/overlaps';
import { runPersistence, type PersistenceResult } from './scenarios/persistence';
import { runPlenary, type PlenaryResult } from './scenarios/plenary';
import { REPO_ROOT } from './servers/launch';
import { runTwoInstances, type TwoInstancesResult } from './scenarios/two-instances';
import { runFanoutScenario, type FanoutGroup } from './scenarios/typing';
import { runTypingAnalysis, type TypingAnalysisResult } from './scenarios/typing-analysis';

export type BenchResults = {
  date: string;
  machine: {
    cpus: number;
    model: string;
    memoryGiB: number;
    node: string;
    kernel: string;
    loadAverageAtStart: number[];
  };
  /** The tree measured: Concordia's figures are those of this commit plus any uncommitted change. */
  source: { commit: string; uncommittedChanges: boolean };
  database: 'postgres' | 'pglite';
  /** What Concordia's row measures: the process `npm start` runs (Next.js included), or the collaboration server alone. */
  concordiaProcess: 'npm start' | 'collaboration server alone';
  smoke: boolean;
  rounds: number;
  servers: string[];
  durationSeconds?: number;
  typing?: FanoutGroup[];
  typingAnalysis?: TypingAnalysisResult;
  presence?: FanoutGroup[];
  manyWriters?: FanoutGroup[];
  capacity?: CapacityResult;
  coldLoad?: ColdLoadResult;
  persistence?: PersistenceResult;
  twoInstances?: TwoInstancesResult;
  idleMemory?: IdleMemoryResult;
  overlaps?: OverlapsResult;
  export?: ExportResult;
  plenary?: PlenaryResult;
  /** Scenarios that failed, with the reason; the others still ran. */
  errors: Partial<Record<string, string>>;
};

/** Runs the chosen scenarios one after another; servers and load generators are child processes. */
export async function runBench(given: BenchOptions, log: (line: string) => void): Promise<BenchResults> {
  const started = performance.now();
  const options = { ...given, web: given.web && appBuilt(given, log) };
  const context: Context = { options, secret: randomBytes(32).toString('base64url'), log, pool: new Map() };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'concordia-bench-work-'));
  const cpus = os.cpus();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      kernel: os.release(),
      loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    source: sourceVersion(),
    database: options.databaseUrl ? 'postgres' : 'pglite',
    concordiaProcess: options.web ? 'npm start' : 'collaboration server alone',
    smoke: options.smoke,
    rounds: options.rounds,
    servers: options.servers,
    errors: {},
  };
  try {
    for (const scenario of options.scenarios) {
      try {
        await runScenario(scenario, context, workDir, results);
      } catch (error) {
        results.errors[scenario] = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`${scenario} failed: ${results.errors[scenario]}`);
      }
    }
  } finally {
    await closePool(context);
    rmSync(workDir, { recursive: true, force: true });
  }
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  if (options.outFile) {
    mkdirSync(path.dirname(options.outFile), { recursive: true });
    writeFileSync(options.outFile, `${JSON.stringify(results, null, 2)}\n`);
  }
  return results;
}

/**
 * Builds the app as `npm start` does before a full run; a smoke run (inside `npm test`) does not wait
 * minutes for a build and measures the collaboration server alone when the build is not current.
 */
function appBuilt(options: BenchOptions, log: (line: string) => void): boolean {
  if (buildIsCurrent(REPO_ROOT)) return true;
  if (options.smoke) {
    log('the app is not built for these sources: Concordia runs without Next.js in this smoke run');
    return false;
  }
  ensureBuild(REPO_ROOT);
  return true;
}

function sourceVersion(): BenchResults['source'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedChanges: git('status', '--porcelain', '--untracked-files=no', '--', 'server', 'lib', 'db').length > 0,
    };
  } catch {
    return { commit: 'unknown', uncommittedChanges: true };
  }
}

async function runScenario(
  scenario: ScenarioName,
  context: Context,
  workDir: string,
  results: BenchResults,
): Promise<void> {
  const { options } = context;
  switch (scenario) {
    case 'typing':
      results.typing = await runFanoutScenario('typing', context, options.typing, options.typing.observers);
      break;
    case 'typing-analysis':
      if (options.servers.includes('concordia')) results.typingAnalysis = await runTypingAnalysis(context);
      break;
    case 'presence':
      results.presence = await runFanoutScenario('presence', context, { ...options.presence, observerPresence: true }, [
        options.presence.observers,
      ]);
      break;
    case 'many-writers':
      results.manyWriters = await runFanoutScenario('many writers', context, options.manyWriters, [0]);
      break;
    case 'capacity':
      results.capacity = await runCapacity(context);
      break;
    case 'cold-load':
      results.coldLoad = await runColdLoad(context, workDir);
      break;
    case 'persistence':
      if (options.servers.includes('concordia')) results.persistence = await runPersistence(context, workDir);
      break;
    case 'two-instances':
      if (options.servers.includes('concordia')) results.twoInstances = await runTwoInstances(context);
      break;
    case 'idle-memory':
      results.idleMemory = await runIdleMemory(context, workDir);
      break;
    // Features the peers do not have: figures for Concordia, no ratio.
    case 'overlaps':
      if (options.servers.includes('concordia')) results.overlaps = await runOverlaps(context);
      break;
    case 'export':
      if (options.servers.includes('concordia')) results.export = await runExport(context);
      break;
    case 'plenary':
      if (options.servers.includes('concordia')) results.plenary = await runPlenary(context);
      break;
  }
}
