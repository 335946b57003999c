import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { USERS_FIELD } from '../../lib/documents/attribution-record';
import { Attribution, AttributionError } from '../../server/collab/rooms/attribution';

/** The server's document after a crash: it holds Peru's first words, not the ones Peru typed after. */
function afterCrash({ peruAnnounced }: { peruAnnounced: boolean }) {
  const server = new Y.Doc({ gc: false });
  const peru = new Y.Doc({ gc: false });
  const chile = new Y.Doc({ gc: false });
  peru.clientID = 101;
  chile.clientID = 202;
  const attribution = new Attribution(
    server,
    'attribution',
    (client) => client === 202 || (peruAnnounced && client === 101),
  );
  const text = peru.getText('t');
  text.insert(0, 'Peru proposes');
  const first = Y.encodeStateAsUpdate(peru);
  Y.applyUpdate(server, first);
  Y.applyUpdate(chile, first);
  // Lost with the server: what Peru typed next, which Chile had already received and typed after.
  text.insert(text.length, ' a regional fund');
  Y.applyUpdate(chile, Y.encodeStateAsUpdate(peru, Y.encodeStateVector(server)));
  const before = Y.encodeStateVector(chile);
  chile.getText('t').insert(chile.getText('t').length, ' for water');
  const chilesOwn = Y.diffUpdate(Y.encodeStateAsUpdate(chile, before), Y.encodeStateVector(server));
  return { server, attribution, chilesOwn };
}

describe('an update hanging on words the server lost', () => {
  it("goes in when the lost words are a writer's, to wait in Yjs for their author", () => {
    const { server, attribution, chilesOwn } = afterCrash({ peruAnnounced: true });
    const claims = attribution.check(chilesOwn, 'chile', { has: (c) => c === 202 });
    expect(claims).toEqual([202]);
    Y.applyUpdate(server, chilesOwn);
    expect(server.getText('t').toString()).toBe('Peru proposes');
    expect(server.store.pendingStructs).not.toBeNull();
  });

  it('waits whole when nobody has announced the client the lost words were written under', () => {
    const { attribution, chilesOwn } = afterCrash({ peruAnnounced: false });
    expect(() => attribution.check(chilesOwn, 'chile', { has: (c) => c === 202 })).toThrow(
      expect.objectContaining({ retryable: true }),
    );
  });

  it("never lets a writer hang an entry on the server's own next write to the attribution record", () => {
    const server = new Y.Doc({ gc: false });
    const attribution = new Attribution(server, 'attribution', () => true);
    // What the server will write next to the record, under its own client id, which a writer can foresee.
    const foreseen = new Y.Doc({ gc: false });
    foreseen.clientID = server.clientID;
    foreseen.getMap(USERS_FIELD).set('chile', 'placeholder');
    const attacker = new Y.Doc({ gc: false });
    attacker.clientID = 202;
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(foreseen));
    const before = Y.encodeStateVector(attacker);
    attacker.getMap(USERS_FIELD).set('chile', 'forged');
    const forged = Y.encodeStateAsUpdate(attacker, before);
    expect(() => attribution.check(forged, 'chile', { has: (c) => c === 202 })).toThrow(AttributionError);
  });
});
