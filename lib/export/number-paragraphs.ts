import { isNumbered, paragraphNumber, sectionNumberings, type Numbering } from '../shared/paragraph-numbers';
import type { Block, CompiledSection, Inline } from './blocks';

/**
 * Numbers each section's top-level paragraphs as the editor's margin does, and makes every
 * cross-reference to a merged paragraph say that paragraph's number now ("See 2.3"), whatever
 * number it had when the merge wrote it. `known`: numbers of merged paragraphs in sections not given
 * (a page that renders one section again as it changes knows the others' from its first render).
 * `numbering`: the plan's choice; numbered continuously, a section given alone starts after
 * `continuousFrom` paragraphs (its own, as the page first rendered it).
 */
export function numberParagraphs(
  sections: readonly CompiledSection[],
  known: ReadonlyMap<string, string> = new Map(),
  numbering: Numbering = 'section',
): CompiledSection[] {
  const numbersByMerge = new Map(known);
  const counts = sections.map((s) => s.blocks.filter(isNumberedBlock).length);
  const numberings = sectionNumberings(numbering, counts);
  const numbered = sections.map((section, i) => {
    const own = {
      section: section.number,
      continuousFrom:
        numbering === 'continuous' ? (section.numbering?.continuousFrom ?? 0) + numberings[i]!.continuousFrom! : null,
    };
    let index = 0;
    const blocks = section.blocks.map((block): Block => {
      if (!isNumberedBlock(block)) return block;
      const number = paragraphNumber(own, index++);
      if (block.mergeId) numbersByMerge.set(block.mergeId, number);
      return { ...block, number };
    });
    return { ...section, numbering: own, blocks };
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

function isNumberedBlock(block: Block): block is Extract<Block, { kind: 'paragraph' }> {
  return block.kind === 'paragraph' && isNumbered('paragraph', plainText(block.inlines));
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
