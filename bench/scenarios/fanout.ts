import type { FanoutWindow, SectionLoad } from '../load/protocol';
import type { ServerKind } from '../load/wire';
import type { FanoutSize } from '../options';
import { peakRssMiB, ProcessSampler, resetPeakRss, type Usage } from '../proc';
import type { ServerHandle } from '../servers/launch';
import { round } from '../stats';
import { runLoad, withServer, type Context } from './context';

export type FanoutMeasurement = FanoutWindow & {
  server: ServerKind;
  serverCpuPercent: number;
  serverRssMiB: number;
  serverPeakRssMiB: number;
  serverIdleRssMiB: number;
  /** The server's peak RSS from the load's start through connecting the observers and the warm-up. */
  serverConnectPeakRssMiB: number;
  /** Concordia's Postgres backends (0 for PGlite, which runs inside the server process, and for the peers). */
  databaseCpuPercent: number;
  /** Machine CPU not used by the server or the load process (% of one core): other processes' interference. */
  otherCpuPercent: number;
};

export type FanoutPlan = FanoutSize & {
  observerSteps: number[];
  stopAboveP99Ms?: number;
  reportSends?: boolean;
  observerPresence?: boolean;
  /** Many rooms (the plenary): each section's writers, the plan page the observers keep open, and their accounts. */
  rooms?: { sections: SectionLoad[]; planPageRoom: string; crowdCookies: string[] };
};

/** Connecting a plenary's observers (two sockets each, one account each) takes this long per observer, at most. */
const ROOMS_CONNECT_MS_PER_OBSERVER = 25;

/** One server, one load process, one window per observer step, the server sampled around each window. */
export function measureFanout(kind: ServerKind, context: Context, plan: FanoutPlan): Promise<FanoutMeasurement[]> {
  return withServer(kind, context, (server) => fanoutOn(server, context, plan));
}

export async function fanoutOn(
  server: ServerHandle,
  context: Context,
  plan: FanoutPlan,
  onWindow?: (mark: 'window-start' | 'window-end') => Promise<void>,
): Promise<FanoutMeasurement[]> {
  const { connectTimeoutMs } = context.options;
  const usages: Usage[] = [];
  let sampler: ProcessSampler | undefined;
  const connectPeaks: number[] = [];
  resetPeakRss(server.pid);
  const perStepMs = 2 * connectTimeoutMs + plan.warmupMs + plan.measureMs + plan.drainMs + 30_000;
  const connectAllowanceMs = plan.rooms ? Math.max(0, ...plan.observerSteps) * ROOMS_CONNECT_MS_PER_OBSERVER : 0;
  const edit = server.target('edit');
  const result = await runLoad(
    context,
    {
      type: 'fanout',
      target: plan.rooms
        ? { ...edit, room: plan.rooms.sections[0]!.room, crowdCookies: plan.rooms.crowdCookies }
        : edit,
      ...(plan.rooms && { sections: plan.rooms.sections, planPageRoom: plan.rooms.planPageRoom }),
      editors: plan.editors,
      keysPerSecond: plan.keysPerSecond,
      probes: plan.probes,
      observerSteps: plan.observerSteps,
      warmupMs: plan.warmupMs,
      measureMs: plan.measureMs,
      drainMs: plan.drainMs,
      connectTimeoutMs,
      ...(plan.stopAboveP99Ms !== undefined && { stopAboveP99Ms: plan.stopAboveP99Ms }),
      ...(plan.reportSends && { reportSends: true }),
      ...(plan.observerPresence && { observerPresence: true }),
    },
    async ({ mark }) => {
      if (mark === 'window-start') {
        connectPeaks.push(peakRssMiB(server.pid));
        await onWindow?.(mark);
        sampler = new ProcessSampler(server.pid, () => server.helperPids());
        sampler.start();
      } else if (mark === 'window-end' && sampler) {
        usages.push(sampler.stop());
        await onWindow?.(mark);
      }
    },
    plan.observerSteps.length * perStepMs + connectAllowanceMs + 60_000,
  );
  if (result.type !== 'fanout') throw new Error('expected a fanout result');
  return result.windows.map((window, i) => ({
    ...window,
    server: server.kind,
    serverCpuPercent: round(usages[i]?.cpuPercent ?? Number.NaN),
    serverRssMiB: round(usages[i]?.rssMiB ?? Number.NaN),
    serverPeakRssMiB: round(usages[i]?.peakRssMiB ?? Number.NaN),
    serverIdleRssMiB: round(server.idleRssMiB),
    serverConnectPeakRssMiB: round(connectPeaks[i] ?? Number.NaN),
    databaseCpuPercent: round(usages[i]?.helperCpuPercent ?? Number.NaN),
    otherCpuPercent: round(
      (usages[i]?.machineCpuPercent ?? Number.NaN) -
        (usages[i]?.cpuPercent ?? Number.NaN) -
        (usages[i]?.helperCpuPercent ?? 0) -
        window.loadCpuPercent,
    ),
  }));
}
