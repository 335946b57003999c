import { and, eq } from 'drizzle-orm';
import type * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, overlaps } from '../../db/schema';
import { listPlanOverlaps, type OverlapView } from '../../lib/consolidation/list-overlaps';
import { refreshOverlaps } from '../../lib/consolidation/refresh-overlaps';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { documentHost } from '../../lib/documents/live-documents';
import { attributedRuns } from '../../lib/documents/change-runs';
import { exportPlan } from '../../lib/export/export-plan';
import { textBlocks } from '../../lib/documents/paragraphs';
import { OVERLAPS_MESSAGE, readOverlapsMessage } from '../../lib/shared/app-messages';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
  type BuiltUser,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { demoPlan } from '../helpers/demo-plan';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

const PERU_PROPOSAL =
  'Establish a regional network of specialised prosecutors for crimes against women, with shared training and common protocols.';
const BRAZIL_PROPOSAL =
  'Create a regional network of prosecutors specialised in crimes against women, sharing training and common protocols.';

const involves = (text: string) => (o: OverlapView) => (o.a.text + o.b.text).includes(text);

describe('the demo plan', () => {
  const t = useCollabServer({ SEED_DEMO: 'true' });

  it('stores its seeded overlap on the first look: Peru and Jamaica propose the same police curriculum', async () => {
    const demo = await demoPlan(t.db);
    const [first] = (await listPlanOverlaps(t.db, { userId: demo.ids.observer, planId: demo.planId })).overlaps;
    expect(first!.status).toBe('open');
    expect([first!.a.state.name, first!.b.state.name].sort()).toEqual(['Jamaica', 'Peru']);
  });
});

