import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentText, paragraphsUpdate } from '../../lib/documents/paragraphs';
import { GAP, snapshotWithout, unsentText } from '../../lib/documents/unsent-text';
import { EDITOR_FIELD } from '../../lib/shared/rooms';

/** The server's document and a writer's copy of it; `offline` records what the writer types from then on. */
function setUp(paragraphs: string[]) {
  const server = new Y.Doc({ gc: false });
  Y.applyUpdate(server, paragraphsUpdate(paragraphs));
  const writer = new Y.Doc({ gc: false });
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
  const text = (block: number) => (writer.getXmlFragment(EDITOR_FIELD).get(block) as Y.XmlElement).get(0) as Y.XmlText;
  const offline = () => {
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    return () => Y.mergeUpdates(updates);
  };
  const send = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(server)));
  return { server, writer, text, offline, send };
}

describe('unsentText', () => {
  it('lists the words a draft adds, block by block, without what it deleted or typed and took back', () => {
    const { server, writer, text, offline } = setUp(['Peru proposes regional training.']);
    const draft = offline();
    const first = text(0);
    first.insert(first.length, ' Funded by the development bank.');
    first.delete('Peru proposes '.length, 'regional '.length);
    first.insert(first.length, ' Typo');
    first.delete(first.length - ' Typo'.length, ' Typo'.length);
    const second = new Y.XmlElement('paragraph');
    second.insert(0, [new Y.XmlText('A second point.')]);
    writer.getXmlFragment(EDITOR_FIELD).insert(1, [second]);

    expect(unsentText(server, [draft()])).toEqual(['Funded by the development bank.', 'A second point.']);
  });

  it('finds them in the page that typed them, apart from its earlier words the server has', () => {
    const { writer, text, offline, send } = setUp(['Opening words.']);
    text(0).insert(text(0).length, ' Sent and stored.');
    send();
    const draft = offline();
    // Typed right after: Yjs keeps both runs of this client as one item of the writer's document.
    text(0).insert(text(0).length, ' Typed on the plane.');

    expect(unsentText(writer, [draft()])).toEqual(['Typed on the plane.']);
    // The page marks them in its text as what changed since a snapshot without them.
    const before = Y.createDocFromSnapshot(writer, snapshotWithout(writer, [draft()]));
    expect(documentText(before)).toBe('Opening words. Sent and stored.');
  });

  it('joins words typed in two places of one block with a gap, and counts words in two drafts once', () => {
    const { server, text, offline } = setUp(['Alpha beta gamma.']);
    const draft = offline();
    text(0).insert('Alpha'.length, ' one');
    text(0).insert(text(0).length - 1, ' two');
    const update = draft();

    expect(unsentText(server, [update, update])).toEqual([`one${GAP}two`]);
  });

  it('finds nothing when the drafts only delete, or hold nothing', () => {
    const { server, text, offline } = setUp(['Alpha beta gamma.']);
    const draft = offline();
    text(0).delete(0, 'Alpha '.length);

    expect(unsentText(server, [draft()])).toEqual([]);
    expect(unsentText(server, [])).toEqual([]);
  });
});
