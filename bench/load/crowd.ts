import { Ledger, UpdateMetaCache, type Receiver } from './ledger';
import { RawObserver, type UpdateSink } from './observer';
import type { CrowdMessage, CrowdRequest } from './crowd-protocol';
import { until } from './wait';

/**
 * The observer crowd in a process of its own, apart from the editors and probes: the probes' latency
 * is then not the time the load process spends reading thousands of observers' frames, and a server
 * gains nothing from the harness's own queueing. Arrivals are stamped on the epoch clock the editors'
 * process stamps its sends with (one machine, one clock), kept raw during the window, and credited
 * once the editors' process hands over what was sent.
 */
/** Sockets opening at once; more overflows accept queues and measures the SYN backlog, not the server. */
const CONNECT_CONCURRENCY = 64;
/** Below a provider's 30-second silence limit and Hocuspocus's 60-second one; also y-protocols' awareness renewal. */
const KEEPALIVE_MS = 15_000;
/** Observers with presence renew in turns, this often a slice of them, so renewals are spread as in a real room. */
const PRESENCE_TICK_MS = 100;

process.setMaxListeners(0);

const cache = new UpdateMetaCache();
const observers: RawObserver[] = [];
/** The observers' plan pages (connections to the plan's goal room): receivers of no edit. */
const pages: RawObserver[] = [];
let made = 0;
/** Arrivals since the window started, until the sends are known: receiver, client, clock reached, when. */
let arrivals: Array<[Receiver, number, number, number]> | undefined;
let ledger: Ledger | undefined;
let keepAlive: NodeJS.Timeout | undefined;
let windowCpu: NodeJS.CpuUsage | undefined;
let windowStarted = 0;

const sink: UpdateSink = (receiver, update, at) => {
  if (!arrivals && !ledger) return;
  const epoch = performance.timeOrigin + at;
  for (const [client, to] of cache.ends(update)) {
    if (ledger) ledger.arrive(receiver, client, to, epoch);
    else arrivals!.push([receiver, client, to, epoch]);
  }
};

function send(message: CrowdMessage): void {
  process.send!(message);
}

async function answer(request: CrowdRequest): Promise<CrowdMessage> {
  switch (request.type) {
    case 'connect': {
      const { target, count, presence, timeoutMs, rooms, planPageRoom } = request;
      keepAlive ??= presence
        ? renewInTurns()
        : setInterval(() => [...observers, ...pages].forEach((o) => o.keepAlive()), KEEPALIVE_MS);
      const started = performance.now();
      let opened = 0;
      let failures = 0;
      const worker = async () => {
        while (opened < count) {
          opened++;
          const crowd = target.crowdCookies;
          const cookie = crowd?.length ? crowd[made % crowd.length] : target.observerCookie;
          const room = rooms?.length ? rooms[made % rooms.length]! : target.room;
          made++;
          const observer = new RawObserver({ ...target, room }, sink, presence, cookie);
          // The plan page first, as a reader opens it before a section; it receives no edit of the sections.
          const page = planPageRoom
            ? new RawObserver({ ...target, room: planPageRoom, query: 'follow=plan' }, () => {}, false, cookie)
            : undefined;
          try {
            await page?.connect(timeoutMs);
            await observer.connect(timeoutMs);
            observers.push(observer);
            if (page) pages.push(page);
          } catch {
            failures++;
            observer.close();
            page?.close();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, Math.max(count, 0)) }, worker));
      return { type: 'connected', failures, ms: performance.now() - started, observers: observers.length };
    }
    case 'window-start':
      arrivals = [];
      ledger = undefined;
      for (const observer of observers) observer.seen.clear();
      for (const page of pages) {
        page.activity = 0;
        page.activityBytes = 0;
      }
      windowCpu = process.cpuUsage();
      windowStarted = performance.now();
      return { type: 'ack' };
    case 'window-end': {
      const used = process.cpuUsage(windowCpu);
      const seconds = (performance.now() - windowStarted) / 1000;
      const window = new Ledger(observers.length);
      const roomOf = new Map(request.roomOf);
      const inRoom = new Map<string, number>();
      if (roomOf.size) for (const o of observers) inRoom.set(o.room, (inRoom.get(o.room) ?? 0) + 1);
      for (const [client, base] of request.bases) {
        const room = roomOf.get(client);
        window.trackClient(client, base, room === undefined ? observers.length : (inRoom.get(room) ?? 0));
      }
      for (const [client, clock, at] of request.sends) window.sent(client, clock, at);
      for (const [receiver, client, to, at] of arrivals ?? []) window.arrive(receiver, client, to, at);
      arrivals = undefined;
      ledger = window;
      await until(() => window.allDelivered(), request.drainMs);
      ledger = undefined;
      return {
        type: 'window',
        undelivered: window.undelivered(),
        observer: window.result().observer,
        observersClosed: observers.filter((o) => o.closed).length + pages.filter((p) => p.closed).length,
        ...(pages.length && {
          planPages: {
            open: pages.filter((p) => !p.closed).length,
            reached: pages.filter((p) => p.activity > 0).length,
            messages: pages.reduce((sum, p) => sum + p.activity, 0),
            bytes: pages.reduce((sum, p) => sum + p.activityBytes, 0),
          },
        }),
        cpuPercent: ((used.user + used.system) / 1e6 / seconds) * 100,
      };
    }
  }
}

/** Renews each observer's presence every KEEPALIVE_MS, a slice of them every PRESENCE_TICK_MS. */
function renewInTurns(): NodeJS.Timeout {
  const slices = KEEPALIVE_MS / PRESENCE_TICK_MS;
  let tick = 0;
  return setInterval(() => {
    const slice = tick++ % slices;
    for (let i = slice; i < observers.length; i += slices) observers[i]!.renewPresence();
  }, PRESENCE_TICK_MS);
}

process.on('message', (request: CrowdRequest) => {
  answer(request).then(send, (error: unknown) =>
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => {
  clearInterval(keepAlive);
  [...observers, ...pages].forEach((o) => o.close());
  process.exit(0);
});
