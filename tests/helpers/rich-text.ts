import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentHost } from '../../lib/documents/live-documents';
import { documentExtensions } from '../../lib/shared/document-extensions';
import { EDITOR_FIELD } from '../../lib/shared/rooms';

const schema = getSchema(documentExtensions({ editable: false }));

/** Appends Tiptap JSON to a live document as one change by `userId`, in the shape the editor writes. */
export async function appendRichText(docId: string, userId: string, content: JSONContent[]): Promise<void> {
  await documentHost().change(docId, userId, (copy) => {
    const scratch = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, scratch.getXmlFragment(EDITOR_FIELD));
    const fragment = copy.getXmlFragment(EDITOR_FIELD);
    fragment.insert(
      fragment.length,
      scratch
        .getXmlFragment(EDITOR_FIELD)
        .toArray()
        .map((node) => (node as Y.XmlElement).clone()),
    );
  });
}

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks && { marks }),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (label: string, ...nested: JSONContent[]): JSONContent => ({
  type: 'listItem',
  content: [paragraph(text(label)), ...nested],
});
const row = (cell: 'tableHeader' | 'tableCell', labels: string[]): JSONContent => ({
  type: 'tableRow',
  content: labels.map((label) => ({ type: cell, content: [paragraph(text(label))] })),
});

/** A passage with everything a section may hold: heading, marks, link, nested and numbered lists, a table, a line break. */
export const RICH_PASSAGE: JSONContent[] = [
  { type: 'heading', attrs: { level: 2 }, content: [text('Training standards')] },
  paragraph(
    text('Curricula are '),
    text('binding', [{ type: 'bold' }]),
    text(' and '),
    text('reviewed', [{ type: 'italic' }]),
    text(' every year; see '),
    text('the OAS site', [{ type: 'link', attrs: { href: 'https://www.oas.org/' } }]),
    text('.'),
  ),
  {
    type: 'bulletList',
    content: [
      item('Human rights', { type: 'bulletList', content: [item('Use of force')] }),
      item('Community policing'),
    ],
  },
  { type: 'orderedList', content: [item('Assess'), item('Train'), item('Certify')] },
  {
    type: 'table',
    content: [
      row('tableHeader', ['Measure', 'Deadline']),
      row('tableCell', ['Curriculum', '2027']),
      row('tableCell', ['Certification', '2028']),
    ],
  },
  paragraph(text('First line'), { type: 'hardBreak' }, text('second line')),
];
