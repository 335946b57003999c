import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ExportFormat } from '../options';
import type { ExportJob, ExportReply, ExportRun } from '../servers/concordia-export-ipc';
import { createBenchDatabase } from '../servers/database';
import { REPO_ROOT, stopChild } from '../servers/launch';
import { median, round } from '../stats';
import { waitForQuiet, type Context } from './context';

export type ExportSummary = {
  format: ExportFormat;
  firstMs: number;
  /** Median of the exports after the first, without the annex. */
  medianMs: number;
  annexMs: number;
  kib: number;
  annexKib: number;
};

export type ExportResult = {
  sections: number;
  words: number;
  /** Exports per format and round without the annex; one more follows with it. */
  runs: number;
  /** Why pdf was left out (no Chromium), or null. */
  pdfUnavailable: string | null;
  rounds: Array<ExportRun & { round: number }>;
  /** Medians over rounds, per format. */
  summary: ExportSummary[];
};

/** Longest a round may take: drafting the full plan, then six exports in each of four formats. */
const ROUND_TIMEOUT_MS = 20 * 60_000;
/** Output lines of the export process kept for an error message. */
const KEPT_LINES = 30;

/**
 * Concordia only: the compiled plan exported in every format, through the real server on the
 * database the bench gives Concordia (a new one per round). Each round is a new process, so each
 * has a first export that loads every document and a first pdf that starts Chromium.
 */
export async function runExport(context: Context): Promise<ExportResult> {
  const { plan, rounds } = context.options;
  const { runs, formats } = context.options.export;
  const done: ExportResult['rounds'] = [];
  for (let r = 1; r <= rounds; r++) {
    await waitForQuiet(context);
    context.log(
      `export: ${plan.sections} sections × ${plan.words} words, ${formats.join(', ')}, ${runs} + 1 exports each, round ${r}`,
    );
    done.push({ round: r, ...(await exportRound(context, { plan, runs, formats })) });
  }
  const first = done[0]!;
  // Whole milliseconds and KiB: an export takes from a tenth of a second to seconds.
  const m = (values: number[]) => round(median(values), 0);
  const summary = first.formats.map(({ format }) => {
    const mine = done.flatMap((d) => d.formats.filter((f) => f.format === format));
    return {
      format,
      firstMs: m(mine.map((f) => f.ms[0]!)),
      medianMs: m(mine.map((f) => median(f.ms.slice(1)))),
      annexMs: m(mine.map((f) => f.annexMs)),
      kib: m(mine.map((f) => f.bytes / 1024)),
      annexKib: m(mine.map((f) => f.annexBytes / 1024)),
    };
  });
  return {
    sections: first.sections,
    words: first.words,
    runs,
    pdfUnavailable: first.pdfUnavailable,
    rounds: done,
    summary,
  };
}

/** Runs bench/servers/concordia-export.ts on a new database, dropped afterwards. */
async function exportRound(context: Context, job: ExportJob): Promise<ExportRun> {
  const database = await createBenchDatabase(context.options.databaseUrl);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    NEXTAUTH_SECRET: context.secret,
    DEMO_ACCOUNTS: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    ...(database.url && { DATABASE_URL: database.url }),
  };
  const script = path.join(REPO_ROOT, 'bench/servers/concordia-export.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(job)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > KEPT_LINES) output.shift();
    });
  }
  try {
    const reply = await new Promise<ExportReply>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no result after ${ROUND_TIMEOUT_MS / 60_000} min:\n${output.join('\n')}`)),
        ROUND_TIMEOUT_MS,
      );
      child.once('message', (message: ExportReply) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the export process exited (${code}) without a result:\n${output.join('\n')}`));
      });
    });
    if (!reply.ok) throw new Error(reply.error);
    return {
      ...reply.run,
      draftMs: round(reply.run.draftMs),
      formats: reply.run.formats.map((f) => ({ ...f, ms: f.ms.map((ms) => round(ms)), annexMs: round(f.annexMs) })),
    };
  } finally {
    await stopChild(child);
    await database.drop();
  }
}
