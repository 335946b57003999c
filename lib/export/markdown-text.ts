/**
 * Text written into Markdown so that a reader sees exactly the characters typed, and no text can become
 * syntax: no HTML tag, autolink, link, image, entity, emphasis, code span or block. CommonMark lets any
 * ASCII punctuation be backslash-escaped and shows it as itself, so escaping more than needed is
 * harmless; escaping less is how text turns into markup.
 */

/** Characters that open inline syntax anywhere in a line (`!` before a link makes it an image, `&` an entity). */
const INLINE_SYNTAX = /[\\`*_~[\]<>&|#!]/g;

/** Where a table cell's inline code is: pipes end a cell even there, unless escaped. */
export type InlineContext = 'line' | 'cell';

/** Text on one line: line endings become spaces (a new line could start a block), syntax is escaped. */
export function escapeText(text: string): string {
  return oneLine(text).replace(INLINE_SYNTAX, '\\$&');
}

export function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}

/**
 * A code span whose fence is one backtick longer than the longest run inside, so no run inside can
 * close it; padded with a space when the text starts or ends with a backtick (CommonMark strips one
 * space from each side of such padding).
 */
export function codeSpan(text: string, context: InlineContext): string {
  const code = oneLine(text);
  const fence = '`'.repeat(longestRun(code, '`') + 1);
  const pad =
    code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ') && code.trim())
      ? ' '
      : '';
  const body = context === 'cell' ? code.replace(/\|/g, '\\|') : code;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any run of backticks inside, so no line inside closes it. */
export function codeBlock(text: string): string {
  const code = text.replace(/\r\n?/g, '\n');
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return `${fence}\n${code}\n${fence}`;
}

/**
 * A link destination in angle brackets, the form that allows any character: brackets, backslashes,
 * backticks and ampersands are escaped (an unescaped backtick would open a code span across the link),
 * spaces and control characters percent-encoded (a line ending would end the link). The scheme is checked before it gets here.
 */
export function linkDestination(href: string): string {
  const escaped = href.replace(/[\\<>`&]/g, '\\$&').replace(/[\p{Cc}\p{Zs}]/gu, encodeURIComponent);
  return `<${escaped}>`;
}

/**
 * Escapes what would start a block at the beginning of a line of a paragraph: a list item ("-", "+",
 * "1." or "1)"), a setext underline ("===", "---") or a thematic break. The other block starters (#, >,
 * <, |, `, ~, *, _) are escaped wherever they appear in text; leading spaces go, as a reader never sees
 * them and four would make a code block.
 */
export function guardLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^(\d{1,9})([.)])/, '$1\\$2')
        .replace(/^[-+=]/, '\\$&'),
    )
    .join('\n');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
