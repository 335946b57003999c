import * as Y from 'yjs';
import { isNumbered } from '../shared/paragraph-numbers';
import { EDITOR_FIELD } from '../shared/rooms';

/** A Yjs update that appends plain paragraphs in the shape Tiptap's schema expects. */
export function paragraphsUpdate(paragraphs: readonly string[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
  return Y.encodeStateAsUpdate(doc);
}

/** A block that holds text directly (paragraph, heading, a list item's or table cell's paragraph). */
export type TextBlock = { readonly element: Y.XmlElement; readonly text: string };

/** The blocks of a Tiptap document that hold text, in reading order; blank ones are left out. */
export function textBlocks(doc: Y.Doc): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    let text = '';
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) text += deltaText(child);
      else walk(child as Y.XmlElement);
    }
    if (text.trim() && node instanceof Y.XmlElement) blocks.push({ element: node, text });
  };
  walk(doc.getXmlFragment(EDITOR_FIELD));
  return blocks;
}

/** The plain text of a Tiptap document, one line per block; for tests, word counts and exports. */
export function documentText(doc: Y.Doc): string {
  return textBlocks(doc)
    .map((block) => block.text)
    .join('\n');
}

function deltaText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** Words of the document's text, as a reader would count them. */
export function wordCount(doc: Y.Doc): number {
  return documentText(doc).split(/\s+/).filter(Boolean).length;
}

/** The top-level paragraphs that carry a number (shared/paragraph-numbers), in order: index i is paragraph i + 1. */
export function numberedParagraphs(doc: Y.Doc): TextBlock[] {
  return doc
    .getXmlFragment(EDITOR_FIELD)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
    .map((element) => ({
      element,
      text: element
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? deltaText(child) : ''))
        .join(''),
    }))
    .filter((block) => isNumbered(block.element.nodeName, block.text));
}
