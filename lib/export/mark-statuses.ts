import type { ParagraphStatusView } from '../shared/paragraph-status';
import type { Block, CompiledSection, Inline } from './blocks';
import type { ExportLabels } from './labels';

/**
 * Shows each numbered paragraph's status as delegations read it: a bracketed paragraph stands in
 * [square brackets], one agreed ad referendum is followed by the states that hold it so, and agreed text
 * is clean. Done on the compiled blocks, so every format prints the same.
 */
export function markStatuses(
  sections: readonly CompiledSection[],
  statuses: ReadonlyMap<string, readonly ParagraphStatusView[]>,
  labels: ExportLabels,
): CompiledSection[] {
  return sections.map((section) => {
    const byNumber = new Map((statuses.get(section.id) ?? []).map((s) => [s.paragraph, s]));
    if (!byNumber.size) return section;
    const blocks = section.blocks.map((block): Block => {
      const status = block.kind === 'paragraph' && block.number ? byNumber.get(block.number) : undefined;
      if (block.kind !== 'paragraph' || !status) return block;
      if (status.status === 'bracketed') return { ...block, inlines: [plain('['), ...block.inlines, plain(']')] };
      if (status.status === 'ad_referendum')
        return {
          ...block,
          inlines: [
            ...block.inlines,
            plain(' '),
            { kind: 'text', text: labels.adReferendum(status.adRefStates), marks: { italic: true } },
          ],
        };
      return block;
    });
    return { ...section, blocks };
  });
}

function plain(text: string): Inline {
  return { kind: 'text', text, marks: {} };
}
