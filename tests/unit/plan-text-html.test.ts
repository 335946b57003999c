import { describe, expect, it } from 'vitest';
import type { Block } from '../../lib/export/blocks';
import { blocksHtml } from '../../app/_components/plan-text/blocks-html';

describe('the whole plan page as HTML', () => {
  it('escapes every text and attribute, and links only where a reader may safely go', () => {
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        number: '1.1"><script>',
        mergeId: 'x" onclick="alert(1)',
        inlines: [
          { kind: 'text', text: '<img src=x onerror=alert(1)>', marks: { bold: true }, by: 'u1' },
          { kind: 'text', text: 'bad link', marks: {}, link: { href: 'javascript:alert(1)' }, by: 'u2' },
          { kind: 'text', text: 'good link', marks: {}, link: { href: 'https://oas.org/?a=1&b="2"' } },
        ],
      },
    ];
    const html = blocksHtml(blocks, {
      authors: { u1: 'PER', u2: '"><b>' },
      noteFor: () => ({ href: '/plans/p/consolidation', text: '<i>overlap</i>' }),
    });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|onclick="|javascript:/);
    expect(html).toContain('data-paragraph-number="1.1&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<span class="by" data-state="PER" style="--by:');
    expect(html).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(html).toContain('<a href="https://oas.org/?a=1&amp;b=&quot;2&quot;">good link</a>');
    expect(html).toContain('>bad link</span>');
    expect(html).toContain(
      '<p class="overlap-note small"><a href="/plans/p/consolidation">&lt;i&gt;overlap&lt;/i&gt;</a></p>',
    );
  });

  it('numbers paragraphs in the margin attribute, and links cross-references within the page', () => {
    const html = blocksHtml(
      [
        { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Measures', marks: {} }] },
        {
          kind: 'paragraph',
          number: '2.1',
          inlines: [{ kind: 'text', text: 'See 1.3', marks: {}, link: { sectionId: 'ab-cd' } }],
        },
      ],
      { authors: {} },
    );
    expect(html).toBe(
      '<h3>Measures</h3><p class="numbered" data-paragraph-number="2.1"><a href="#s_abcd">See 1.3</a></p>',
    );
  });

  it("gives each paragraph its writing states' codes for the margin, most characters first", () => {
    const html = blocksHtml(
      [
        {
          kind: 'paragraph',
          inlines: [
            { kind: 'text', text: 'Mexico wrote most of this ', marks: {}, by: 'mx' },
            { kind: 'text', text: 'Peru a little', marks: {}, by: 'pe' },
            { kind: 'text', text: ' and the chair', marks: {}, by: 'chair' },
            { kind: 'text', text: '   ', marks: {}, by: 'br' },
          ],
        },
        { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Seeded.', marks: {} }] },
      ],
      { authors: { mx: 'MEX', pe: 'PER', br: '<BRA>' } },
    );
    const [first, second] = html.split('</p>');
    expect(first).toMatch(
      /^<p><span class="margin-initials" aria-hidden="true"><span>MEX<\/span><span>PER<\/span><\/span>/,
    );
    expect(second).not.toContain('margin-initials');
  });
});
