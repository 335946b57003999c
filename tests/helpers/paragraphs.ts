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
