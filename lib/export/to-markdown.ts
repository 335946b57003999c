import { sectionAnchor, type Block, type Inline, type PlanDocument } from './blocks';
import { ANNEX_HEADING, GOAL_HEADING, documentBlockLines, leadLine, safeHref, sectionHeading, versionLine } from './labels';

/** The compiled plan as CommonMark with GitHub tables; sections carry anchors so cross-references work. */
export function renderMarkdown(doc: PlanDocument): string {
  const { issuer, reference } = documentBlockLines(doc.documentBlock);
  const parts = [
    issuer.map((line) => `**${escape(line)}**`).join('  \n'),
    reference.map(escape).join('  \n'),
    `# ${escape(doc.title)}`,
    doc.version ? `*${escape(versionLine(doc.version))}*` : '',
    `## ${GOAL_HEADING}`,
    blocks(doc.goal),
    ...doc.sections.flatMap((s) => [`<a id="${sectionAnchor(s.id)}"></a>`, `## ${escape(sectionHeading(s))}`, `*${escape(leadLine(s))}*`, blocks(s.blocks)]),
    ...(doc.annex ? [`## ${ANNEX_HEADING}`, blocks(doc.annex)] : []),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

function blocks(list: Block[]): string {
  return list.map(block).join('\n\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return guardLineStarts(inlines(b.inlines));
    case 'heading':
      // Sections are "##" in the compiled plan, so the editor's headings sit one level below.
      return `${'#'.repeat(Math.min(6, Math.max(2, b.level) + 1))} ${inlines(b.inlines)}`;
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${b.start + i}. ` : '- ';
          // A nested list follows its paragraph directly (a tight list); other blocks need a blank line.
          const body = item.map((child, j) => (j === 0 ? '' : child.kind === 'list' ? '\n' : '\n\n') + block(child)).join('');
          // Continuation lines are indented to the item's text, so nested blocks stay inside it.
          return marker + body.replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
        })
        .join('\n');
    case 'quote':
      return blocks(b.blocks).replace(/^/gm, '> ');
    case 'code':
      return `\`\`\`\n${b.text}\n\`\`\``;
    case 'rule':
      return '---';
    case 'table': {
      const [head = [], ...body] = b.rows.map((row) => `| ${row.map((cell) => cell.blocks.map(block).join(' ').replace(/\n+/g, ' ')).join(' | ')} |`);
      const columns = Math.max(...b.rows.map((row) => row.length));
      return [head, `|${' --- |'.repeat(columns)}`, ...body].join('\n');
    }
  }
}

function inlines(list: Inline[]): string {
  return list.map(inline).join('');
}

function inline(i: Inline): string {
  if (i.kind === 'break') return '\\\n';
  // Emphasis markers must touch the text, so surrounding spaces stay outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(i.text) ?? [];
  if (!core) return i.text;
  let md = i.marks.code ? `\`${core}\`` : escape(core);
  if (i.marks.bold) md = `**${md}**`;
  if (i.marks.italic) md = `*${md}*`;
  if (i.marks.strike) md = `~~${md}~~`;
  const href = i.link && ('sectionId' in i.link ? `#${sectionAnchor(i.link.sectionId)}` : safeHref(i.link.href));
  if (href) md = `[${md}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`;
  return lead + md + trail;
}

/** Backslash-escapes characters Markdown would read as inline syntax. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** A paragraph line that starts like a heading or a list item ("# ", "- ", "1. ") would become one. */
function guardLineStarts(markdown: string): string {
  return markdown.replace(/^(\s*)(#{1,6}|[+-]|\d+\.)(?=\s|$)/gm, (_m, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}
