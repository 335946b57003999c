import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import type { Who } from '../helpers/fixtures';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';

const AWARENESS = 1;

describe('awareness in a room', () => {
  const t = useCollabServer();

  it('reaches every member in its last state, in far fewer messages than changes when they come fast', async () => {
    const people: Who[] = ['peru', 'mexico', 'chair', 'observer'];
    const clients = people.map((who) => openProvider(t.server.url, t.plan.police.room, t.plan.cookies[who]));
    await Promise.all(clients.map((c) => waitForSync(c.provider)));
    const reader = await openRawClient(t.server.url, t.plan.police.room, t.plan.cookies.observer);
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
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const cursorOf = (who: Who) => {
        const { provider } = clients[people.indexOf(who)]!;
        return (seen.getStates().get(provider.awareness.clientID) as { cursor?: { move: number } } | undefined)?.cursor;
      };
      await eventually(() => {
        for (const who of people.filter((p) => p !== 'observer')) expect(cursorOf(who)?.move, who).toBe(MOVES);
      });
      // An observer is counted, never drawn: its state reaches the room without a caret.
      expect(seen.getStates().has(clients[people.indexOf('observer')]!.provider.awareness.clientID)).toBe(true);
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
