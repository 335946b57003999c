import * as Y from 'yjs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';

/** Appends a paragraph to a document the way the editor shapes it; returns its text, to type into. */
export function appendParagraph(doc: Y.Doc, text = ''): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText(text);
  paragraph.insert(0, [content]);
  doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
  return content;
}

/** The text of the top-level paragraph holding `words`. */
export function paragraphHolding(doc: Y.Doc, words: string): Y.XmlText {
  return doc
    .getXmlFragment(EDITOR_FIELD)
    .toArray()
    .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
    .find((x) => x?.toString().includes(words))!;
}

/** The passage `words` as the editor sends a selection: its ends as Yjs relative positions (base64). */
export function passageOf(doc: Y.Doc, words: string): { from: string; to: string } {
  const text = paragraphHolding(doc, words);
  const from = text.toString().indexOf(words);
  const encode = (index: number, assoc: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString('base64');
  return { from: encode(from, 0), to: encode(from + words.length, -1) };
}
