import * as Y from 'yjs';
import { EDITOR_FIELD } from '../shared/rooms';

/** Where words of different passages of one block were typed apart, the text shown between them. */
export const GAP = ' … ';

/**
 * The words that updates never accepted by the server (a browser's kept drafts) add to a document, block
 * by block in reading order: what the writer would lose if those drafts were dropped. `doc` is the text as
 * this page has it, which may already hold them (typed on this page) or not (kept by an earlier page).
 * Text the drafts deleted, or typed and deleted again, is not counted.
 */
export function unsentText(doc: Y.Doc, drafts: readonly Uint8Array[]): string[] {
  const ranges = clockRanges(drafts);
  if (!ranges.size) return [];
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  for (const draft of drafts) Y.applyUpdate(scratch, draft);
  const blocks: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    let block = '';
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) block = joined(block, unsentIn(child, ranges));
      else walk(child as Y.XmlElement);
    }
    if (block.trim()) blocks.push(block.trim());
  };
  walk(scratch.getXmlFragment(EDITOR_FIELD));
  scratch.destroy();
  return blocks;
}

/**
 * The document as it was before the drafts' content, for a page whose document holds them (it typed them)
 * to mark them in its text as changes since then. A page's unsent edits are the latest of its client's.
 */
export function snapshotWithout(doc: Y.Doc, drafts: readonly Uint8Array[]): Y.Snapshot {
  const current = Y.snapshot(doc);
  const stateVector = new Map(current.sv);
  for (const [client, list] of clockRanges(drafts)) {
    const first = Math.min(...list.map(([from]) => from));
    if ((stateVector.get(client) ?? 0) > first) stateVector.set(client, first);
  }
  return Y.createSnapshot(current.ds, stateVector);
}

type Ranges = Map<number, Array<[from: number, to: number]>>;

/** Each client's clocks that the drafts carry content for. */
function clockRanges(drafts: readonly Uint8Array[]): Ranges {
  const ranges: Ranges = new Map();
  for (const draft of drafts) {
    for (const struct of Y.decodeUpdate(draft).structs) {
      if (!(struct instanceof Y.Item)) continue;
      const { client, clock } = struct.id;
      const list = ranges.get(client) ?? [];
      list.push([clock, clock + struct.length]);
      ranges.set(client, list);
    }
  }
  return ranges;
}

/** A text's unsent words, passages that other text separates joined by GAP. */
function unsentIn(text: Y.XmlText, ranges: Ranges): string {
  let result = '';
  // Whether the last visible character so far was unsent: then the next item's unsent start continues it.
  let adjacent = false;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    const pieces = piecesOf(item.id, str.length, ranges);
    for (const [start, stop] of pieces) {
      const piece = str.slice(start, stop);
      result = start === 0 && adjacent ? result + piece : joined(result, piece);
    }
    adjacent = pieces.at(-1)?.[1] === str.length;
  }
  return result;
}

/** The parts of an item's characters that the drafts carry, in order and apart from each other. */
function piecesOf(id: Y.ID, length: number, ranges: Ranges): Array<[number, number]> {
  const parts = (ranges.get(id.client) ?? [])
    .map(([from, to]): [number, number] => [Math.max(from - id.clock, 0), Math.min(to - id.clock, length)])
    .filter(([start, stop]) => start < stop)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, stop] of parts) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
    else merged.push([start, stop]);
  }
  return merged;
}

function joined(before: string, after: string): string {
  if (!before || !after) return before + after;
  return `${before.trimEnd()}${GAP}${after.trimStart()}`;
}
