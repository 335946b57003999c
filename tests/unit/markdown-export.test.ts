import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, Marks, PlanDocument } from '../../lib/export/blocks';
import { renderMarkdown } from '../../lib/export/to-markdown';

/** A renderer as permissive as any viewer: raw HTML allowed. */
const markdownIt = new MarkdownIt({ html: true });

/** Text that Markdown would read as syntax if written as it is. */
const TRICKY = [
  '`',
  '``',
  'a`b',
  '``double`` and `single`',
  '```fence```',
  '`leading',
  'trailing`',
  'many ````` backticks ` and `` more',
  'a|b',
  '| cell | like |',
  'a\\|b',
  '[brackets]',
  '[link](https://evil.example/)',
  '![image](x.png)',
  '[ref]: https://evil.example/',
  'snake_case_name',
  '__init__',
  '_under_',
  '*star*',
  '**strong**',
  '~~strike~~',
  '<b>tag</b>',
  '<img src=x onerror=alert(1)>',
  '<https://auto.example>',
  '&amp; &lt; &#60; &copy',
  '# hash',
  'C# and F#',
  'Item #',
  '1. one',
  '2027) year',
  '- dash',
  '+ plus',
  '= equals',
  '> quote',
  '---',
  '===',
  '***',
  '\\',
  'back\\slash\\',
  '\\`',
  'x  y',
  'tab\tin',
  '{curly} (paren) "quote" \'apos\' $math$ :colon: 100%',
];

const run = (text: string, marks: Marks = {}, href?: string): Inline => ({
  kind: 'text',
  text,
  marks,
  ...(href && { link: { href } }),
});
const paragraph = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines });
const cell = (header: boolean, ...inlines: Inline[]) => ({ header, blocks: [paragraph(...inlines)] });

function plan(goal: Block[], extra: Partial<PlanDocument> = {}): PlanDocument {
  return {
    language: 'en',
    documentBlock: { council: '', committee: '', workingGroup: '', symbol: '', date: null, originalLanguage: 'en' },
    title: 'Plan',
    goal,
    sections: [],
    version: null,
    annex: null,
    amendments: null,
    trackedChanges: [],
    footnotes: [],
    ...extra,
  };
}

/** The exported Markdown as a viewer shows it: rendered, then read as a DOM. */
function rendered(doc: PlanDocument) {
  const markdown = renderMarkdown(doc);
  const { document } = parseHTML(`<!doctype html><html><body>${markdownIt.render(markdown)}</body></html>`);
  return { markdown, document, goal: () => document.querySelector('h2')!.nextElementSibling! };
}

