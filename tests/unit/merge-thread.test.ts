import pino from 'pino';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeStored } from '../../server/collab/storage/merge-updates';
import { MergeThread } from '../../server/collab/storage/merge-thread';
import { documentText } from '../../lib/documents/paragraphs';
import { appendParagraph } from '../helpers/paragraphs';

/** A section typed key by key: its updates, well past the size merged off the event loop. */
function typedSection(keys: number): Uint8Array[] {
  const doc = new Y.Doc({ gc: false });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = appendParagraph(doc);
  for (let i = 0; i < keys; i++) text.insert(Math.floor(text.length / 2), String.fromCharCode(97 + (i % 26)));
  return updates;
}

describe('merging a stored document on a worker thread', () => {
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const threads: MergeThread[] = [];
  const thread = () => {
    const created = new MergeThread(log);
    threads.push(created);
    return created;
  };
  afterEach(async () => {
    for (const created of threads.splice(0)) await created.close();
    warnings.length = 0;
  });

  const updates = typedSection(4_000);
  const state = mergeStored(updates.slice(0, 1_000));
  const parts = [state, ...updates.slice(1_000)];

  it('gives the bytes mergeStored gives, without falling back to the event loop', async () => {
    expect(parts.reduce((sum, part) => sum + part.length, 0)).toBeGreaterThan(64 * 1024);
    const merging = thread();
    const [first, second] = await Promise.all([merging.merge(parts), merging.merge(parts.slice(0, 2_000))]);
    expect(Buffer.from(first)).toEqual(Buffer.from(mergeStored(parts)));
    expect(Buffer.from(second)).toEqual(Buffer.from(mergeStored(parts.slice(0, 2_000))));
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, first);
    expect(documentText(doc)).toHaveLength(4_000);
    expect(warnings).toEqual([]);
  });

  it('refuses a row that does not decode with an error, and goes on merging', async () => {
    const merging = thread();
    // A row cut short: the count of structs it announces is not there.
    const cut = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]);
    await expect(merging.merge([...parts, cut])).rejects.toThrow('Unexpected end of array');
    expect(Buffer.from(await merging.merge(parts))).toEqual(Buffer.from(mergeStored(parts)));
    expect(warnings).toEqual([]);
  });

  it('finishes on the event loop what was waiting when it closes', async () => {
    const merging = thread();
    const pending = merging.merge(parts);
    await merging.close();
    expect(Buffer.from(await pending)).toEqual(Buffer.from(mergeStored(parts)));
  });
});
