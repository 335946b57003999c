import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { touchesLockedParagraph } from '../../server/collab/rooms/paragraph-locks';

/** A section of three paragraphs, the second locked, and a client's copy of it. */
function setting() {
  const server = new Y.Doc({ gc: false });
  const fragment = server.getXmlFragment(EDITOR_FIELD);
  fragment.insert(
    0,
    ['First paragraph.', 'Agreed paragraph.', 'Third paragraph.'].map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  const agreed = fragment.get(1) as Y.XmlElement;
  const locked = new Set([`${agreed._item!.id.client}:${agreed._item!.id.clock}`]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  /** What `edit` changes in the client's copy, as the update it sends. */
  const update = (edit: (fragment: Y.XmlFragment) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client.getXmlFragment(EDITOR_FIELD));
    return Y.encodeStateAsUpdate(client, before);
  };
  const touches = (edit: (fragment: Y.XmlFragment) => void) => touchesLockedParagraph(server, update(edit), locked);
  return { touches };
}

const text = (fragment: Y.XmlFragment, index: number) => (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe('touchesLockedParagraph', () => {
  it('finds an insertion at the start, middle or end of the agreed text, a deletion in it, or its removal', () => {
    for (const edit of [
      (f: Y.XmlFragment) => text(f, 1).insert(0, 'X'),
      (f: Y.XmlFragment) => text(f, 1).insert(6, 'X'),
      (f: Y.XmlFragment) => text(f, 1).insert(17, 'X'),
      (f: Y.XmlFragment) => text(f, 1).delete(0, 1),
      (f: Y.XmlFragment) => text(f, 1).format(0, 6, { bold: {} }),
      (f: Y.XmlFragment) => (f.get(1) as Y.XmlElement).setAttribute('textAlign', 'center'),
      (f: Y.XmlFragment) => f.delete(1, 1),
      (f: Y.XmlFragment) => f.delete(0, 3),
    ])
      expect(setting().touches(edit)).toBe(true);
  });

  it('lets edits of the other paragraphs through, and new paragraphs beside the agreed one', () => {
    for (const edit of [
      (f: Y.XmlFragment) => text(f, 0).insert(16, ' More.'),
      (f: Y.XmlFragment) => text(f, 2).insert(0, 'Then: '),
      (f: Y.XmlFragment) => f.delete(2, 1),
      (f: Y.XmlFragment) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('Between.')]);
        f.insert(2, [p]);
        // Words typed on in the new paragraph name only the new paragraph's items.
        (p.get(0) as Y.XmlText).insert(8, ' And more.');
      },
      (f: Y.XmlFragment) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('Before.')]);
        f.insert(1, [p]);
      },
    ])
      expect(setting().touches(edit)).toBe(false);
  });
});
