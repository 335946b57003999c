import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sections, sectionVisits } from '../../db/schema';
import { contentAt } from '../../lib/documents/snapshots';
import { documentText } from '../../lib/documents/paragraphs';
import { lastVisits, lastVisitTo, recordSectionVisits } from '../../lib/plans/section-visits';
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
import { storedDocument, storedText } from '../helpers/stored-text';

describe('when each person last had a section open', () => {
  const t = useCollabServer();
  const db = () => t.db;
  let plan: BuiltPlan;
  const people = {} as Record<'peru' | 'mexico' | 'canada' | 'observer', BuiltMember>;
  const built = {} as Record<'prevention' | 'victims' | 'canada', BuiltSection>;

  beforeAll(async () => {
    plan = await buildPlan(db());
    for (const [who, state] of [
      ['peru', 'PER'],
      ['mexico', 'MEX'],
      ['canada', 'CAN'],
    ] as const)
      people[who] = await buildMember(db(), { plan, state });
    people.observer = await buildMember(db(), { plan, role: 'observer' });
    await buildSection(db(), { plan, lead: people.peru });
    built.prevention = await buildSection(db(), { plan, lead: people.mexico });
    built.victims = await buildSection(db(), {
      plan,
      lead: 'BRA',
      text: ['Brazil proposes integrated assistance centres for victims of violence.'],
    });
    built.canada = await buildSection(db(), { plan, lead: people.canada });
  });
  const stored = async (userId: string, sectionId: string) => {
    const [row] = await db()
      .select()
      .from(sectionVisits)
      .where(and(eq(sectionVisits.userId, userId), eq(sectionVisits.sectionId, sectionId)));
    return row?.visitedAt ?? null;
  };

  it('counts a section open now as visited now, and keeps the moment it was left', async () => {
    const mexico = { userId: people.mexico.id, planId: plan.id };
    expect(await lastVisits(db(), mexico)).toEqual({});

    const opened = Date.now();
    const page = openProvider(t.server.url, built.prevention.room, people.mexico.cookie);
    await waitForSync(page.provider);
    const whileOpen = await lastVisits(db(), mexico);
    expect(Object.keys(whileOpen)).toEqual([built.prevention.id]);
    expect(Date.parse(whileOpen[built.prevention.id]!)).toBeGreaterThanOrEqual(opened);

    const leaving = Date.now();
    page.provider.destroy();
    // Written in batches every 2 s.
    await eventually(
      async () =>
        expect((await stored(people.mexico.id, built.prevention.id))?.getTime()).toBeGreaterThanOrEqual(leaving),
      5_000,
    );
    const after = await lastVisits(db(), mexico);
    expect(Date.parse(after[built.prevention.id]!)).toBeGreaterThanOrEqual(leaving);
    expect(Date.parse(after[built.prevention.id]!)).toBeLessThanOrEqual(Date.now());
    // Someone else's visit is theirs alone.
    expect(await lastVisits(db(), { userId: people.peru.id, planId: plan.id })).toEqual({});
  });

  it('keeps the later of two moments, and the rest of a batch when one section is gone', async () => {
    const gone = await buildSection(db(), { plan, lead: people.canada, title: 'Removed soon' });
    await db().delete(sections).where(eq(sections.id, gone.id));
    const later = new Date('2026-12-01T10:00:00Z');
    const earlier = new Date('2026-12-01T09:00:00Z');
    await recordSectionVisits(db(), [{ userId: people.canada.id, sectionId: built.canada.id, at: later }]);
    await recordSectionVisits(db(), [
      { userId: people.canada.id, sectionId: built.canada.id, at: earlier },
      { userId: people.canada.id, sectionId: gone.id, at: earlier },
      { userId: people.canada.id, sectionId: built.victims.id, at: earlier },
    ]);
    expect(await lastVisits(db(), { userId: people.canada.id, planId: plan.id })).toEqual({
      [built.canada.id]: later.toISOString(),
      [built.victims.id]: earlier.toISOString(),
    });
  });

  it('keeps each section as the person left it, to show what changed since', async () => {
    const seenBy = async (who: 'canada' | 'observer', sectionId: string) =>
      (await lastVisitTo(db(), { userId: people[who].id, sectionId }))?.seen ?? null;
    const textAt = async (room: string, seen: Uint8Array) =>
      documentText(contentAt(await storedDocument(db(), room), seen));
    const room = built.canada.room;

    const canada = openProvider(t.server.url, room, people.canada.cookie);
    await waitForSync(canada.provider);
    appendParagraph(canada.doc, 'Canada wrote this before leaving.');
    await eventually(async () => expect(await storedText(db(), room)).toContain('Canada wrote this'), 5_000);
    canada.provider.destroy();
    await eventually(async () => expect(await seenBy('canada', built.canada.id)).not.toBeNull(), 5_000);

    const chair = openProvider(t.server.url, room, plan.chair.cookie);
    await waitForSync(chair.provider);
    appendParagraph(chair.doc, 'The chair added this afterwards.');
    await eventually(async () => expect(await storedText(db(), room)).toContain('The chair added'), 5_000);
    chair.provider.destroy();

    const left = await textAt(room, (await seenBy('canada', built.canada.id))!);
    expect(left).toContain('Canada wrote this before leaving.');
    expect(left).not.toContain('The chair added');
    // Arriving again says when, not what was seen: until Canada leaves, what it last saw stands.
    await recordSectionVisits(db(), [{ userId: people.canada.id, sectionId: built.canada.id, at: new Date() }]);
    expect(await textAt(room, (await seenBy('canada', built.canada.id))!)).toBe(left);

    // A section only read is never decoded on the server; what its reader saw is taken from the stored bytes.
    const victims = built.victims.room;
    const observer = openProvider(t.server.url, victims, people.observer.cookie);
    await waitForSync(observer.provider);
    const read = documentText(observer.doc);
    expect(read).not.toBe('');
    observer.provider.destroy();
    await eventually(async () => expect(await seenBy('observer', built.victims.id)).not.toBeNull(), 5_000);
    expect(await textAt(victims, (await seenBy('observer', built.victims.id))!)).toBe(read);
  });
});
