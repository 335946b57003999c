import type { AnalysisLoadReport } from '../servers/analysis-load';
import type { ConcordiaCall } from '../servers/concordia-ipc';
import { median, round } from '../stats';
import type { Context } from './context';
import { withServer } from './context';
import { fanoutOn, type FanoutMeasurement } from './fanout';

export type TypingAnalysisRun = {
  round: number;
  /** Whether overlap analyses with translation ran in the server throughout the window. */
  analysing: boolean;
  p50: number;
  p99: number;
  max: number;
  deliveredPercent: number;
  serverCpuPercent: number;
  /** The analyses during the window (null in the quiet window). */
  analysis: AnalysisLoadReport | null;
};

export type TypingAnalysisResult = {
  editors: number;
  observers: number;
  plan: { sections: number; words: number };
  runs: TypingAnalysisRun[];
  /** Medians over rounds, quiet and while analysing. */
  summary: Record<'quiet' | 'analysing', { p50: number; p99: number; max: number; serverCpuPercent: number }>;
};

/**
 * Concordia only: the typing scenario's load (editors typing, observers following) on one server,
 * measured twice per round, quietly and while the server analyses the overlaps of a plan of 35 sections
 * in four languages, translation included, over and over (bench/servers/analysis-load.ts): the
 * analysis and translation run on the overlap thread, so typing latency must not move.
 */
export async function runTypingAnalysis(context: Context): Promise<TypingAnalysisResult> {
  const { typing, plan, rounds } = context.options;
  const observers = typing.observers[0] ?? 0;
  const runs: TypingAnalysisRun[] = [];
  for (let r = 1; r <= rounds; r++) {
    await withServer('concordia', context, async (server) => {
      const ask = async (call: ConcordiaCall) => {
        const reply = await server.request(call);
        if (!reply.ok) throw new Error(`the server's analysis load failed: ${reply.error}`);
        return reply;
      };
      context.log(`typing while analysing: building the ${plan.sections}-section plan in the server`);
      const order = r % 2 === 1 ? [false, true] : [true, false];
      for (const analysing of order) {
        await ask({ type: 'analysis-prepare', size: plan });
        context.log(
          `typing while analysing: ${typing.editors} editors, ${observers} observers, round ${r}, ${analysing ? 'analysing' : 'quiet'}`,
        );
        let analysis: AnalysisLoadReport | null = null;
        const [window] = await fanoutOn(
          server,
          context,
          { ...typing, observerSteps: [observers] },
          analysing
            ? async (mark) => {
                if (mark === 'window-start') await ask({ type: 'analysis-start' });
                else analysis = (await ask({ type: 'analysis-stop' })).analysis ?? null;
              }
            : undefined,
        );
        if (!window) throw new Error('the typing load produced no measurement window');
        runs.push(toRun(window, r, analysing, analysis));
      }
    });
  }
  const summarise = (analysing: boolean) => {
    const chosen = runs.filter((run) => run.analysing === analysing);
    const m = (field: 'p50' | 'p99' | 'max' | 'serverCpuPercent') => round(median(chosen.map((run) => run[field])));
    return { p50: m('p50'), p99: m('p99'), max: m('max'), serverCpuPercent: m('serverCpuPercent') };
  };
  return {
    editors: typing.editors,
    observers,
    plan,
    runs,
    summary: { quiet: summarise(false), analysing: summarise(true) },
  };
}

function toRun(
  window: FanoutMeasurement,
  round: number,
  analysing: boolean,
  analysis: AnalysisLoadReport | null,
): TypingAnalysisRun {
  return {
    round,
    analysing,
    p50: window.probe.p50,
    p99: window.probe.p99,
    max: window.probe.max,
    deliveredPercent: window.deliveredPercent,
    serverCpuPercent: window.serverCpuPercent,
    analysis,
  };
}
