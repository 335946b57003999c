import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sections, sectionVisits } from '../../db/schema';
import { lastVisits, recordSectionVisits } from '../../lib/plans/section-visits';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';

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
});
