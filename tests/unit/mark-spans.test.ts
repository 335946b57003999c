import { describe, expect, it } from 'vitest';
import type { CompiledSection, Inline, Marks } from '../../lib/export/blocks';
import { exportLabels } from '../../lib/export/labels';
import { markSpans } from '../../lib/export/mark-spans';
import { numberParagraphs } from '../../lib/export/number-paragraphs';
import type { BracketedSpanView } from '../../lib/shared/bracketed-spans';
import { paragraphNumber, sectionNumberings } from '../../lib/shared/paragraph-numbers';

const run = (text: string, marks: Marks = {}): Inline => ({ kind: 'text', text, marks });

const section = (id: string, number: number, paragraphs: Inline[][]): CompiledSection => ({
  id,
  number,
  title: '',
  leadState: '',
  coEditingStates: [],
  blocks: paragraphs.map((inlines) => ({ kind: 'paragraph', inlines })),
});

const span = (paragraph: string, start: number, text: string, alternatives: BracketedSpanView['alternatives']) =>
  ({
    id: text,
    paragraph,
    text,
    changed: false,
    alternatives,
    from: '',
    to: '',
    start,
    end: start + text.length,
  }) as BracketedSpanView;

const plain = (inlines: readonly Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');

describe('numbering', () => {
  it('numbers by section, or continuously from the paragraphs of the sections before', () => {
    expect(paragraphNumber(3, 3)).toBe('3.4');
    expect(sectionNumberings('section', [2, 3, 1])).toEqual([
      { section: 1, continuousFrom: null },
      { section: 2, continuousFrom: null },
      { section: 3, continuousFrom: null },
    ]);
    const continuous = sectionNumberings('continuous', [2, 3, 1]);
    expect(continuous.map((n) => paragraphNumber(n, 0))).toEqual(['1', '3', '6']);
    const numbered = numberParagraphs(
      [section('a', 1, [[run('One.')], [run('Two.')]]), section('b', 2, [[run('Three.')]])],
      new Map(),
      'continuous',
    );
    expect(numbered.flatMap((s) => s.blocks.map((b) => (b.kind === 'paragraph' ? b.number : null)))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });
});

describe('spans in brackets in the compiled text', () => {
  const labels = exportLabels('en');

  it('puts each span and its alternatives in brackets side by side, across runs, several in one paragraph', () => {
    const [numbered] = numberParagraphs([
      section('a', 1, [[run('States '), run('shall', { bold: true }), run(' adopt measures in due time.')]]),
    ]);
    const { sections, notes } = markSpans(
      [numbered!],
      new Map([
        [
          'a',
          [
            span('1.1', 7, 'shall', [{ text: 'should', state: 'MEX' }]),
            span('1.1', 28, 'in due time', [
              { text: 'promptly', state: null },
              { text: 'by 2030', state: 'CAN' },
            ]),
          ],
        ],
      ]),
      labels,
    );
    const block = sections[0]!.blocks[0]!;
    expect(block.kind === 'paragraph' && plain(block.inlines)).toBe(
      'States [shall][should] adopt measures [in due time][promptly][by 2030].',
    );
    // The bracketed word keeps its formatting.
    expect(
      block.kind === 'paragraph' && block.inlines.find((i) => i.kind === 'text' && i.text === 'shall'),
    ).toMatchObject({
      marks: { bold: true },
    });
    expect(notes.get('a')?.get('1.1')).toEqual([
      '“should” in place of “shall”: proposed by Mexico.',
      '“by 2030” in place of “in due time”: proposed by Canada.',
    ]);
  });

  it('leaves paragraphs without spans, and spans no longer in the text, alone', () => {
    const [numbered] = numberParagraphs([section('a', 1, [[run('Nothing here.')]])]);
    const { sections } = markSpans(
      [numbered!],
      new Map([['a', [{ ...span('1.1', 0, 'x', []), paragraph: null }]]]),
      labels,
    );
    expect(sections[0]).toEqual(numbered);
  });
});
