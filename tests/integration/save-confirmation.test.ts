import { eq } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  UnsavedEdits,
  type Draft,
  type DraftStorage,
  type SaveState,
} from '../../app/_components/saving/unsaved-edits';
import { sections } from '../../db/schema';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { encodeSaveCheckMessage, readSavedMessage, SAVED_MESSAGE } from '../../lib/shared/app-messages';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { announce, openRawClient } from '../helpers/raw-client';
import { storedDocument, storedText } from '../helpers/stored-text';
import { USERS_FIELD } from '../../lib/documents/attribution-record';

/** The browser keeps drafts in IndexedDB (draft-storage.ts, exercised by the e2e test); here, in memory. */
function memoryDrafts(): DraftStorage & { drafts: Map<string, Draft> } {
  const drafts = new Map<string, Draft>();
  return {
    drafts,
    save: async (key, draft) => void drafts.set(key, draft),
    remove: async (key) => void drafts.delete(key),
    list: async (prefix) => [...drafts].filter(([key]) => key.startsWith(prefix)),
  };
}

/** The server's answers to save checks on a raw socket. */
function savedAnswers(received: Uint8Array[]) {
  return received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === SAVED_MESSAGE ? [readSavedMessage(decoder)] : [];
  });
}

describe('confirming that what an editor typed is stored', () => {
  // A durability window long enough that a confirmation sent before the write would be caught.
  const t = useCollabServer({ COLLAB_FLUSH_MS: '400' });
  const db = () => t.db;
  let mexico: BuiltMember, observer: BuiltMember;
  let prevention: BuiltSection;
  beforeAll(async () => {
    const plan = await buildPlan(db());
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    observer = await buildMember(db(), { plan, role: 'observer' });
    prevention = await buildSection(db(), {
      plan,
      lead: mexico,
      text: ['Mexico proposes municipal prevention programmes.'],
    });
  });
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });

  const openPage = async (storage: DraftStorage, scope: string) => {
    const { provider, doc } = openProvider(t.server.url, prevention.room, mexico.cookie);
    await waitForSync(provider);
    const edits = new UnsavedEdits(doc, provider, storage, scope);
    cleanup.push(() => {
      edits.destroy();
      provider.destroy();
    });
    return { provider, doc, edits };
  };

  it('says saved only once the words are in the database, and then forgets its local copy', async () => {
    const storage = memoryDrafts();
    const page = await openPage(storage, 'mexico:prevention');
    const textWhenSaved = new Promise<string>((resolve) => {
      page.edits.subscribe((state) => {
        if (state === 'saved') void storedText(db(), prevention.room).then(resolve);
      });
    });
    appendParagraph(page.doc, 'Mexico proposes a regional firearms registry.');
    expect(page.edits.state).toBe('saving');
    await eventually(() => expect([...storage.drafts.keys()]).toEqual([`mexico:prevention:${page.doc.clientID}`]));

    expect(await textWhenSaved).toContain('Mexico proposes a regional firearms registry.');
    await eventually(() => expect(storage.drafts.size).toBe(0));
  });

  it('keeps what is typed offline, and the next page of that user on that document sends it', async () => {
    const storage = memoryDrafts();
    const elsewhere: Draft = { clientId: 1234, update: Y.encodeStateAsUpdate(new Y.Doc()), savedAt: Date.now() };
    await storage.save('peru:prevention:1234', elsewhere);
    await storage.save('mexico:victims:1234', elsewhere);

    const first = await openPage(storage, 'mexico:prevention');
    const states: SaveState[] = [];
    first.edits.subscribe((state) => states.push(state));
    first.provider.disconnect();
    appendParagraph(first.doc, 'Typed on a train, never sent.');
    await eventually(() => expect(states.at(-1)).toBe('kept'));
    // The page is closed before the connection comes back: its words never reached the server.
    cleanup.splice(0).forEach((close) => close());
    expect(await storedText(db(), prevention.room)).not.toContain('Typed on a train');

    const next = await openPage(storage, 'mexico:prevention');
    expect(await next.edits.restore()).toBe(1);
    expect(next.doc.getXmlFragment(EDITOR_FIELD).toString()).toContain('Typed on a train, never sent.');
    await eventually(() => expect(next.edits.state).toBe('saved'));
    expect(await storedText(db(), prevention.room)).toContain('Typed on a train, never sent.');
    // Filed under the user whose page sent it, as anything else they type.
    const stored = await storedDocument(db(), prevention.room);
    expect(new Y.PermanentUserData(stored, stored.getMap(USERS_FIELD)).getUserByClientId(first.doc.clientID)).toBe(
      mexico.id,
    );
    expect([...storage.drafts.keys()].sort()).toEqual(['mexico:victims:1234', 'peru:prevention:1234']);
  });

  it('says kept only once the latest keystrokes are written to this computer', async () => {
    // Writes to this computer finish only when the test lets them, as a slow IndexedDB would.
    const storage = memoryDrafts();
    const gates: Array<() => void> = [];
    const slow: DraftStorage = {
      ...storage,
      save: (key, draft) => new Promise((resolve) => gates.push(() => void storage.save(key, draft).then(resolve))),
    };
    const page = await openPage(slow, 'mexico:prevention');
    page.provider.disconnect();
    appendParagraph(page.doc, 'First words offline.');
    expect(page.edits.state).toBe('keeping');
    await eventually(() => expect(gates).toHaveLength(1));
    gates.shift()!();
    await eventually(() => expect(page.edits.state).toBe('kept'));

    appendParagraph(page.doc, 'The last keystrokes before closing the page.');
    expect(page.edits.state).toBe('keeping');
    expect(page.edits.leavingLoses()).toBe(true);
    let flushed = false;
    const flushing = page.edits.flush().then(() => (flushed = true));
    await eventually(() => expect(gates).toHaveLength(1));
    expect(flushed).toBe(false);
    gates.shift()!();
    await flushing;
    expect(page.edits.state).toBe('kept');
    // The kept draft, on top of what the server stores, holds the last keystrokes.
    const restored = await storedDocument(db(), prevention.room);
    Y.applyUpdate(restored, storage.drafts.get(`mexico:prevention:${page.doc.clientID}`)!.update);
    expect(restored.getXmlFragment(EDITOR_FIELD).toString()).toContain('The last keystrokes before closing the page.');
  });

  it('says refused while the server no longer takes what waits, keeps it, and sends it once writing is allowed again', async () => {
    const storage = memoryDrafts();
    const page = await openPage(storage, 'mexico:prevention');
    const frozen = (value: boolean) =>
      db().update(sections).set({ frozen: value }).where(eq(sections.id, prevention.id));
    cleanup.push(() => void frozen(false));
    page.provider.disconnect();
    appendParagraph(page.doc, 'Typed offline while the chair froze the section.');
    await frozen(true);
    page.provider.connect();
    await eventually(() => expect(page.edits.state).toBe('refused'));
    expect([...storage.drafts.keys()]).toEqual([`mexico:prevention:${page.doc.clientID}`]);
    expect(await storedText(db(), prevention.room)).not.toContain('Typed offline while the chair froze');

    await frozen(false);
    page.provider.disconnect();
    page.provider.connect();
    await eventually(() => expect(page.edits.state).toBe('saved'));
    expect(await storedText(db(), prevention.room)).toContain('Typed offline while the chair froze the section.');
  });

  it('answers held while content waits for its client to be announced, and stored once it is', async () => {
    const client = await openRawClient(t.server.url, prevention.room, mexico.cookie);
    cleanup.push(() => client.close());
    const doc = new Y.Doc();
    appendParagraph(doc, 'Sent before its client id was announced.');
    client.sendRawUpdate(Y.encodeStateAsUpdate(doc));
    client.sendFrame(encodeSaveCheckMessage(1));
    await eventually(() => expect(savedAnswers(client.received)).toEqual([{ id: 1, outcome: 'held' }]));

    client.sendFrame(announce(doc));
    client.sendFrame(encodeSaveCheckMessage(2));
    await eventually(() => expect(savedAnswers(client.received).at(-1)).toEqual({ id: 2, outcome: 'stored' }));
    expect(await storedText(db(), prevention.room)).toContain('Sent before its client id was announced.');
  });

  it('tells a reader that nothing it sends is kept', async () => {
    const client = await openRawClient(t.server.url, prevention.room, observer.cookie);
    cleanup.push(() => client.close());
    client.sendFrame(encodeSaveCheckMessage(7));
    await eventually(() => expect(savedAnswers(client.received)).toEqual([{ id: 7, outcome: 'read-only' }]));
  });
});