describe('overlaps found live, stored with anchors and resolved by the chair', () => {
  const t = useCollabServer({ COLLAB_OVERLAP_DEBOUNCE_MS: '200' });
  const db = () => t.db;
  let plan: BuiltPlan;
  const people = {} as Record<'peru' | 'mexico' | 'brazil' | 'canada' | 'observer', BuiltMember>;
  let police: BuiltSection, prevention: BuiltSection, victims: BuiltSection, statistics: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db());
    for (const [who, state] of [
      ['peru', 'PER'],
      ['mexico', 'MEX'],
      ['brazil', 'BRA'],
      ['canada', 'CAN'],
    ] as const)
      people[who] = await buildMember(db(), { plan, state });
    people.observer = await buildMember(db(), { plan, role: 'observer' });
    const section = (lead: BuiltMember, text: string) => buildSection(db(), { plan, lead, text: [text] });
    police = await section(
      people.peru,
      'Peru proposes a regional curriculum for police training grounded in human rights and community policing.',
    );
    prevention = await section(
      people.mexico,
      'Mexico proposes to scale up municipal prevention programmes focused on youth.',
    );
    victims = await section(people.brazil, 'Brazil proposes integrated assistance centres for victims of violence.');
    statistics = await section(people.canada, 'Canada proposes common indicators for citizen-security statistics.');
  });

  const list = (who: BuiltUser = plan.chair) =>
    listPlanOverlaps(db(), { userId: who.id, planId: plan.id }).then((r) => r.overlaps);

  describe('two coordinators typing the same proposal', () => {
    let peru: ReturnType<typeof openProvider>;
    let brazil: ReturnType<typeof openProvider>;
    let found: OverlapView;

    beforeAll(async () => {
      peru = openProvider(t.server.url, police.room, people.peru.cookie);
      brazil = openProvider(t.server.url, victims.room, people.brazil.cookie);
      await Promise.all([waitForSync(peru.provider), waitForSync(brazil.provider)]);
    });

    afterAll(() => {
      peru.provider.destroy();
      brazil.provider.destroy();
    });

    it('finds it once the typing settles, with sections and states, and not a different proposal on the topic', async () => {
      appendParagraph(peru.doc, PERU_PROPOSAL);
      appendParagraph(brazil.doc, BRAZIL_PROPOSAL);
      appendParagraph(brazil.doc, 'Open shelters for victims of domestic violence in every capital city.');
      found = await eventually(async () => {
        const typed = (await list()).find(involves('regional network'));
        expect(typed?.status).toBe('open');
        return typed!;
      }, 10_000);
      expect([found.a.state.name, found.b.state.name].sort()).toEqual(['Brazil', 'Peru']);
      expect((await list()).some(involves('shelters'))).toBe(false);
    });

    it('follows the passages while people type before them and in them: the same overlap, its text updated', async () => {
      const peruText = textBlocks(peru.doc)
        .find((b) => b.text === PERU_PROPOSAL)!
        .element.get(0) as Y.XmlText;
      peruText.insert(PERU_PROPOSAL.length - 1, ' by 2027');
      const top = new Y.XmlElement('paragraph');
      top.insert(0, [new Y.XmlText('A new opening paragraph about the scope of this section.')]);
      peru.doc.getXmlFragment(EDITOR_FIELD).insert(0, [top]);
      await eventually(async () => {
        const same = (await list()).find((o) => o.id === found.id)!;
        expect(same.status).toBe('open');
        expect(same.a.text + same.b.text).toContain('by 2027');
      }, 10_000);
      expect((await list()).filter(involves('regional network'))).toHaveLength(1);
    });

    it('lets only the chair resolve', async () => {
      const attempt = resolveOverlap(db(), {
        userId: people.peru.id,
        overlapId: found.id,
        resolution: { kind: 'dismiss' },
      });
      await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('merges: the kept wording is co-sponsored, the other passage becomes a linked reference, both live, attribution kept', async () => {
      const keep = found.a.state.name === 'Peru' ? 'a' : 'b';
      const wording = PERU_PROPOSAL.replace('.', ' by 2027, with a yearly joint report.');
      await resolveOverlap(db(), {
        userId: plan.chair.id,
        overlapId: found.id,
        resolution: { kind: 'merge', keep, wording },
      });

      await eventually(() => {
        const kept = textBlocks(peru.doc).find((b) => b.text === wording);
        expect(kept?.element.getAttribute('cosponsors')).toEqual(['Peru', 'Brazil']);
        expect(kept?.element.getAttribute('mergeId')).toBe(found.id);
      });
      const reference = await eventually(() => {
        const block = textBlocks(brazil.doc).find((b) => b.text.startsWith('See section 1,'));
        expect(block).toBeDefined();
        return block!;
      });
      expect(reference.text).toMatch(/^See section 1, paragraph \d+ \(.+\) — co-sponsored by Peru and Brazil\.$/);
      const delta = (reference.element.get(0) as Y.XmlText).toDelta() as Array<{
        insert: string;
        attributes?: { link?: { href: string } };
      }>;
      expect(delta.find((op) => op.attributes?.link)?.attributes?.link?.href).toBe(
        `/plans/${plan.id}/sections/${police.id}#merged-${found.id}`,
      );
      expect(textBlocks(brazil.doc).some((b) => b.text === BRAZIL_PROPOSAL)).toBe(false);

      // Words the chair left as they were are still Peru's; what the chair added is the chair's.
      const runs = await documentHost().read(police.room, (doc, users) => attributedRuns(doc, users));
      const by = (text: string) => runs.find((r) => r.text.includes(text))?.userId;
      expect(by('regional network of specialised prosecutors')).toBe(people.peru.id);
      expect(by('yearly joint report')).toBe(plan.chair.id);

      const [row] = await db().select().from(overlaps).where(eq(overlaps.id, found.id));
      expect(row!.status).toBe('merged');
      const audit = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'overlap.merged'), eq(auditLog.target, `overlap:${found.id}`)));
      expect(audit).toHaveLength(1);
      await expect(
        resolveOverlap(db(), { userId: plan.chair.id, overlapId: found.id, resolution: { kind: 'dismiss' } }),
      ).rejects.toMatchObject({ code: 'conflict' });
    });

    it('compiles the merge into the plan: the kept wording names its co-sponsors, the reference links to it', async () => {
      const file = await exportPlan(db(), { userId: people.observer.id, planId: plan.id, format: 'md' });
      const markdown = new TextDecoder().decode(file.body);
      expect(markdown).toContain('yearly joint report. *— Co-sponsored by Peru and Brazil*');
      // The reference's link names the kept paragraph by its number in the compiled plan (section 1).
      expect(markdown).toMatch(/See \[1\.\d+\]\(<#1-[\p{L}\p{N}-]+>\) \(.+\) — co-sponsored by Peru and Brazil\./u);
    });

    it('keeps a dismissed overlap dismissed through small edits, and brings it back when a passage is rewritten', async () => {
      // A proposal on a topic the plan has nowhere else: this test is about the chair's decision, not
      // about how near the plan's own proposals on police training lie.
      const peruText = appendParagraph(
        peru.doc,
        'Install solar street lighting along rural school routes in every municipality.',
      );
      appendParagraph(brazil.doc, 'Install solar street lighting along rural school routes in all municipalities.');
      const pair = await eventually(async () => {
        const open = (await list()).find((o) => o.status === 'open' && involves('street lighting')(o));
        expect(open).toBeDefined();
        return open!;
      }, 10_000);
      await resolveOverlap(db(), {
        userId: plan.chair.id,
        overlapId: pair.id,
        resolution: { kind: 'dismiss', reason: 'Different agencies carry them out' },
      });

      peruText.insert(peruText.length - 1, ' soon');
      await refreshOverlaps(db(), plan.id);
      const afterSmallEdit = (await list()).filter(involves('street lighting'));
      expect(afterSmallEdit.map((o) => o.status)).toEqual(['dismissed']);

      peruText.insert(
        peruText.length,
        ' Lamps are maintained by municipal crews, inspected every two years, and paired with community watch schemes and school transport.',
      );
      await eventually(async () => {
        await refreshOverlaps(db(), plan.id);
        const back = (await list()).filter(involves('street lighting'));
        expect(back.map((o) => o.status)).toEqual(['open']);
        expect(back[0]!.id).toBe(pair.id);
      });
    });
  });

  it("finds an overlap while another delegation keeps typing without a pause, and sends it to the section's readers", async () => {
    const canada = openProvider(t.server.url, statistics.room, people.canada.cookie);
    const mexico = openProvider(t.server.url, prevention.room, people.mexico.cookie);
    // An observer's page on Canada's section hears of its overlaps through its connection, without polling.
    const reader = openProvider(t.server.url, statistics.room, people.observer.cookie);
    const pushed: OverlapView[][] = [];
    reader.provider.messageHandlers[OVERLAPS_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      pushed.push((readOverlapsMessage(decoder) as { overlaps: OverlapView[] }).overlaps);
    };
    await Promise.all([waitForSync(canada.provider), waitForSync(mexico.provider), waitForSync(reader.provider)]);
    await list(); // the first look analyses the plan; from then on only the watch does
    appendParagraph(
      canada.doc,
      'Publish a shared regional dashboard of citizen-security indicators, updated every quarter by the national statistics offices.',
    );
    appendParagraph(
      mexico.doc,
      'Build a shared regional dashboard of citizen-security indicators, updated each quarter by national statistics offices.',
    );
    // Mexico goes on typing, a key every 50 ms: edits to the plan never settle for the 200 ms debounce.
    const typing = appendParagraph(mexico.doc);
    const keys = setInterval(() => typing.insert(typing.length, 'x'), 50);
    try {
      await eventually(
        async () => expect((await list()).find(involves('regional dashboard'))?.status).toBe('open'),
        10_000,
      );
      expect(typing.length).toBeGreaterThan(0);
      await eventually(() => expect(pushed.at(-1)?.find(involves('regional dashboard'))?.status).toBe('open'));
      const found = pushed.at(-1)!.find(involves('regional dashboard'))!;
      expect([found.a.state.name, found.b.state.name].sort()).toEqual(['Canada', 'Mexico']);

      await resolveOverlap(db(), {
        userId: plan.chair.id,
        overlapId: found.id,
        resolution: { kind: 'dismiss', reason: 'different indicators' },
      });
      await eventually(() => expect(pushed.at(-1)?.find((o) => o.id === found.id)?.status).toBe('dismissed'));

      // Back from a lost connection, the page is sent the list as it is, though nothing changed.
      const before = pushed.length;
      reader.provider.disconnect();
      reader.provider.connect();
      await eventually(() => expect(pushed.length).toBe(before + 1));
      expect(pushed.at(-1)?.find((o) => o.id === found.id)?.status).toBe('dismissed');
    } finally {
      clearInterval(keys);
      canada.provider.destroy();
      mexico.provider.destroy();
      reader.provider.destroy();
    }
  });
});
