import * as decoding from 'lib0/decoding';
import { beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { buildMember, buildPlan, buildSection, type BuiltSection, type BuiltUser } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';

const AWARENESS = 1;

describe('awareness in a room', () => {
  const t = useCollabServer();
  type Who = 'lead' | 'coEditor' | 'chair' | 'observer';
  let section: BuiltSection;
  const people = {} as Record<Who, BuiltUser>;

  beforeAll(async () => {
    const plan = await buildPlan(t.db);
    const lead = await buildMember(t.db, { plan });
    const coEditor = await buildMember(t.db, { plan });
    section = await buildSection(t.db, { plan, lead, coEditors: [coEditor] });
    Object.assign(people, {
      lead,
      coEditor,
      chair: plan.chair,
      observer: await buildMember(t.db, { plan, role: 'observer' }),
    });
  });

  it('reaches every member in its last state, in far fewer messages than changes when they come fast', async () => {
    const order: Who[] = ['lead', 'coEditor', 'chair', 'observer'];
    const clients = order.map((who) => openProvider(t.server.url, section.room, people[who].cookie));
    await Promise.all(clients.map((c) => waitForSync(c.provider)));
    const reader = await openRawClient(t.server.url, section.room, people.observer.cookie);
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    let awarenessMessages = 0;
    reader.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== AWARENESS) return;
      awarenessMessages++;
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'server');
    });
    try {
      // Carets moving with every keystroke: each client changes its state every 10 ms.
      const MOVES = 40;
      for (let move = 1; move <= MOVES; move++) {
        for (const { provider } of clients) provider.awareness.setLocalStateField('cursor', { move });
        // The pace is the point: changes faster than the server sends them on.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const cursorOf = (who: Who) => {
        const { provider } = clients[order.indexOf(who)]!;
        return (seen.getStates().get(provider.awareness.clientID) as { cursor?: { move: number } } | undefined)?.cursor;
      };
      await eventually(() => {
        for (const who of order.filter((p) => p !== 'observer')) expect(cursorOf(who)?.move, who).toBe(MOVES);
      });
      // An observer is counted, never drawn: its state reaches the room without a caret.
      expect(seen.getStates().has(clients[order.indexOf('observer')]!.provider.awareness.clientID)).toBe(true);
      expect(cursorOf('observer')).toBeUndefined();
      expect(awarenessMessages, `${MOVES * clients.length} changes`).toBeLessThanOrEqual(20);

      // A renewal (the same state again, which y-protocols sends every 15 s so that others do not time it
      // out after 30 s) is not urgent, but must still reach everyone.
      const { awareness } = clients[0]!.provider;
      const clock = () => seen.meta.get(awareness.clientID)?.clock ?? 0;
      const before = clock();
      awareness.setLocalState(awareness.getLocalState());
      await eventually(() => expect(clock()).toBeGreaterThan(before), 10_000);
    } finally {
      reader.close();
      for (const { provider } of clients) provider.destroy();
    }
  });
});
