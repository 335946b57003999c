import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from '../../lib/translation/stream-format';

describe("Apertium's stream format", () => {
  it('escapes what Apertium reads as markup and ends each paragraph with one NUL', () => {
    const chunk = encodeChunk('Item [1]: 5$ a/b @c <d> {e} *f #g ~h \\i\nj\u0000k');
    expect(chunk.endsWith('\0')).toBe(true);
    expect(chunk.indexOf('\0')).toBe(chunk.length - 1);
    expect(chunk).not.toContain('\n\u0000');
    expect(chunk).toBe('Item \\[1\\]: 5\\$ a\\/b \\@c \\<d\\> \\{e\\} \\*f \\#g [~]h \\\\i j k[][\n]\0');
  });

  it('gives back the text of an answer: blanks unwrapped, escapes undone', () => {
    expect(decodeChunk('Item \\[1\\]: 5\\$ a\\/b \\@c \\<d\\> \\{e\\} \\*f \\#g [~]h \\\\i[][\n]')).toBe(
      'Item [1]: 5$ a/b @c <d> {e} *f #g ~h \\i',
    );
  });

  it("drops Apertium's marks on words it could not translate, not the same characters typed in the text", () => {
    expect(decodeChunk('El *xyzzy y #foo @bar, \\@handle \\#tag \\*nota.[][\n]')).toBe(
      'El xyzzy y foo bar, @handle #tag *nota.',
    );
  });
});
