import { launchConcordiaPair, type ServerHandle } from '../servers/launch';
import { median, round } from '../stats';
import { waitForQuiet, withServer, type Context } from './context';
import { fanoutOn, type FanoutPlan } from './fanout';

export type TwoInstanceRun = {
  round: number;
  /** One instance serves everyone, or editors type on one and probes and observers follow on another. */
  setup: 'one' | 'two';
  p50: number;
  p95: number;
  p99: number;
  max: number;
  deliveredPercent: number;
  edits: number;
};

export type TwoInstancesResult =
  | { skipped: string }
  | {
      editors: number;
      observers: number;
      runs: TwoInstanceRun[];
      /** Medians over rounds; crossP99 / singleP99 is what going through Redis to another instance costs. */
      summary: { singleP50: number; singleP99: number; crossP50: number; crossP99: number; p99Ratio: number };
    };

/**
 * Concordia only: the typing scenario with probes and observers on a second instance (both on one
 * Postgres database and one Redis), against the same load on a single instance, alternating per round.
 */
export async function runTwoInstances(context: Context): Promise<TwoInstancesResult> {
  const { twoInstances: size, databaseUrl, redisUrl, rounds } = context.options;
  if (!databaseUrl || !redisUrl)
    return { skipped: 'needs DATABASE_URL (both instances on one database) and REDIS_URL' };
  const plan: FanoutPlan = { ...size, observerSteps: [size.observers] };
  const measure = async (server: ServerHandle) => {
    const [window] = await fanoutOn(server, context, plan);
    if (!window) throw new Error('no measurement window');
    return window;
  };
  const runs: TwoInstanceRun[] = [];
  for (let r = 1; r <= rounds; r++) {
    for (const setup of r % 2 ? (['one', 'two'] as const) : (['two', 'one'] as const)) {
      context.log(
        `two instances: ${size.editors} editors, ${size.observers} observers on ${setup === 'one' ? 'the same instance' : 'another instance'}, round ${r}`,
      );
      const window =
        setup === 'one' ? await withServer('concordia', context, measure) : await onPair(context, redisUrl, measure);
      const { p50, p95, p99, max } = window.probe;
      runs.push({
        round: r,
        setup,
        p50: round(p50),
        p95: round(p95),
        p99: round(p99),
        max: round(max),
        deliveredPercent: window.deliveredPercent,
        edits: window.edits,
      });
    }
  }
  const m = (setup: TwoInstanceRun['setup'], field: 'p50' | 'p99') =>
    round(median(runs.filter((x) => x.setup === setup).map((x) => x[field])));
  const [singleP99, crossP99] = [m('one', 'p99'), m('two', 'p99')];
  return {
    editors: size.editors,
    observers: size.observers,
    runs,
    summary: {
      singleP50: m('one', 'p50'),
      singleP99,
      crossP50: m('two', 'p50'),
      crossP99,
      p99Ratio: round(crossP99 / singleP99),
    },
  };
}

/** Runs `use` against two fresh Concordia instances on one new database and Redis. */
export async function onPair<T>(
  context: Context,
  redisUrl: string,
  use: (server: ServerHandle) => Promise<T>,
): Promise<T> {
  await waitForQuiet(context);
  const pair = await launchConcordiaPair({
    secret: context.secret,
    databaseUrl: context.options.databaseUrl,
    web: context.options.web,
    redisUrl,
  });
  try {
    return await use(pair);
  } finally {
    await pair.stop();
  }
}
