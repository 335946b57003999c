import type * as Y from 'yjs';
import { appendParagraph } from './paragraphs';

/**
 * Each document gets a paragraph of its own and types tokens into it (" w0n0 w0n1 …", one every
 * `pauseMs` plus up to 30 ms) until stopped. `typed` lists every token typed so far.
 */
export function startTyping(docs: readonly Y.Doc[], pauseMs = 15) {
  const typed: string[] = [];
  let typing = true;
  const loops = docs.map(async (doc, w) => {
    const text = appendParagraph(doc);
    for (let n = 0; typing; n++) {
      const token = `w${w}n${n}`;
      text.insert(text.length, ` ${token}`);
      typed.push(token);
      await new Promise((r) => setTimeout(r, pauseMs + Math.random() * 30));
    }
  });
  return {
    typed,
    async stop(): Promise<void> {
      typing = false;
      await Promise.all(loops);
    },
  };
}

/** Tokens of `typed` missing from a text, word by word (so a lost "w0n1" cannot hide in "w0n12"). */
export function missingTokens(text: string, typed: readonly string[]): string[] {
  const words = new Set(text.split(/\s+/));
  return typed.filter((token) => !words.has(token));
}
