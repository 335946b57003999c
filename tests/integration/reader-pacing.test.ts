import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { documentText } from '../../lib/documents/paragraphs';
import { updateSection } from '../../lib/plans/update-section';
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
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { missingTokens } from '../helpers/typing';

/** Readers in the room; at 1 ms per reader their updates are gathered every 40 ms or so (server/collab/broadcast/reader-pacing.ts). */
const CROWD = 40;

/** Update frames (y-protocols sync, update) among what a raw client received. */
const updateFrames = (frames: Uint8Array[]) => frames.filter((f) => f[0] === 0 && f[1] === 2).length;

/** Types `count` tokens into a paragraph of its own, a keystroke every millisecond or two. */
async function typeFast(doc: Y.Doc, count: number, midway?: () => Promise<void>): Promise<string[]> {
  const text = appendParagraph(doc);
  const typed: string[] = [];
  for (let n = 0; n < count; n++) {
    typed.push(`t${n}`);
    text.insert(text.length, ` t${n}`);
    if (n === count >> 1) await midway?.();
    // The pace is the point: keystrokes faster than readers are sent them.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return typed;
}

describe('updates for a crowd of readers', () => {
  const t = useCollabServer({ COLLAB_READER_MS_PER_READER: '1' });
  let plan: BuiltPlan;
  let mexico: BuiltMember, observer: BuiltMember;
  let police: BuiltSection, prevention: BuiltSection;
  beforeAll(async () => {
    plan = await buildPlan(t.db);
    mexico = await buildMember(t.db, { plan, state: 'MEX' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    police = await buildSection(t.db, { plan, coEditors: [mexico] });
    prevention = await buildSection(t.db, { plan, lead: mexico });
  });
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });

  const crowd = async (room: string) => {
    const readers = await Promise.all(
      Array.from({ length: CROWD }, () => openRawClient(t.server.url, room, observer.cookie)),
    );
    cleanup.push(() => readers.forEach((r) => r.close()));
    return readers;
  };
  const provider = async (room: string, cookie: string) => {
    const opened = openProvider(t.server.url, room, cookie);
    cleanup.push(() => opened.provider.destroy());
    await waitForSync(opened.provider);
    return opened;
  };

  it(
    'sends readers every update, gathered into fewer frames than writers get one by one',
    { timeout: 30_000 },
    async () => {
      const room = prevention.room;
      const readers = await crowd(room);
      const peer = await openRawClient(t.server.url, room, plan.chair.cookie);
      cleanup.push(() => peer.close());
      const reader = await provider(room, observer.cookie);
      const writer = await provider(room, mexico.cookie);

      const typed = await typeFast(writer.doc, 200);
      await eventually(() => expect(missingTokens(documentText(reader.doc), typed)).toEqual([]));
      await eventually(() => expect(updateFrames(peer.received)).toBeGreaterThan(0));
      const frames = readers.map((r) => updateFrames(r.received)).sort((a, b) => a - b);
      const median = frames[frames.length >> 1]!;
      expect(median).toBeGreaterThan(0);
      expect(median).toBeLessThan(updateFrames(peer.received) * 0.6);
    },
  );

  it('sends a reader allowed to write what readers were still waiting for', { timeout: 30_000 }, async () => {
    const { db } = t;
    const section = police;
    await updateSection(db, { actorId: plan.chair.id, sectionId: section.id, input: { frozen: true } });
    cleanup.push(
      () => void updateSection(db, { actorId: plan.chair.id, sectionId: section.id, input: { frozen: false } }),
    );
    await crowd(section.room);
    const coEditor = await provider(section.room, mexico.cookie);
    const chair = await provider(section.room, plan.chair.cookie);

    // Midway the chair unfreezes the section: Mexico's connection turns from reader to writer.
    const typed = await typeFast(chair.doc, 200, () =>
      updateSection(db, { actorId: plan.chair.id, sectionId: section.id, input: { frozen: false } }),
    );
    await eventually(() => expect(missingTokens(documentText(coEditor.doc), typed)).toEqual([]));
  });
});
