import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { round } from '../stats';
import { openFreshClient, waitUntilServed } from './cold';
import { openProvider, whenSynced } from './clients';
import type { Mark } from './fanout';
import type { ColdResult, ColdSync, IdleJob } from './protocol';

/**
 * Loads every room of the job once: uploads its document where the server keeps documents in memory
 * only, then syncs a fresh read-only client with it. Everything stays connected until the 'loaded'
 * mark, so the server holds every room at once when it is sampled (Hocuspocus would drop a document
 * as soon as its uploader left), and then everything closes, leaving the server idle.
 */
export async function runIdle(job: IdleJob, mark: Mark): Promise<ColdResult> {
  const closers: Array<() => void> = [];
  try {
    const started = performance.now();
    if (job.upload) {
      for (const document of job.documents) {
        const target = { ...job.target, room: document.room };
        const doc = new Y.Doc({ gc: false });
        Y.applyUpdate(doc, new Uint8Array(readFileSync(document.updateFile)));
        const uploader = openProvider(target, doc, target.writerCookies[0]);
        closers.push(() => {
          uploader.destroy();
          doc.destroy();
        });
        await whenSynced(uploader, job.timeoutMs);
        await waitUntilServed({ target, expectedText: document.expectedText, timeoutMs: job.timeoutMs });
      }
    }
    const uploadMs = job.upload ? round(performance.now() - started, 0) : undefined;
    const syncs: ColdSync[] = [];
    for (const document of job.documents) {
      const reader = await openFreshClient({
        target: { ...job.target, room: document.room },
        expectedText: document.expectedText,
        timeoutMs: job.timeoutMs,
      });
      closers.push(reader.destroy);
      syncs.push(reader.sync);
    }
    await mark('loaded', 0);
    return { ...(uploadMs !== undefined && { uploadMs }), syncs };
  } finally {
    for (const close of closers) close();
  }
}
