import type { ReservationView } from '../shared/paragraph-status';
import type { Block, CompiledSection, Footnote } from './blocks';
import type { ExportLabels } from './labels';

/**
 * Makes each state's reservation on a numbered paragraph a footnote to that paragraph, numbered through
 * the document in the order of the text (and, on one paragraph, in the order they were recorded), worded
 * in the export's language around the state's own statement. `worded`: other notes, already worded, by section
 * and paragraph number (who proposed the alternatives to its spans in brackets), before its reservations.
 */
export function attachReservations(
  sections: readonly CompiledSection[],
  reservations: ReadonlyMap<string, ReadonlyMap<string, readonly ReservationView[]>>,
  labels: ExportLabels,
  worded: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map(),
): { sections: CompiledSection[]; footnotes: Footnote[] } {
  const footnotes: Footnote[] = [];
  const attached = sections.map((section) => {
    const byNumber = reservations.get(section.id);
    const other = worded.get(section.id);
    if (!byNumber?.size && !other?.size) return section;
    const blocks = section.blocks.map((block): Block => {
      if (block.kind !== 'paragraph' || !block.number) return block;
      const paragraph = block.number;
      const texts = [
        ...(other?.get(paragraph) ?? []),
        ...(byNumber?.get(paragraph) ?? []).map((view) => labels.reservation(view.state, paragraph, view.text)),
      ];
      if (!texts.length) return block;
      const notes = texts.map((text) => {
        const note = { number: footnotes.length + 1, text };
        footnotes.push(note);
        return note;
      });
      return { ...block, notes };
    });
    return { ...section, blocks };
  });
  return { sections: attached, footnotes };
}
