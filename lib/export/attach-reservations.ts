import type { ReservationView } from '../shared/paragraph-status';
import type { Block, CompiledSection, Footnote } from './blocks';
import type { ExportLabels } from './labels';

/**
 * Makes each state's reservation on a numbered paragraph a footnote to that paragraph, numbered through
 * the document in the order of the text (and, on one paragraph, in the order they were recorded), worded
 * in the export's language around the state's own statement.
 */
export function attachReservations(
  sections: readonly CompiledSection[],
  reservations: ReadonlyMap<string, ReadonlyMap<string, readonly ReservationView[]>>,
  labels: ExportLabels,
): { sections: CompiledSection[]; footnotes: Footnote[] } {
  const footnotes: Footnote[] = [];
  const attached = sections.map((section) => {
    const byNumber = reservations.get(section.id);
    if (!byNumber?.size) return section;
    const blocks = section.blocks.map((block): Block => {
      const views = block.kind === 'paragraph' && block.number ? byNumber.get(block.number) : undefined;
      if (block.kind !== 'paragraph' || !block.number || !views?.length) return block;
      const paragraph = block.number;
      const notes = views.map((view) => {
        const note = { number: footnotes.length + 1, text: labels.reservation(view.state, paragraph, view.text) };
        footnotes.push(note);
        return note;
      });
      return { ...block, notes };
    });
    return { ...section, blocks };
  });
  return { sections: attached, footnotes };
}
