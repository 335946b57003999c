import { paragraphsUpdate } from '../lib/documents/paragraphs';

const VOCABULARY = (
  'the member states commit to strengthen regional cooperation on citizen security and justice through ' +
  'training exchanges of information prevention programmes for youth assistance to victims police ' +
  'professionalisation shared statistics municipal councils human rights oversight and annual reporting'
).split(' ');
/** About the length of a drafted paragraph. */
const WORDS_PER_PARAGRAPH = 80;

/**
 * Section `index` as a document of `words` words in the Tiptap shape, the same on every run and for
 * every server: its Yjs update, and its text as `paragraphText` reads it back.
 */
export function sectionDocument(index: number, words: number): { update: Uint8Array; text: string } {
  const paragraphs: string[] = [];
  for (let first = 0; first < words; first += WORDS_PER_PARAGRAPH) {
    const count = Math.min(WORDS_PER_PARAGRAPH, words - first);
    // The vocabulary's size is prime: the stride visits every word, and each section starts elsewhere.
    paragraphs.push(
      Array.from(
        { length: count },
        (_, i) => VOCABULARY[(index * 13 + (first + i) * 7 + Math.floor((first + i) / 11)) % VOCABULARY.length],
      ).join(' '),
    );
  }
  return { update: paragraphsUpdate(paragraphs), text: paragraphs.join('\n') };
}
