/*
 * Apertium's stream format: text in which `\ [ ] ^ $ / @ < > { } * #` are escaped, format in [blanks], and
 * each chunk ended by a NUL when the pipeline runs in null-flush mode. Plain paragraphs are written
 * and read with these functions instead of Apertium's txt deformatter, which cannot flush per chunk.
 */

const SPECIAL = /[\\[\]^$/@<>{}*#]/g;

/** A paragraph as one chunk: one line, escaped, `~` kept as format (Apertium reads it as a marker), ended by a NUL. */
export function encodeChunk(text: string): string {
  const line = text
    // A NUL would end the chunk early; other control characters mean nothing to a translation.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(/~/g, '[~]');
  return `${line}[][\n]\0`;
}

/** Marks Apertium puts before a word, unescaped: `*` unknown, `#` not generated, `@` not in the bilingual dictionary. */
const MARKS = '*#@';
const WORD = /[\p{L}\p{N}]/u;

/**
 * The text of one translated chunk: blanks unwrapped, escapes undone, and the marks Apertium puts on
 * words it could not translate removed (the word itself is kept, as a reader expects).
 */
export function decodeChunk(chunk: string): string {
  let out = '';
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c === '\\') {
      out += chunk[++i] ?? '';
    } else if (MARKS.includes(c) && WORD.test(chunk[i + 1] ?? '') && !WORD.test(chunk[i - 1] ?? '')) {
      // A mark, not text: the same characters typed in the paragraph arrive escaped.
      continue;
    } else if (c === '[') {
      // A blank: its content is format, kept as it is; `[[…]]` word-bound blanks carry none of ours.
      const wordBound = chunk[i + 1] === '[';
      const end = chunk.indexOf(wordBound ? ']]' : ']', i + 1);
      if (end < 0) break;
      if (!wordBound) out += chunk.slice(i + 1, end);
      i = end + (wordBound ? 1 : 0);
    } else {
      out += c;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
