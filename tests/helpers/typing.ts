import * as Y from 'yjs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { appendParagraph } from './paragraphs';

/**
 * Each document types tokens (" w0n0 w0n1 …", one every `pauseMs` plus up to 30 ms) until stopped:
 * at the end of a paragraph of its own, or, `interleaved`, all into the document's first paragraph,
 * each before a word of anyone's chosen at random, so each writer's text hangs on the others'.
 * `typed` lists every token typed so far.
 */
export function startTyping(docs: readonly Y.Doc[], pauseMs = 15, { interleaved = false } = {}) {
  const typed: string[] = [];
  let typing = true;
  const loops = docs.map(async (doc, w) => {
    const text = interleaved ? firstParagraph(doc) : appendParagraph(doc);
    for (let n = 0; typing; n++) {
      const token = `w${w}n${n}`;
      text.insert(interleaved ? wordStart(text.toString()) : text.length, ` ${token}`);
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

function firstParagraph(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(EDITOR_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error('the document has no first paragraph to type into');
  return text;
}

/** A random place before a space (or the end), where a token typed with its leading space splits no word. */
function wordStart(text: string): number {
  const places = [text.length];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') places.push(i);
  return places[Math.floor(Math.random() * places.length)]!;
}
