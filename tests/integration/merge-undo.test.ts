import { and, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, overlaps, versions } from '../../db/schema';
import { anchorOf } from '../../lib/consolidation/anchors';
import { listPlanOverlaps, type OverlapView } from '../../lib/consolidation/list-overlaps';
import { reopenOverlap } from '../../lib/consolidation/reopen-overlap';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { attributedRuns } from '../../lib/documents/change-runs';
import { documentHost } from '../../lib/documents/live-documents';
import { textBlocks } from '../../lib/documents/paragraphs';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';

const DATA =
  'Victims’ personal data are processed only under national data-protection law, with independent oversight.';
const PERU_PROPOSAL =
  'Establish a regional network of specialized prosecutors for crimes against women, with shared training and common protocols.';
const REPORT = 'Each state reports every year to the working group on the cases its prosecutors brought.';
const BRAZIL_PROPOSAL =
  'Create a regional network of prosecutors specialised in crimes against women, sharing training and common protocols.';

describe('a merge that replaces only the overlapping sentences', () => {
  const t = useCollabServer();
  const db = () => t.db;
  let plan: BuiltPlan;
  let peru: BuiltMember, brazil: BuiltMember;
  let peruSection: BuiltSection, brazilSection: BuiltSection;
  let found: OverlapView;
  type Snapshot = { texts: string[]; runs: Array<{ text: string; userId: string | null }>; deltas: unknown[] };
  let before: Record<'peru' | 'brazil', Snapshot>;

  // A document as a reader and History see it: the text, who wrote each run, and the paragraphs' marks.
  const snapshot = (room: string): Promise<Snapshot> =>
    documentHost().read(room, (doc, users) => {
      const runs: Snapshot['runs'] = [];
      for (const run of attributedRuns(doc, users)) {
        const last = runs.at(-1);
        if (last && last.userId === run.userId) last.text += run.text;
        else runs.push({ text: run.text, userId: run.userId });
      }
      const blocks = textBlocks(doc);
      return {
        texts: blocks.map((b) => b.text),
        runs,
        deltas: blocks.map((b) => [b.element.getAttributes(), (b.element.get(0) as Y.XmlText).toDelta()]),
      };
    });
  const both = async () => ({ peru: await snapshot(peruSection.room), brazil: await snapshot(brazilSection.room) });

  const texts = (room: string) => documentHost().read(room, (doc) => textBlocks(doc).map((b) => b.text));

  beforeAll(async () => {
    plan = await buildPlan(db());
    peru = await buildMember(db(), { plan, state: 'PER' });
    brazil = await buildMember(db(), { plan, state: 'BRA' });
    peruSection = await buildSection(db(), {
      plan,
      lead: peru,
      text: [
        'Peru proposes measures on access to justice.',
        `${DATA} ${PERU_PROPOSAL.replace('specialized', 'specialised')} ${REPORT}`,
      ],
    });
    brazilSection = await buildSection(db(), {
      plan,
      lead: brazil,
      text: ['Brazil proposes integrated assistance centres for victims of violence.', BRAZIL_PROPOSAL],
    });
    const listed = (await listPlanOverlaps(db(), { userId: plan.chair.id, planId: plan.id })).overlaps;
    found = listed.find((o) => o.status === 'open' && (o.a.text + o.b.text).includes('regional network'))!;
    expect(found).toBeDefined();
    // Brazil's coordinator rewords a word of Peru's sentence: the merge and its undo must keep two authors apart.
    await documentHost().change(peruSection.room, brazil.id, (copy) => {
      const block = textBlocks(copy).find((b) => b.text.includes('specialised prosecutors'))!;
      const text = block.element.get(0) as Y.XmlText;
      const at = block.text.indexOf('specialised');
      text.delete(at, 'specialised'.length);
      text.insert(at, 'specialized', { bold: true });
    });
    before = await both();
  });

  it('keeps the paragraph’s other two sentences, and stores and returns the removed wording', async () => {
    const keep = found.a.state.name === 'Brazil' ? 'a' : 'b';
    const peruSide = keep === 'a' ? 'b' : 'a';
    await resolveOverlap(db(), { userId: plan.chair.id, overlapId: found.id, resolution: { kind: 'merge', keep } });

    const [, merged] = await texts(peruSection.room);
    expect(merged).toMatch(
      new RegExp(
        `^${DATA.replace(/[.()]/g, '\\$&')} See section 2, paragraph 2 \\(.+\\) — co-sponsored by Brazil and Peru\\. ${REPORT}$`,
      ),
    );
    expect(await texts(brazilSection.room)).toContain(BRAZIL_PROPOSAL);

    // The sentences the merge left are still Peru's.
    const runs = await documentHost().read(peruSection.room, (doc, users) => attributedRuns(doc, users));
    expect(runs.find((r) => r.text.includes('independent oversight'))?.userId).toBe(peru.id);
    expect(runs.find((r) => r.text.includes('cases its prosecutors brought'))?.userId).toBe(peru.id);

    const [row] = await db().select().from(overlaps).where(eq(overlaps.id, found.id));
    const stored = row!.resolution;
    expect(stored?.kind).toBe('merge');
    if (stored?.kind !== 'merge') return;
    expect(stored.replaced).toBe(PERU_PROPOSAL);
    expect(stored.previous?.[peruSide]).toBe(`${DATA} ${PERU_PROPOSAL} ${REPORT}`);
    expect(stored.removed?.[peruSide]).toEqual([PERU_PROPOSAL]);
    expect(stored.removed?.[keep]).toEqual([]);

    const view = (await listPlanOverlaps(db(), { userId: peru.id, planId: plan.id })).overlaps.find(
      (o) => o.id === found.id,
    )!;
    expect(view.resolution).toMatchObject({
      kind: 'merge',
      replaced: PERU_PROPOSAL,
      removed: { [peruSide]: [PERU_PROPOSAL] },
      undoable: true,
    });
    expect(view.resolution).not.toHaveProperty('undo');
  });

  const keepBrazil = () => (found.a.state.name === 'Brazil' ? 'a' : 'b');
  const status = async () => (await db().select().from(overlaps).where(eq(overlaps.id, found.id)))[0]!.status;
  const audited = async () =>
    (
      await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.target, `overlap:${found.id}`))
    )
      .map((row) => row.action)
      .sort();

  it('lets only the chair reopen', async () => {
    await expect(reopenOverlap(db(), { userId: peru.id, overlapId: found.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('undoes the merge in one step: both sections as they were, text and authors, and the overlap open again', async () => {
    expect(await both()).not.toEqual(before);
    await expect(reopenOverlap(db(), { userId: plan.chair.id, overlapId: found.id })).resolves.toEqual({
      status: 'open',
      undone: true,
    });
    expect(await both()).toEqual(before);
    expect(await status()).toBe('open');
    const view = (await listPlanOverlaps(db(), { userId: peru.id, planId: plan.id })).overlaps.find(
      (o) => o.id === found.id,
    )!;
    expect(view.resolution).toBeNull();
    expect((view.a.text + view.b.text).includes(DATA)).toBe(true);
    expect(await audited()).toEqual(['overlap.merged', 'overlap.reopened']);
  });

  it('reopens a dismissed overlap, the log keeping both decisions', async () => {
    await resolveOverlap(db(), {
      userId: plan.chair.id,
      overlapId: found.id,
      resolution: { kind: 'dismiss', reason: 'looked again' },
    });
    expect(await status()).toBe('dismissed');
    await expect(reopenOverlap(db(), { userId: plan.chair.id, overlapId: found.id })).resolves.toEqual({
      status: 'open',
      undone: false,
    });
    expect(await status()).toBe('open');
    expect(await audited()).toEqual(['overlap.dismissed', 'overlap.merged', 'overlap.reopened', 'overlap.reopened']);
  });

  it('undoes a merge whose paragraph an editor wrote anew with the same words', async () => {
    await resolveOverlap(db(), {
      userId: plan.chair.id,
      overlapId: found.id,
      resolution: { kind: 'merge', keep: keepBrazil() },
    });
    // The paragraph that refers to the kept wording becomes a new element with the same text and marks.
    await documentHost().change(peruSection.room, peru.id, (copy) => {
      const block = textBlocks(copy).find((b) => b.text.includes('See section'))!;
      const parent = block.element.parent as Y.XmlFragment;
      const index = parent.toArray().indexOf(block.element);
      const fresh = new Y.XmlElement(block.element.nodeName);
      for (const [key, value] of Object.entries(block.element.getAttributes()))
        fresh.setAttribute(key, value as string);
      const text = new Y.XmlText();
      text.applyDelta((block.element.get(0) as Y.XmlText).toDelta());
      fresh.insert(0, [text]);
      parent.delete(index, 1);
      parent.insert(index, [fresh]);
    });
    await expect(reopenOverlap(db(), { userId: plan.chair.id, overlapId: found.id })).resolves.toEqual({
      status: 'open',
      undone: true,
    });
    expect((await both()).peru.texts).toEqual(before.peru.texts);
    expect((await both()).brazil).toEqual(before.brazil);
    expect(await status()).toBe('open');
    // As the next analysis would: the overlap's anchor follows the paragraph's new element.
    const anchor = await documentHost().read(peruSection.room, (doc) =>
      anchorOf(textBlocks(doc).find((b) => b.text.includes(DATA))!.element),
    );
    const [row] = await db().select().from(overlaps).where(eq(overlaps.id, found.id));
    await db()
      .update(overlaps)
      .set(row!.sectionA === peruSection.id ? { anchorA: anchor } : { anchorB: anchor })
      .where(eq(overlaps.id, found.id));
  });

  it('refuses to undo a merge once a paragraph changed, and offers the versions saved before it', async () => {
    await resolveOverlap(db(), {
      userId: plan.chair.id,
      overlapId: found.id,
      resolution: { kind: 'merge', keep: keepBrazil() },
    });
    await documentHost().change(peruSection.room, peru.id, (copy) => {
      const block = textBlocks(copy).find((b) => b.text.includes('See section'))!;
      (block.element.get(0) as Y.XmlText).insert(0, 'Moreover, ');
    });
    const refused = await reopenOverlap(db(), { userId: plan.chair.id, overlapId: found.id }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({
      code: 'conflict',
      details: { versions: { a: expect.any(String), b: expect.any(String) } },
    });
    const offered = (refused as { details: { versions: { a: string; b: string } } }).details.versions;
    const saved = await db()
      .select({ docId: versions.docId })
      .from(versions)
      .where(and(inArray(versions.id, [offered.a, offered.b]), eq(versions.kind, 'auto')));
    expect(saved.map((v) => v.docId).sort()).toEqual([peruSection.room, brazilSection.room].sort());
    expect(await status()).toBe('merged');
  });
});
