import type { BracketedSpanView } from '../shared/bracketed-spans';
import type { Block, CompiledSection, Inline } from './blocks';
import type { ExportLabels } from './labels';

/** What marking spans gives: the sections with their spans in brackets, and per section and paragraph number the notes naming who proposed each alternative. */
export type MarkedSpans = { sections: CompiledSection[]; notes: Map<string, Map<string, string[]>> };

/**
 * Puts each bracketed span of a numbered paragraph in [brackets], followed by the alternatives offered for
 * it, each in its own brackets ("States [shall][should] adopt"), as delegations read an unsettled text; an
 * alternative a state proposed is named in a note to its paragraph. Done on the compiled blocks, before the
 * paragraph's own status marks, so every format prints the same.
 */
export function markSpans(
  sections: readonly CompiledSection[],
  spans: ReadonlyMap<string, readonly BracketedSpanView[]>,
  labels: ExportLabels,
): MarkedSpans {
  const notes = new Map<string, Map<string, string[]>>();
  const marked = sections.map((section) => {
    const own = (spans.get(section.id) ?? []).filter((s) => s.paragraph && s.end > s.start);
    if (!own.length) return section;
    const byNumber = new Map<string, string[]>();
    const blocks = section.blocks.map((block): Block => {
      if (block.kind !== 'paragraph' || !block.number) return block;
      const mine = own.filter((s) => s.paragraph === block.number).sort((a, b) => b.start - a.start);
      if (!mine.length) return block;
      let inlines = block.inlines;
      // From the last span back, so that the earlier spans' offsets still hold.
      for (const span of mine) {
        const [before, rest] = splitAt(inlines, span.start);
        const [inside, after] = splitAt(rest, span.end - span.start);
        inlines = [
          ...before,
          plain('['),
          ...inside,
          plain(']'),
          ...span.alternatives.map((a) => plain(`[${a.text}]`)),
          ...after,
        ];
      }
      const attributed = [...mine]
        .reverse()
        .flatMap((s) => s.alternatives.flatMap((a) => (a.state ? [labels.alternative(a.state, a.text, s.text)] : [])));
      if (attributed.length) byNumber.set(block.number, attributed);
      return { ...block, inlines };
    });
    if (byNumber.size) notes.set(section.id, byNumber);
    return { ...section, blocks };
  });
  return { sections: marked, notes };
}

/** Splits runs at a character offset (a hard break counts one), cutting the run it falls in two. */
function splitAt(inlines: readonly Inline[], offset: number): [Inline[], Inline[]] {
  const before: Inline[] = [];
  let left = offset;
  for (let i = 0; i < inlines.length; i++) {
    const inline = inlines[i]!;
    const length = inline.kind === 'text' ? inline.text.length : 1;
    if (left <= 0) return [before, inlines.slice(i)];
    if (left >= length) {
      before.push(inline);
      left -= length;
      continue;
    }
    // Only a text run is longer than one: cut it.
    const run = inline as Extract<Inline, { kind: 'text' }>;
    before.push({ ...run, text: run.text.slice(0, left) });
    return [before, [{ ...run, text: run.text.slice(left) }, ...inlines.slice(i + 1)]];
  }
  return [before, []];
}

function plain(text: string): Inline {
  return { kind: 'text', text, marks: {} };
}