describe('a document too full to take what was typed', () => {
  const t = useCollabServer({ COLLAB_MAX_DOCUMENT_BYTES: '4000' });
  let brazil: BuiltMember;
  let victims: BuiltSection;
  beforeAll(async () => {
    const plan = await buildPlan(t.db);
    brazil = await buildMember(t.db, { plan, state: 'BRA' });
    victims = await buildSection(t.db, {
      plan,
      lead: brazil,
      text: ['Brazil proposes assistance centres for victims.'],
    });
  });
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });

  it('answers dropped, never stored, once the server refused part of what the connection sent', async () => {
    const client = await openRawClient(t.server.url, victims.room, brazil.cookie);
    cleanup.push(() => client.close());
    client.sendUpdate('x'.repeat(5_000));
    client.sendFrame(encodeSaveCheckMessage(1));
    await eventually(() => expect(savedAnswers(client.received)).toEqual([{ id: 1, outcome: 'dropped' }]));
    // Later words that fit are stored, but what this connection sent is still not all kept.
    client.sendUpdate('a short line that still fits');
    client.sendFrame(encodeSaveCheckMessage(2));
    await eventually(() => expect(savedAnswers(client.received).at(-1)).toEqual({ id: 2, outcome: 'dropped' }));
    await t.server.collab.flush();
    expect(await storedText(t.db, victims.room)).toContain('a short line that still fits');
  });

  it('keeps the refused words on this computer and says they are not saved', async () => {
    const storage = memoryDrafts();
    const { provider, doc } = openProvider(t.server.url, victims.room, brazil.cookie);
    await waitForSync(provider);
    const edits = new UnsavedEdits(doc, provider, storage, 'brazil:victims');
    cleanup.push(() => {
      edits.destroy();
      provider.destroy();
    });
    appendParagraph(doc, `Brazil annexes its whole national programme: ${'y'.repeat(5_000)}`);
    await eventually(() => expect(edits.state).toBe('dropped'));
    expect([...storage.drafts.keys()]).toEqual([`brazil:victims:${doc.clientID}`]);
    expect(await storedText(t.db, victims.room)).not.toContain('Brazil annexes');
  });
});
