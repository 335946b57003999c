import { isNumbered, paragraphNumber } from '../shared/paragraph-numbers';
import type { Block, CompiledSection, Inline } from './blocks';

/**
 * Numbers each section's top-level paragraphs as the editor's margin does, and makes every
 * cross-reference to a merged paragraph say that paragraph's number now ("See 2.3"), whatever
 * number it had when the merge wrote it. `known`: numbers of merged paragraphs in sections not given
 * (a page that renders one section again as it changes knows the others' from its first render).
 */
export function numberParagraphs(
  sections: readonly CompiledSection[],
  known: ReadonlyMap<string, string> = new Map(),
): CompiledSection[] {
  const numbersByMerge = new Map(known);
  const numbered = sections.map((section) => {
    let index = 0;
    const blocks = section.blocks.map((block): Block => {
      if (block.kind !== 'paragraph' || !isNumbered('paragraph', plainText(block.inlines))) return block;
      const number = paragraphNumber(section.number, index++);
      if (block.mergeId) numbersByMerge.set(block.mergeId, number);
      return { ...block, number };
    });
    return { ...section, blocks };
  });
  return numbered.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) => withReferences(block, numbersByMerge)),
  }));
}

/** The number each merged paragraph has, by its merge id, in numbered sections. */
export function mergeNumbers(sections: readonly CompiledSection[]): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const section of sections)
    for (const block of section.blocks)
      if (block.kind === 'paragraph' && block.mergeId && block.number) numbers.set(block.mergeId, block.number);
  return numbers;
}

function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

function withReferences(block: Block, numbers: ReadonlyMap<string, string>): Block {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return { ...block, inlines: referenced(block.inlines, numbers) };
    case 'list':
      return { ...block, items: block.items.map((item) => item.map((b) => withReferences(b, numbers))) };
    case 'quote':
      return { ...block, blocks: block.blocks.map((b) => withReferences(b, numbers)) };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row) =>
          row.map((cell) => ({ ...cell, blocks: cell.blocks.map((b) => withReferences(b, numbers)) })),
        ),
      };
    default:
      return block;
  }
}

/** A link to a merged paragraph reads as its number: consecutive runs of one link become one. */
function referenced(inlines: readonly Inline[], numbers: ReadonlyMap<string, string>): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const mergeId = inline.kind === 'text' && inline.link && 'mergeId' in inline.link ? inline.link.mergeId : undefined;
    const number = mergeId ? numbers.get(mergeId) : undefined;
    if (inline.kind !== 'text' || !number) {
      out.push(inline);
      continue;
    }
    const previous = out.at(-1);
    const sameLink =
      previous?.kind === 'text' && previous.link && 'mergeId' in previous.link && previous.link.mergeId === mergeId;
    if (!sameLink) out.push({ ...inline, text: number });
  }
  return out;
}
