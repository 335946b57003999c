import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { EDITOR_FIELD } from '../lib/shared/rooms';

/**
 * The automerge-paper editing trace (Martin Kleppmann, editing-traces collection, CC BY 4.0):
 * 259,778 keystrokes of one author writing a paper.
 */
export const TRACE_CREDIT =
  'automerge-paper editing trace by Martin Kleppmann, from the editing-traces collection (CC BY 4.0)';

type Patch = [position: number, deleteCount: number, insertText: string];
export type Trace = { startContent: string; endContent: string; txns: Array<{ patches: Patch[] }> };

export function readTrace(file: string): Trace {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Trace;
}

export type Replay = {
  /** The whole document as one update, in the Tiptap shape (paragraph > text in fragment "default"). */
  update: Uint8Array;
  /** One update per transaction, in order: what an update log of this session would hold. */
  txnUpdates: Uint8Array[];
  text: string;
  expected: string;
  transactions: number;
  replayMs: number;
};

/**
 * Replays the first `limit` transactions (all by default) into a Y.XmlText inside a paragraph, with
 * gc off as Concordia keeps documents. The expected text is endContent for the whole trace and a
 * plain-string replay for a slice, so a slice can be checked too.
 */
export function replayTrace(trace: Trace, options: { limit?: number; keepTxnUpdates?: number } = {}): Replay {
  const txns = trace.txns.slice(0, options.limit ?? trace.txns.length);
  const keep = options.keepTxnUpdates ?? 0;
  const started = performance.now();
  const doc = new Y.Doc({ gc: false });
  const txnUpdates: Uint8Array[] = [];
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText(trace.startContent);
  paragraph.insert(0, [text]);
  doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
  if (keep > 0) {
    txnUpdates.push(Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => {
      if (txnUpdates.length < keep) txnUpdates.push(update);
    });
  }
  for (const txn of txns) {
    doc.transact(() => {
      for (const [position, deleteCount, insert] of txn.patches) {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert) text.insert(position, insert);
      }
    });
  }
  const replayMs = performance.now() - started;
  const expected = txns.length === trace.txns.length ? trace.endContent : replayAsString(trace.startContent, txns);
  const result = {
    update: Y.encodeStateAsUpdate(doc),
    txnUpdates,
    text: paragraphText(doc),
    expected,
    transactions: txns.length,
    replayMs,
  };
  doc.destroy();
  return result;
}

/** The reference for a slice; quadratic, so only for the small slices of smoke runs. */
function replayAsString(start: string, txns: Trace['txns']): string {
  let text = start;
  for (const txn of txns) {
    for (const [position, deleteCount, insert] of txn.patches) {
      text = text.slice(0, position) + insert + text.slice(position + deleteCount);
    }
  }
  return text;
}

/** The text of a Tiptap-shaped document: its paragraphs' text, one per line. */
export function paragraphText(doc: Y.Doc): string {
  const lines: string[] = [];
  for (const node of doc.getXmlFragment(EDITOR_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const text = node
      .toArray()
      .map((child) =>
        child instanceof Y.XmlText
          ? (child.toDelta() as Array<{ insert: unknown }>)
              .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
              .join('')
          : '',
      )
      .join('');
    if (text) lines.push(text);
  }
  return lines.join('\n');
}
