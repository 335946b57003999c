import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sections, sectionVisits } from '../../db/schema';
import { contentAt } from '../../lib/documents/history';
import { documentText } from '../../lib/documents/paragraphs';
import { lastVisits, lastVisitTo, recordSectionVisits } from '../../lib/plans/section-visits';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { storedDocument, storedText } from '../helpers/stored-text';

describe('when each person last had a section open', () => {
  const t = useCollabServer();
  const db = () => t.server.database.db;
  const stored = async (userId: string, sectionId: string) => {
    const [row] = await db()
      .select()
      .from(sectionVisits)
      .where(and(eq(sectionVisits.userId, userId), eq(sectionVisits.sectionId, sectionId)));
    return row?.visitedAt ?? null;
  };

  it('counts a section open now as visited now, and keeps the moment it was left', async () => {
    const mexico = { userId: t.plan.ids.mexico, planId: t.plan.planId };
    expect(await lastVisits(db(), mexico)).toEqual({});

    const opened = Date.now();
    const page = openProvider(t.server.url, t.plan.prevention.room, t.plan.cookies.mexico);
    await waitForSync(page.provider);
    const whileOpen = await lastVisits(db(), mexico);
    expect(Object.keys(whileOpen)).toEqual([t.plan.prevention.id]);
    expect(Date.parse(whileOpen[t.plan.prevention.id]!)).toBeGreaterThanOrEqual(opened);

    const leaving = Date.now();
    page.provider.destroy();
    // Written in batches every 2 s.
    await eventually(async () => expect((await stored(t.plan.ids.mexico, t.plan.prevention.id))?.getTime()).toBeGreaterThanOrEqual(leaving), 5_000);
    const after = await lastVisits(db(), mexico);
    expect(Date.parse(after[t.plan.prevention.id]!)).toBeGreaterThanOrEqual(leaving);
    expect(Date.parse(after[t.plan.prevention.id]!)).toBeLessThanOrEqual(Date.now());
    // Someone else's visit is theirs alone.
    expect(await lastVisits(db(), { userId: t.plan.ids.peru, planId: t.plan.planId })).toEqual({});
  });

  it('keeps the later of two moments, and the rest of a batch when one section is gone', async () => {
    const [gone] = await db().insert(sections).values({ planId: t.plan.planId, title: 'Removed soon', position: 99, leadState: 'CAN' }).returning();
    await db().delete(sections).where(eq(sections.id, gone!.id));
    const later = new Date('2026-12-01T10:00:00Z');
    const earlier = new Date('2026-12-01T09:00:00Z');
    await recordSectionVisits(db(), [{ userId: t.plan.ids.canada, sectionId: t.plan.canada.id, at: later }]);
    await recordSectionVisits(db(), [
      { userId: t.plan.ids.canada, sectionId: t.plan.canada.id, at: earlier },
      { userId: t.plan.ids.canada, sectionId: gone!.id, at: earlier },
      { userId: t.plan.ids.canada, sectionId: t.plan.victims.id, at: earlier },
    ]);
    expect(await lastVisits(db(), { userId: t.plan.ids.canada, planId: t.plan.planId })).toEqual({
      [t.plan.canada.id]: later.toISOString(),
      [t.plan.victims.id]: earlier.toISOString(),
    });
  });

  it('keeps each section as the person left it, to show what changed since', async () => {
    const seenBy = async (who: 'canada' | 'observer', sectionId: string) => (await lastVisitTo(db(), { userId: t.plan.ids[who], sectionId }))?.seen ?? null;
    const textAt = async (room: string, seen: Uint8Array) => documentText(contentAt(await storedDocument(db(), room), seen));
    const room = t.plan.canada.room;

    const canada = openProvider(t.server.url, room, t.plan.cookies.canada);
    await waitForSync(canada.provider);
    appendParagraph(canada.doc, 'Canada wrote this before leaving.');
    await eventually(async () => expect(await storedText(db(), room)).toContain('Canada wrote this'), 5_000);
    canada.provider.destroy();
    await eventually(async () => expect(await seenBy('canada', t.plan.canada.id)).not.toBeNull(), 5_000);

    const chair = openProvider(t.server.url, room, t.plan.cookies.chair);
    await waitForSync(chair.provider);
    appendParagraph(chair.doc, 'The chair added this afterwards.');
    await eventually(async () => expect(await storedText(db(), room)).toContain('The chair added'), 5_000);
    chair.provider.destroy();

    const left = await textAt(room, (await seenBy('canada', t.plan.canada.id))!);
    expect(left).toContain('Canada wrote this before leaving.');
    expect(left).not.toContain('The chair added');
    // Arriving again says when, not what was seen: until Canada leaves, what it last saw stands.
    await recordSectionVisits(db(), [{ userId: t.plan.ids.canada, sectionId: t.plan.canada.id, at: new Date() }]);
    expect(await textAt(room, (await seenBy('canada', t.plan.canada.id))!)).toBe(left);

    // A section only read is never decoded on the server; what its reader saw is taken from the stored bytes.
    const victims = t.plan.victims.room;
    const observer = openProvider(t.server.url, victims, t.plan.cookies.observer);
    await waitForSync(observer.provider);
    const read = documentText(observer.doc);
    expect(read).not.toBe('');
    observer.provider.destroy();
    await eventually(async () => expect(await seenBy('observer', t.plan.victims.id)).not.toBeNull(), 5_000);
    expect(await textAt(victims, (await seenBy('observer', t.plan.victims.id))!)).toBe(read);
  });
});
