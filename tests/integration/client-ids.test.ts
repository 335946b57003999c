import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentText } from '../../lib/documents/paragraphs';
import { USERS_FIELD } from '../../lib/documents/attribution-record';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { authorsOfWords } from '../helpers/authors';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, saveCheck, waitForSync } from '../helpers/provider';
import { announce, openRawClient } from '../helpers/raw-client';
import { storedDocument, storedText } from '../helpers/stored-text';

/** A document holding `base`, writing as `clientId` from here on: what a hostile client makes to write under someone's id. */
function writingAs(base: Y.Doc, clientId: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  doc.clientID = clientId; // after loading: Yjs picks a fresh id when it loads content under its own
  return doc;
}

describe('a client id belongs to the user who announced it first', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  /** Peru leads the section, Mexico co-edits it. */
  const people = {} as Record<'peru' | 'mexico', BuiltMember>;
  let police: BuiltSection;
  beforeAll(async () => {
    plan = await buildPlan(t.db);
    people.peru = await buildMember(t.db, { plan, state: 'PER' });
    people.mexico = await buildMember(t.db, { plan, state: 'MEX' });
    police = await buildSection(t.db, { plan, lead: people.peru, coEditors: [people.mexico] });
  });
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });
  const open = (cookie: string, options?: { connect?: boolean }) => {
    const client = openProvider(t.server.url, police.room, cookie, {}, options);
    cleanup.push(() => client.provider.destroy());
    return client;
  };
  const raw = async (cookie: string) => {
    const client = await openRawClient(t.server.url, police.room, cookie);
    cleanup.push(() => client.close());
    return client;
  };

  it("refuses a co-editor who announces an open page's client id and writes under it first; the page keeps saving", async () => {
    // Peru's page is open and has announced its client id, but has not typed yet.
    const peru = open(people.peru.cookie);
    const chair = open(plan.chair.cookie);
    await Promise.all([waitForSync(peru.provider), waitForSync(chair.provider)]);
    peru.provider.awareness.setLocalStateField('user', { name: 'Coordinator of Peru' });
    await eventually(() => expect(chair.provider.awareness.getStates().has(peru.doc.clientID)).toBe(true));

    // Mexico, co-editing the section, sees that id in awareness, announces it and writes under it.
    const mexico = await raw(people.mexico.cookie);
    const forged = writingAs(peru.doc, peru.doc.clientID);
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, 'pretendingwords under a borrowed id');
    mexico.sendFrame(announce(forged));
    mexico.sendRawUpdate(Y.encodeStateAsUpdate(forged, before));

    // Peru keeps typing, and every word of it is stored, relayed and Peru's.
    for (const words of ['Peru proposes regional police training.', 'Peru adds a yearly report.']) {
      appendParagraph(peru.doc, words);
      await eventually(async () =>
        expect(await saveCheck(peru.provider, Math.floor(Math.random() * 1e9))).toBe('stored'),
      );
      await eventually(() => expect(documentText(chair.doc)).toContain(words));
      expect(await storedText(t.db, police.room)).toContain(words);
    }
    expect(documentText(chair.doc)).not.toContain('pretendingwords');
    expect(await storedText(t.db, police.room)).not.toContain('pretendingwords');
    const authors = await authorsOfWords(police.room);
    expect(authors.get('proposes')).toBe(people.peru.id);
    expect(authors.get('yearly')).toBe(people.peru.id);
    const stored = await storedDocument(t.db, police.room);
    expect(new Y.PermanentUserData(stored, stored.getMap(USERS_FIELD)).getUserByClientId(peru.doc.clientID)).toBe(
      people.peru.id,
    );
  });

  it('moves a page whose client id someone else announced and wrote under first to a new one, where it keeps saving', async () => {
    // The page's document exists, with its client id, before its socket opens.
    const peru = open(people.peru.cookie, { connect: false });
    const taken = peru.doc.clientID;
    const chair = open(plan.chair.cookie);
    await waitForSync(chair.provider);

    // Mexico is quicker: it announces that id and writes under it before the page connects.
    const mexico = await raw(people.mexico.cookie);
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
      await eventually(async () =>
        expect(await saveCheck(peru.provider, Math.floor(Math.random() * 1e9))).toBe('stored'),
      );
      await eventually(() => expect(documentText(chair.doc)).toContain(words));
      expect(await storedText(t.db, police.room)).toContain(words);
    }
    const authors = await authorsOfWords(police.room);
    expect(authors.get('firstcomer')).toBe(people.mexico.id);
    expect(authors.get('forensic')).toBe(people.peru.id);
    expect(authors.get('host')).toBe(people.peru.id);
    const stored = await storedDocument(t.db, police.room);
    const users = new Y.PermanentUserData(stored, stored.getMap(USERS_FIELD));
    expect(users.getUserByClientId(taken)).toBe(people.mexico.id);
    expect(users.getUserByClientId(peru.doc.clientID)).toBe(people.peru.id);
  });

  it('keeps what a co-editor wrote under an id before announcing it out of the page that announces that id first', async () => {
    const peru = open(people.peru.cookie, { connect: false });
    const chair = open(plan.chair.cookie);
    await waitForSync(chair.provider);

    // Mexico writes under the id first, then the page announces it, then Mexico does.
    const mexico = await raw(people.mexico.cookie);
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
    await eventually(async () =>
      expect(await saveCheck(peru.provider, Math.floor(Math.random() * 1e9))).toBe('stored'),
    );
    await eventually(() => expect(documentText(chair.doc)).toContain('firearms registry'));
    expect(documentText(chair.doc)).not.toContain('earlybird');
    expect((await authorsOfWords(police.room)).get('firearms')).toBe(people.peru.id);
  });
});
