import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { unboldHeaderCells } from '../../lib/import/unbold-header-cells';

const body = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as HTMLElement;

describe('header cells of an imported table', () => {
  it('lose the bold they carry throughout, keep a few bold words, and leave ordinary cells alone', () => {
    const page = body(
      '<table><tr><th><p><strong>Measure</strong> <strong>and deadline</strong></p></th><th><p>Cost, <strong>in USD</strong></p></th></tr>' +
        '<tr><td><p><strong>Training</strong></p></td><td><p>2026</p></td></tr></table>',
    );
    unboldHeaderCells(page);
    const cells = Array.from(page.querySelectorAll('th, td')).map((c) => c.innerHTML);
    expect(cells).toEqual([
      '<p>Measure and deadline</p>',
      '<p>Cost, <strong>in USD</strong></p>',
      '<p><strong>Training</strong></p>',
      '<p>2026</p>',
    ]);
  });
});
