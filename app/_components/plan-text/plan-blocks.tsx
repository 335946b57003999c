import type { CSSProperties, ReactNode } from 'react';
import { sectionAnchor, type Block, type Inline } from '../../../lib/export/blocks';
import { safeHref } from '../../../lib/shared/safe-href';
import { stateColor } from '../../../lib/shared/state-colors';

export type BlocksProps = {
  blocks: readonly Block[];
  /** The state (code) of each author by user id; authors without one (the chair, the seed) are left out. */
  authors: Readonly<Record<string, string>>;
  /** Paragraph texts with an open overlap, and what to say after each. */
  overlapNote?: (paragraph: string) => ReactNode;
};

/**
 * A section's compiled blocks as the page shows them: paragraph numbers in the margin as the editor
 * prints them (negotiation.css), and every run in a span carrying its author's colour, which the page's
 * stylesheet shows only while "Show authorship" is on, so the toggle redraws nothing.
 */
export function PlanBlocks({ blocks, authors, overlapNote }: BlocksProps) {
  return <>{blocks.map((b, i) => renderBlock(b, i, { authors, overlapNote }))}</>;
}

type Ctx = Omit<BlocksProps, 'blocks'>;

function renderBlock(b: Block, key: number, ctx: Ctx): ReactNode {
  switch (b.kind) {
    case 'paragraph': {
      const note = ctx.overlapNote?.(plainText(b.inlines));
      const p = (
        <p
          key={key}
          className={[b.number && 'numbered', note && 'overlap-open'].filter(Boolean).join(' ') || undefined}
          data-paragraph-number={b.number}
          id={b.mergeId && `merged-${b.mergeId}`}
        >
          {renderInlines(b.inlines, ctx)}
        </p>
      );
      return note ? [p, <div key={`${key}-note`}>{note}</div>] : p;
    }
    case 'heading': {
      // Sections are h2 on the page, so the editor's headings sit one level below.
      const Tag = `h${Math.min(6, Math.max(2, b.level) + 1)}` as 'h3';
      return <Tag key={key}>{renderInlines(b.inlines, ctx)}</Tag>;
    }
    case 'list': {
      const items = b.items.map((item, i) => <li key={i}>{item.map((c, j) => renderBlock(c, j, ctx))}</li>);
      return b.ordered ? (
        <ol key={key} start={b.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={key}>{b.blocks.map((c, j) => renderBlock(c, j, ctx))}</blockquote>;
    case 'code':
      return <pre key={key}>{b.text}</pre>;
    case 'rule':
      return <hr key={key} />;
    case 'table':
      return (
        <div key={key} className="table-scroll">
          <table>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => {
                    const Cell = cell.header ? 'th' : 'td';
                    return <Cell key={c}>{cell.blocks.map((x, j) => renderBlock(x, j, ctx))}</Cell>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function renderInlines(inlines: readonly Inline[], ctx: Ctx): ReactNode[] {
  return inlines.map((i, key) => {
    if (i.kind === 'break') return <br key={key} />;
    let node: ReactNode = i.text;
    if (i.marks.code) node = <code>{node}</code>;
    if (i.marks.bold) node = <strong>{node}</strong>;
    if (i.marks.italic) node = <em>{node}</em>;
    if (i.marks.underline) node = <u>{node}</u>;
    if (i.marks.strike) node = <s>{node}</s>;
    const href = i.link && ('sectionId' in i.link ? `#${sectionAnchor(i.link.sectionId)}` : safeHref(i.link.href));
    if (href) node = <a href={href}>{node}</a>;
    if (i.by === undefined) return <span key={key}>{node}</span>;
    const state = i.by ? ctx.authors[i.by] : undefined;
    return (
      <span key={key} className="by" data-state={state} style={{ '--by': stateColor(state) } as CSSProperties}>
        {node}
      </span>
    );
  });
}

export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}