describe.each(TRICKY)('the Markdown export shows %j exactly as typed', (text) => {
  it('as plain text, bold, italic, struck through, code and a link, alone and between words', () => {
    const marked: Array<[Marks, string | null]> = [
      [{}, null],
      [{ bold: true }, 'strong'],
      [{ italic: true }, 'em'],
      [{ strike: true }, 's'],
      [{ code: true }, 'code'],
      [{ bold: true, italic: true }, 'em strong, strong em'],
    ];
    for (const [marks, tag] of marked) {
      for (const inlines of [[run(text, marks)], [run('before '), run(text, marks), run(' after')]]) {
        const { markdown, goal } = rendered(plan([paragraph(...inlines)]));
        const p = goal();
        expect(p.tagName, markdown).toBe('P');
        expect(p.textContent, markdown).toBe(inlines.map((i) => (i.kind === 'text' ? i.text : '')).join(''));
        if (tag) expect(p.querySelector(tag)?.textContent, markdown).toBe(text);
      }
    }
    const { markdown, goal } = rendered(
      plan([paragraph(run('see '), run(text, {}, 'https://example.org/a'), run('!'))]),
    );
    expect(goal().textContent, markdown).toBe(`see ${text}!`);
    expect(goal().querySelector('a')?.textContent, markdown).toBe(text);
    expect(goal().querySelector('a')?.getAttribute('href'), markdown).toBe('https://example.org/a');
  });

  it('next to itself under other marks', () => {
    const inlines = [
      run(text, { bold: true }),
      run(text, { italic: true }),
      run(text, { code: true }),
      run(text),
      run(text, { bold: true, italic: true }),
      run(text, { strike: true }),
    ];
    const { markdown, goal } = rendered(plan([paragraph(...inlines)]));
    expect(goal().textContent, markdown).toBe(text.repeat(inlines.length));
  });

  it('in a heading, a list item, a table cell, a quotation, a code block and across a line break', () => {
    const check = (block: Block, selector: string, expected = text) => {
      const { markdown, document } = rendered(plan([block]));
      expect(document.querySelector(selector)?.textContent, markdown).toBe(expected);
    };
    check({ kind: 'heading', level: 2, inlines: [run(text)] }, 'h3');
    check({ kind: 'list', ordered: false, start: 1, items: [[paragraph(run(text))]] }, 'ul > li');
    check(
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [[paragraph(run(text))], [paragraph(run(text, { code: true }))]],
      },
      'ol > li + li',
    );
    check({ kind: 'quote', blocks: [paragraph(run(text))] }, 'blockquote > p');
    check({ kind: 'code', text: `${text}\n${text}` }, 'pre > code', `${text}\n${text}\n`);
    check(paragraph(run(text), { kind: 'break' }, run(text)), 'h2 + p', `${text}\n${text}`);
    const table: Block = {
      kind: 'table',
      rows: [
        [cell(true, run(text)), cell(true, run(text, { code: true }))],
        [cell(false, run(text, { code: true })), cell(false, run(text))],
      ],
    };
    const { markdown, document } = rendered(plan([table]));
    expect(
      [...document.querySelectorAll('th, td')].map((c) => c.textContent),
      markdown,
    ).toEqual([text, text, text, text]);
  });

  it('in the title, the document block, a section title, the lead state and a version name', () => {
    const doc = plan([], {
      title: text,
      documentBlock: {
        council: text,
        committee: '',
        workingGroup: text,
        symbol: text,
        date: null,
        originalLanguage: 'en',
      },
      version: { id: 'v', name: text },
      sections: [
        {
          id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          number: 1,
          title: text,
          leadState: text,
          coEditingStates: [text],
          blocks: [],
        },
      ],
    });
    const { markdown, document } = rendered(doc);
    expect(document.querySelector('h1')?.textContent, markdown).toBe(text);
    const texts = [...document.querySelectorAll('p, h2')].map((e) => e.textContent);
    expect(texts, markdown).toContain(`${text.toUpperCase()}\n${text}`);
    expect(texts, markdown).toContain(`Version: ${text}`);
    expect(texts, markdown).toContain(`1. ${text}`);
    expect(texts, markdown).toContain(`Lead state: ${text} · Co-editing: ${text}`);
  });
});

describe('links in the Markdown export', () => {
  it('keep their address exactly, and only web and mail addresses become links', () => {
    const tricky = 'https://example.org/a_b*c`d<e>f&amp;g h\\i(j)k[l]m';
    const hostile = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
    ];
    const inlines = [tricky, 'mailto:chair@oas.example', ...hostile].map((href, i) => run(`link ${i}`, {}, href));
    const { markdown, goal } = rendered(plan([paragraph(...inlines.flatMap((i) => [i, run(' ')]))]));
    const links = [...goal().querySelectorAll('a')].map((a) => decodeURI(a.getAttribute('href')!));
    expect(links, markdown).toEqual([tricky, 'mailto:chair@oas.example']);
    expect(goal().textContent, markdown).toBe(
      inlines
        .map((i) => (i.kind === 'text' ? `${i.text} ` : ''))
        .join('')
        .trim(),
    );
  });
});

