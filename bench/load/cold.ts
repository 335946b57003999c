import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { round } from '../stats';
import { paragraphText } from '../trace';
import { openProvider, whenSynced } from './clients';
import type { Mark } from './fanout';
import type { ColdJob, ColdResult, ColdSync } from './protocol';
import type { ByteCounter } from './sockets';
import { sleep } from './wait';

/**
 * Times fresh clients loading a large document. Servers that keep documents only in memory get
 * it through a provider first, and that uploader stays connected: Hocuspocus unloads a document
 * (and so loses it) when its last connection closes.
 */
export async function runCold(job: ColdJob, mark: Mark): Promise<ColdResult> {
  const { target } = job;
  const uploaderDoc = new Y.Doc({ gc: false });
  let uploader: ReturnType<typeof openProvider> | undefined;
  let uploadMs: number | undefined;
  try {
    const started = performance.now();
    const update = new Uint8Array(readFileSync(job.updateFile));
    Y.applyUpdate(uploaderDoc, update);
    warmDecoder(update);
    if (job.upload) {
      uploader = openProvider(target, uploaderDoc, target.writerCookies[0]);
      await whenSynced(uploader, job.timeoutMs);
      await waitUntilServed(job);
      uploadMs = round(performance.now() - started, 0);
    }
    if (job.warmupTarget) await freshSync({ ...job, target: job.warmupTarget });
    const syncs: ColdSync[] = [];
    for (let i = 0; i < job.clients; i++) syncs.push(await freshSync(job));
    await mark('loaded', 0);
    return { ...(uploadMs !== undefined && { uploadMs }), syncs };
  } finally {
    uploader?.destroy();
    uploaderDoc.destroy();
  }
}

/**
 * Decoding the trace as a provider does takes 120 ms the first time in a process and 15–20 ms only from
 * about the tenth: the JIT, not the server. Warming to that steady state before any client is timed
 * keeps the load process's history out of the comparison: the peers' upload and wait decode it a few
 * times more than Concordia's preload, which once made Concordia's first client 50 ms slower.
 */
function warmDecoder(update: Uint8Array): void {
  for (let i = 0; i < WARM_DECODES; i++) {
    const doc = new Y.Doc({ gc: false });
    // A provider listens for updates, so Yjs also encodes what each applied update added: warm that too.
    doc.on('update', () => {});
    Y.applyUpdate(doc, update);
    doc.destroy();
  }
}

const WARM_DECODES = 12;

/** What a fresh client needs: where, how long it may take, and the text it should receive. */
type FreshClientJob = Pick<ColdJob, 'target' | 'expectedText' | 'timeoutMs'>;

/** One new read-only client with an empty document, synced and still connected; `destroy` closes it. */
export async function openFreshClient(job: FreshClientJob): Promise<{ sync: ColdSync; destroy: () => void }> {
  const doc = new Y.Doc({ gc: false });
  const counter: ByteCounter = { bytes: 0 };
  const started = performance.now();
  const provider = openProvider(job.target, doc, job.target.observerCookie, counter);
  // Read while the message that syncs is handled: frames already buffered behind it follow in the same tick.
  let receivedAt: number | undefined;
  provider.on('sync', (synced: boolean) => {
    if (synced) receivedAt ??= counter.receivedAt;
  });
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await whenSynced(provider, job.timeoutMs);
  } catch (error) {
    destroy();
    throw error;
  }
  const ms = performance.now() - started;
  const receivedMs = round((receivedAt ?? performance.now()) - started);
  return {
    sync: { ms: round(ms), receivedMs, bytes: counter.bytes, textMatches: paragraphText(doc) === job.expectedText },
    destroy,
  };
}

/** One new client with an empty document: connect → synced, bytes received, and the text it got. */
async function freshSync(job: FreshClientJob): Promise<ColdSync> {
  const client = await openFreshClient(job);
  client.destroy();
  return client.sync;
}

/** The upload has been applied once a new client receives the whole text; bounded retries. */
export async function waitUntilServed(job: FreshClientJob): Promise<void> {
  const deadline = performance.now() + job.timeoutMs;
  while (performance.now() < deadline) {
    if ((await freshSync(job)).textMatches) return;
    await sleep(100);
  }
  throw new Error('the uploaded document never reached a new client');
}
