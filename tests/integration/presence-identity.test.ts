import * as encoding from 'lib0/encoding';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { updateSection } from '../../lib/plans/update-section';
import { stateColor } from '../../lib/shared/state-colors';
import { buildMember, buildPlan, buildSection, type BuiltPlan, type BuiltSection, type BuiltUser } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';

type Shown = { user?: Record<string, unknown>; cursor?: unknown };

/** An awareness message setting `state` for `clientId` at `clock`, as any client may send it (y-protocols layout). */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const FORGED = { name: 'Coordinator of Peru', state: 'Peru', color: '#ff0000', role: 'chair', userId: 'someone-else' };

describe('presence shows who is really connected', () => {
  const t = useCollabServer();
  type Who = 'chair' | 'peru' | 'mexico' | 'observer';
  let plan: BuiltPlan;
  /** Peru leads the section, Mexico co-edits it. */
  const people = {} as Record<Who, BuiltUser>;
  let police: BuiltSection;
  beforeAll(async () => {
    plan = await buildPlan(t.db);
    const peru = await buildMember(t.db, { plan, state: 'PER' });
    const mexico = await buildMember(t.db, { plan, state: 'MEX' });
    police = await buildSection(t.db, { plan, lead: peru, coEditors: [mexico] });
    Object.assign(people, {
      chair: plan.chair,
      peru,
      mexico,
      observer: await buildMember(t.db, { plan, role: 'observer' }),
    });
  });
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });
  const open = async (who: Who) => {
    const client = openProvider(t.server.url, police.room, people[who].cookie);
    cleanup.push(() => client.provider.destroy());
    await waitForSync(client.provider);
    return client;
  };
  const shownTo = (viewer: WebsocketProvider, clientId: number) =>
    viewer.awareness.getStates().get(clientId) as Shown | undefined;

  it('stamps every state with the name, state, colour and role of the session that sent it', async () => {
    const chair = await open('chair');
    const mexico = await open('mexico');
    const observer = await open('observer');
    mexico.provider.awareness.setLocalState({ user: FORGED, cursor: { anchor: 1, head: 1 } });
    observer.provider.awareness.setLocalState({ user: FORGED });

    await eventually(() => {
      expect(shownTo(chair.provider, mexico.doc.clientID)).toEqual({
        user: {
          userId: people.mexico.id,
          name: people.mexico.name,
          state: 'Mexico',
          color: stateColor('MEX'),
          role: 'coordinator',
        },
        cursor: { anchor: 1, head: 1 },
      });
      expect(shownTo(chair.provider, observer.doc.clientID)).toEqual({
        user: {
          userId: people.observer.id,
          name: people.observer.name,
          state: null,
          color: stateColor(null),
          role: 'observer',
        },
      });
    });
  });

  it("leaves out states a socket sends for another client's id", async () => {
    const chair = await open('chair');
    const peru = await open('peru');
    peru.provider.awareness.setLocalState({ user: { name: 'Coordinator of Peru' }, cursor: { anchor: 3, head: 3 } });
    await eventually(() => expect(shownTo(chair.provider, peru.doc.clientID)?.cursor).toEqual({ anchor: 3, head: 3 }));

    // Mexico, having seen Peru's client id, sends a newer state for it, then its removal.
    const mexico = await openRawClient(t.server.url, police.room, people.mexico.cookie);
    cleanup.push(() => mexico.close());
    const clock = (peru.provider.awareness.meta.get(peru.doc.clientID)?.clock ?? 0) + 100;
    mexico.sendFrame(awarenessFrame(peru.doc.clientID, clock, { user: FORGED, cursor: { anchor: 9, head: 9 } }));
    mexico.sendFrame(awarenessFrame(peru.doc.clientID, clock + 1, null));
    // Then a state for its own id, which arrives after the forged ones (one socket's messages keep their order).
    mexico.sendFrame(awarenessFrame(424_242, 1, { user: FORGED }));
    await eventually(() => expect(shownTo(chair.provider, 424_242)).toBeDefined());

    expect(shownTo(chair.provider, peru.doc.clientID)).toEqual({
      user: expect.objectContaining({ userId: people.peru.id, name: people.peru.name, state: 'Peru' }),
      cursor: { anchor: 3, head: 3 },
    });
  });

  it("never relays an observer's caret, nor a writer's once it may only read", async () => {
    const chair = await open('chair');
    const observer = await open('observer');
    const mexico = await open('mexico');
    observer.provider.awareness.setLocalState({ user: FORGED, cursor: { anchor: 5, head: 7 } });
    const raw = await openRawClient(t.server.url, police.room, people.observer.cookie);
    cleanup.push(() => raw.close());
    raw.sendFrame(
      awarenessFrame(515_151, 1, {
        user: { name: 'Observer' },
        cursor: { anchor: 2, head: 2 },
        selection: { from: 1, to: 4 },
      }),
    );
    mexico.provider.awareness.setLocalState({
      user: { name: 'Coordinator of Mexico' },
      cursor: { anchor: 4, head: 4 },
    });

    await eventually(() => {
      expect(shownTo(chair.provider, observer.doc.clientID)).toEqual({
        user: expect.objectContaining({ role: 'observer' }),
      });
      expect(shownTo(chair.provider, 515_151)).toEqual({ user: expect.objectContaining({ role: 'observer' }) });
      expect(shownTo(chair.provider, mexico.doc.clientID)?.cursor).toEqual({ anchor: 4, head: 4 });
    });

    // The chair takes Mexico off the section: its socket only reads from then on, and its caret goes.
    const db = t.db;
    const coEditing = (states: string[]) =>
      updateSection(db, { actorId: plan.chair.id, sectionId: police.id, input: { coEditingStates: states } });
    await coEditing([]);
    try {
      await eventually(() =>
        expect(shownTo(chair.provider, mexico.doc.clientID)).toEqual({
          user: expect.objectContaining({ userId: people.mexico.id }),
        }),
      );
      // A later state from the reader arrives (its clock reaches the chair) as who it is, with no caret either.
      mexico.provider.awareness.setLocalStateField('cursor', { anchor: 6, head: 6 });
      const sent = mexico.provider.awareness.meta.get(mexico.doc.clientID)!.clock;
      await eventually(() => expect(chair.provider.awareness.meta.get(mexico.doc.clientID)?.clock).toBe(sent));
      expect(shownTo(chair.provider, mexico.doc.clientID)).toEqual({
        user: expect.objectContaining({ userId: people.mexico.id }),
      });
    } finally {
      await coEditing(['MEX']);
    }
  });
});