describe('each block of the Markdown export stays one block', () => {
  it('line endings inside text stay inside their paragraph, heading or cell, as spaces', () => {
    const typed = 'a\n# b\r\n<script>x</script>\r- c\n    d\n===';
    const { markdown, document } = rendered(
      plan([
        paragraph(run(typed)),
        { kind: 'heading', level: 1, inlines: [run(typed)] },
        { kind: 'table', rows: [[cell(true, run(typed))], [cell(false, run(typed, { code: true }))]] },
      ]),
    );
    const shown = 'a # b <script>x</script> - c d ===';
    const blocks = [...document.querySelectorAll('h2 ~ *')].map(
      (e) => `${e.tagName} ${e.textContent!.replace(/\s+/g, ' ').trim()}`,
    );
    expect(blocks, markdown).toEqual([`P ${shown}`, `H3 ${shown}`, `TABLE ${shown} ${shown}`]);
  });

  it('leading spaces do not make a paragraph code, and a break at the end leaves no backslash', () => {
    const { markdown, goal } = rendered(plan([paragraph(run('    four spaces'), { kind: 'break' })]));
    expect(goal().outerHTML, markdown).toBe('<p>four spaces</p>');
  });

  it('a table keeps every cell of rows of uneven width; an empty table is left out', () => {
    const rows = [[cell(true, run('a'))], [cell(false, run('b')), cell(false, run('c')), cell(false, run('d'))]];
    const { markdown, document } = rendered(
      plan([
        { kind: 'table', rows },
        { kind: 'table', rows: [] },
      ]),
    );
    expect(
      [...document.querySelectorAll('th, td')].map((c) => c.textContent),
      markdown,
    ).toEqual(['a', '', '', 'b', 'c', 'd']);
  });

  it('list numbers Markdown cannot write start at 1', () => {
    for (const start of [-5, 1e12, 2.5]) {
      const { markdown, document } = rendered(
        plan([{ kind: 'list', ordered: true, start, items: [[paragraph(run('first'))], [paragraph(run('second'))]] }]),
      );
      expect(
        [...document.querySelectorAll('ol > li')].map((li) => li.textContent),
        markdown,
      ).toEqual(['first', 'second']);
    }
  });
});

describe('marks in the Markdown export', () => {
  it('stay open across runs that share them', () => {
    const { markdown, goal } = rendered(
      plan([paragraph(run('a ', { bold: true }), run('b', { bold: true, italic: true }), run(' c', { bold: true }))]),
    );
    expect(markdown).toContain('**a *b* c**');
    expect(goal().innerHTML).toBe('<strong>a <em>b</em> c</strong>');
  });

  it('hold inside a word even where punctuation meets the marks', () => {
    const inlines = [
      run('un'),
      run('(x)', { bold: true }),
      run('done'),
      run('é', { italic: true }),
      run('—', { strike: true }),
      run('!'),
    ];
    const { markdown, goal } = rendered(plan([paragraph(...inlines)]));
    expect(goal().innerHTML, markdown).toBe('un<strong>(x)</strong>done<em>é</em><s>—</s>!');
  });
});

describe('the Markdown export of random runs', () => {
  it('shows every paragraph exactly as typed, whatever marks meet whatever text', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = [...TRICKY.filter((t) => t.trim() === t), 'word', 'é', '—', '(x)', '.', '中文', '9', '😀'];
    const markSets: Marks[] = [
      {},
      { bold: true },
      { italic: true },
      { strike: true },
      { code: true },
      { bold: true, italic: true },
      { bold: true, strike: true },
      { italic: true, code: true },
    ];
    for (let round = 0; round < 300; round++) {
      const inlines = Array.from({ length: 2 + random(5) }, () => {
        const text = `${random(4) ? '' : ' '}${pieces[random(pieces.length)]!}${random(4) ? '' : ' '}`;
        return run(text, markSets[random(markSets.length)], random(6) ? undefined : 'https://example.org/');
      });
      const typed = inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
      const { markdown, goal } = rendered(plan([paragraph(...inlines)]));
      expect(goal().textContent, markdown).toBe(typed.trim());
    }
  });
});
