import type * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { documentText } from '../../lib/documents/paragraphs';
import { encodeSaveCheckMessage, readSavedMessage, SAVED_MESSAGE, type SaveOutcome } from '../../lib/shared/app-messages';
import { USERS_FIELD } from '../../lib/documents/attribution-record';
import { useCollabServer } from '../helpers/collab-fixture';
import { authorsOfWords } from '../helpers/authors';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { announce, openRawClient } from '../helpers/raw-client';
import { storedDocument, storedText } from '../helpers/stored-text';

/** Asks the server, as the editor's save badge does, whether everything this provider sent is stored. */
function saveCheck(provider: WebsocketProvider, id: number): Promise<SaveOutcome> {
  return new Promise((resolve) => {
    provider.messageHandlers[SAVED_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      const answer = readSavedMessage(decoder);
      if (answer.id === id) resolve(answer.outcome);
    };
    provider.ws!.send(encodeSaveCheckMessage(id) as Uint8Array<ArrayBuffer>);
  });
}

/** A document holding `base`, writing as `clientId` from here on: what a hostile client makes to write under someone's id. */
function writingAs(base: Y.Doc, clientId: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  doc.clientID = clientId; // after loading: Yjs picks a fresh id when it loads content under its own
  return doc;
}


describe("a client id belongs to the user who announced it first", () => {
  const t = useCollabServer();
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });
  const open = (cookie: string, options?: { connect?: boolean }) => {
    const client = openProvider(t.server.url, t.plan.police.room, cookie, {}, options);
    cleanup.push(() => client.provider.destroy());
    return client;
  };
  const raw = async (cookie: string) => {
    const client = await openRawClient(t.server.url, t.plan.police.room, cookie);
    cleanup.push(() => client.close());
    return client;
  };

  it("refuses a co-editor who announces an open page's client id and writes under it first; the page keeps saving", async () => {
    // Peru's page is open and has announced its client id, but has not typed yet.
    const peru = open(t.plan.cookies.peru);
    const chair = open(t.plan.cookies.chair);
    await Promise.all([waitForSync(peru.provider), waitForSync(chair.provider)]);
    peru.provider.awareness.setLocalStateField('user', { name: 'Coordinator of Peru' });
    await eventually(() => expect(chair.provider.awareness.getStates().has(peru.doc.clientID)).toBe(true));

    // Mexico, co-editing the section, sees that id in awareness, announces it and writes under it.
    const mexico = await raw(t.plan.cookies.mexico);
    const forged = writingAs(peru.doc, peru.doc.clientID);
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, 'pretendingwords under a borrowed id');
    mexico.sendFrame(announce(forged));
    mexico.sendRawUpdate(Y.encodeStateAsUpdate(forged, before));

    // Peru keeps typing, and every word of it is stored, relayed and Peru's.
    for (const words of ['Peru proposes regional police training.', 'Peru adds a yearly report.']) {
      appendParagraph(peru.doc, words);
      await eventually(async () => expect(await saveCheck(peru.provider, Math.floor(Math.random() * 1e9))).toBe('stored'));
      await eventually(() => expect(documentText(chair.doc)).toContain(words));
      expect(await storedText(t.server.database.db, t.plan.police.room)).toContain(words);
    }
    expect(documentText(chair.doc)).not.toContain('pretendingwords');
    expect(await storedText(t.server.database.db, t.plan.police.room)).not.toContain('pretendingwords');
    const authors = await authorsOfWords(t.plan.police.room);
    expect(authors.get('proposes')).toBe(t.plan.ids.peru);
    expect(authors.get('yearly')).toBe(t.plan.ids.peru);
    const stored = await storedDocument(t.server.database.db, t.plan.police.room);
    expect(new Y.PermanentUserData(stored, stored.getMap(USERS_FIELD)).getUserByClientId(peru.doc.clientID)).toBe(t.plan.ids.peru);
  });

  it('moves a page whose client id someone else announced and wrote under first to a new one, where it keeps saving', async () => {
    // The page's document exists, with its client id, before its socket opens.
    const peru = open(t.plan.cookies.peru, { connect: false });
    const taken = peru.doc.clientID;
    const chair = open(t.plan.cookies.chair);
    await waitForSync(chair.provider);

    // Mexico is quicker: it announces that id and writes under it before the page connects.
    const mexico = await raw(t.plan.cookies.mexico);
    const forged = writingAs(chair.doc, taken);
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, 'firstcomer words of Mexico');
    mexico.sendFrame(announce(forged));
    mexico.sendRawUpdate(Y.encodeStateAsUpdate(forged, before));
    await eventually(() => expect(documentText(chair.doc)).toContain('firstcomer'));

    // The page connects: Yjs gives its document a new client id when Mexico's words arrive under its own.
    peru.provider.connect();
    await waitForSync(peru.provider);
    await eventually(() => expect(peru.doc.clientID).not.toBe(taken));

    for (const words of ['Peru proposes shared forensic laboratories.', 'Peru offers to host them.']) {
      // …also after its connection drops and comes back (the provider announces its document's new id then).
      if (words.includes('host')) {
        peru.provider.disconnect();
        peru.provider.connect();
        await waitForSync(peru.provider);
      }
      appendParagraph(peru.doc, words);
      await eventually(async () => expect(await saveCheck(peru.provider, Math.floor(Math.random() * 1e9))).toBe('stored'));
      await eventually(() => expect(documentText(chair.doc)).toContain(words));
      expect(await storedText(t.server.database.db, t.plan.police.room)).toContain(words);
    }
    const authors = await authorsOfWords(t.plan.police.room);
    expect(authors.get('firstcomer')).toBe(t.plan.ids.mexico);
    expect(authors.get('forensic')).toBe(t.plan.ids.peru);
    expect(authors.get('host')).toBe(t.plan.ids.peru);
    const stored = await storedDocument(t.server.database.db, t.plan.police.room);
    const users = new Y.PermanentUserData(stored, stored.getMap(USERS_FIELD));
    expect(users.getUserByClientId(taken)).toBe(t.plan.ids.mexico);
    expect(users.getUserByClientId(peru.doc.clientID)).toBe(t.plan.ids.peru);
  });

  it('keeps what a co-editor wrote under an id before announcing it out of the page that announces that id first', async () => {
    const peru = open(t.plan.cookies.peru, { connect: false });
    const chair = open(t.plan.cookies.chair);
    await waitForSync(chair.provider);

    // Mexico writes under the id first, then the page announces it, then Mexico does.
    const mexico = await raw(t.plan.cookies.mexico);
    const forged = writingAs(chair.doc, peru.doc.clientID);
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, 'earlybird words of Mexico');
    mexico.sendRawUpdate(Y.encodeStateAsUpdate(forged, before));
    peru.provider.awareness.setLocalStateField('user', { name: 'Coordinator of Peru' });
    peru.provider.connect();
    await waitForSync(peru.provider);
    await eventually(() => expect(chair.provider.awareness.getStates().has(peru.doc.clientID)).toBe(true));
    mexico.sendFrame(announce(forged));

    appendParagraph(peru.doc, 'Peru asks for a regional firearms registry.');
    await eventually(async () => expect(await saveCheck(peru.provider, Math.floor(Math.random() * 1e9))).toBe('stored'));
    await eventually(() => expect(documentText(chair.doc)).toContain('firearms registry'));
    expect(documentText(chair.doc)).not.toContain('earlybird');
    expect((await authorsOfWords(t.plan.police.room)).get('firearms')).toBe(t.plan.ids.peru);
  });
});
