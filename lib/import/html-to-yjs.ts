import { getSchema } from '@tiptap/core';
import { DOMParser, type Schema } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { parseHTML } from 'linkedom';
import * as Y from 'yjs';
import { documentExtensions } from '../shared/document-extensions';
import { EDITOR_FIELD } from '../shared/rooms';
import { stripParagraphNumbers } from './strip-paragraph-numbers';
import { unboldHeaderCells } from './unbold-header-cells';

let schema: Schema | undefined;

/**
 * HTML read with the editor's own schema — the rules Tiptap applies to a paste — as Yjs nodes ready to
 * insert into a document. What the schema has no place for (images, colours, fonts) falls away, and so
 * do the paragraph numbers an export printed and the bold of header cells bold throughout.
 */
export function htmlToYjs(html: string): Array<Y.XmlElement | Y.XmlText> {
  schema ??= getSchema(documentExtensions({ editable: false }));
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  stripParagraphNumbers(document.body);
  unboldHeaderCells(document.body as unknown as HTMLElement);
  const content = DOMParser.fromSchema(schema).parse(document.body as unknown as Node);
  const scratch = new Y.Doc();
  const nodes = prosemirrorToYXmlFragment(content, scratch.getXmlFragment(EDITOR_FIELD))
    .toArray()
    .map((node) => (node as Y.XmlElement | Y.XmlText).clone());
  scratch.destroy();
  return nodes;
}
