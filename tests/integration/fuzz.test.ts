import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentText } from '../../lib/documents/paragraphs';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { storedText } from '../helpers/stored-text';

const CONNECTIONS = 200;
const FRAMES_PER_CONNECTION = 500;

/** A deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Malformed y-websocket frames of the kinds a broken or hostile client sends. */
function malformedFrame(random: () => number): Uint8Array {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  switch (Math.floor(random() * 6)) {
    case 0:
      return bytes(1 + Math.floor(random() * 64)); // random bytes
    case 1:
      return new Uint8Array([0, 2, 0xff, 0xff, 0xff]); // truncated varint
    case 2:
      return new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]); // declares a 4 GiB payload
    case 3:
      return new Uint8Array([7 + Math.floor(random() * 90), ...bytes(8)]); // unknown message type
    case 4: {
      const garbage = bytes(4 + Math.floor(random() * 40));
      return new Uint8Array([0, 2, garbage.length, ...garbage]); // valid header, garbage update
    }
    default: {
      const garbage = bytes(3 + Math.floor(random() * 20));
      return new Uint8Array([1, garbage.length, ...garbage]); // awareness header, garbage state
    }
  }
}

describe('fuzzing the collaboration socket', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember;
  let police: BuiltSection, prevention: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(t.db);
    peru = await buildMember(t.db, { plan, state: 'PER' });
    mexico = await buildMember(t.db, { plan, state: 'MEX' });
    police = await buildSection(t.db, {
      plan,
      lead: peru,
      text: ['Peru proposes a regional curriculum for police training.'],
    });
    prevention = await buildSection(t.db, { plan, lead: mexico });
  });

  it(
    `survives ${CONNECTIONS * FRAMES_PER_CONNECTION} malformed frames: other rooms unaffected, stored text unchanged`,
    { timeout: 180_000 },
    async () => {
      const before = await storedText(t.db, police.room);
      const a = openProvider(t.server.url, prevention.room, mexico.cookie);
      const b = openProvider(t.server.url, prevention.room, plan.chair.cookie);
      await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);

      const random = prng(20261126);
      const codes = new Map<number, number>();
      let sent = 0;
      for (let wave = 0; wave < CONNECTIONS / 20; wave++) {
        const clients = await Promise.all(
          Array.from({ length: 20 }, () => openRawClient(t.server.url, police.room, peru.cookie)),
        );
        for (const client of clients) {
          for (let i = 0; i < FRAMES_PER_CONNECTION; i++) {
            client.sendFrame(malformedFrame(random));
            sent++;
          }
        }
        for (const code of await Promise.all(clients.map((c) => c.closed))) codes.set(code, (codes.get(code) ?? 0) + 1);
        // The bystanders keep editing in their room throughout.
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`still here ${wave}`)]);
        a.doc.getXmlFragment(EDITOR_FIELD).push([p]);
      }

      expect(sent).toBeGreaterThanOrEqual(100_000);
      expect([...codes.keys()].every((code) => code >= 1000)).toBe(true);
      expect([...codes.values()].reduce((x, y) => x + y, 0)).toBe(CONNECTIONS);
      await eventually(() => expect(documentText(b.doc)).toContain(`still here ${CONNECTIONS / 20 - 1}`));
      await t.server.collab.flush();
      expect(await storedText(t.db, police.room)).toBe(before);
      expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
      console.log(
        `fuzz: ${sent} malformed frames over ${CONNECTIONS} connections; close codes ${JSON.stringify(Object.fromEntries(codes))}`,
      );
      a.provider.destroy();
      b.provider.destroy();
    },
  );
});
