import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { translations } from '../../db/schema';
import { listPlanOverlaps, listSectionOverlaps, type OverlapView } from '../../lib/consolidation/list-overlaps';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { textBlocks } from '../../lib/documents/paragraphs';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { apertiumAvailable } from '../helpers/apertium';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

/** Peru drafts in Spanish; Canada proposes the same in English, in its own words. */
const PERU =
  'Establecer una red regional de fiscales especializados en delitos contra las mujeres, con formación compartida y protocolos comunes de investigación.';
const CANADA =
  'Create a regional network of prosecutors specialised in crimes against women, sharing training and common investigation protocols.';
/** The same proposal within one language, which is found with or without translation. */
const MEXICO =
  'Crear una red regional de fiscalías especializadas en delitos contra las mujeres, con capacitación compartida y protocolos comunes de investigación.';

const involves = (text: string) => (o: OverlapView) => o.a.text === text || o.b.text === text;

async function buildCoordinators(db: Parameters<typeof buildPlan>[0]) {
  const plan = await buildPlan(db);
  const people = {} as Record<'peru' | 'canada' | 'mexico', BuiltMember>;
  for (const [who, state] of [
    ['peru', 'PER'],
    ['canada', 'CAN'],
    ['mexico', 'MEX'],
  ] as const)
    people[who] = await buildMember(db, { plan, state });
  const section = (lead: BuiltMember, text: string) => buildSection(db, { plan, lead, text: [text] });
  const sections = {
    peru: await section(
      people.peru,
      'El Perú propone un currículo regional de formación policial basado en los derechos humanos.',
    ),
    canada: await section(people.canada, 'Canada proposes integrated assistance centres for victims of violence.'),
    mexico: await section(
      people.mexico,
      'México propone ampliar los programas municipales de prevención dirigidos a los jóvenes.',
    ),
  };
  return { plan, people, sections };
}

describe.runIf(apertiumAvailable())('the running server finds a proposal made in two languages', () => {
  const t = useCollabServer({ COLLAB_OVERLAP_DEBOUNCE_MS: '200' });
  let plan: BuiltPlan;
  let people: Record<'peru' | 'canada' | 'mexico', BuiltMember>;
  let sections: Record<'peru' | 'canada' | 'mexico', BuiltSection>;

  beforeAll(async () => {
    ({ plan, people, sections } = await buildCoordinators(t.db));
  });

  it('opens an overlap between a Spanish paragraph and its English paraphrase once the typing settles, and merges it', async () => {
    const peru = openProvider(t.server.url, sections.peru.room, people.peru.cookie);
    const canada = openProvider(t.server.url, sections.canada.room, people.canada.cookie);
    try {
      await Promise.all([waitForSync(peru.provider), waitForSync(canada.provider)]);
      appendParagraph(peru.doc, PERU);
      appendParagraph(canada.doc, CANADA);
      const found = await eventually(async () => {
        const listed = await listPlanOverlaps(t.db, { userId: plan.chair.id, planId: plan.id });
        expect(listed.translation).toEqual({ available: true });
        const overlap = listed.overlaps.find(involves(PERU));
        expect(overlap?.status).toBe('open');
        return overlap!;
      }, 20_000);
      expect([found.a.text, found.b.text].sort()).toEqual([CANADA, PERU]);
      expect([found.a.state.name, found.b.state.name].sort()).toEqual(['Canada', 'Peru']);
      // The chair reading in English sees Peru's passage machine-translated, and the words shared marked in both.
      const board = await listPlanOverlaps(t.db, { userId: plan.chair.id, planId: plan.id, readIn: 'en' });
      const compared = board.overlaps.find((o) => o.id === found.id)!.comparison!;
      const [peruSide, canadaSide] = found.a.text === PERU ? [compared.a, compared.b] : [compared.b, compared.a];
      expect(peruSide).toMatchObject({ language: 'es', translation: expect.stringMatching(/regional net/i) });
      expect(canadaSide).toMatchObject({ language: 'en', translation: null });
      expect(canadaSide.marked).toEqual(expect.arrayContaining(['regional', 'crimes', 'women', 'protocols']));
      expect(peruSide.translationMarked).toEqual(expect.arrayContaining(['regional', 'crimes', 'women', 'protocols']));
      // Read in Spanish, Canada's passage is the one translated, and the originals' shared words are marked there.
      const inSpanish = (
        await listPlanOverlaps(t.db, { userId: plan.chair.id, planId: plan.id, readIn: 'es' })
      ).overlaps.find((o) => o.id === found.id)!.comparison!;
      const peruInSpanish = found.a.text === PERU ? inSpanish.a : inSpanish.b;
      expect(peruInSpanish).toMatchObject({
        translation: null,
        marked: expect.arrayContaining(['red', 'delitos', 'mujeres']),
      });

      // Translated through the Postgres cache, which a restarted server reads instead of translating again.
      expect((await t.db.select().from(translations).where(eq(translations.pair, 'en-es'))).length).toBeGreaterThan(0);

      await resolveOverlap(t.db, {
        userId: plan.chair.id,
        overlapId: found.id,
        resolution: { kind: 'merge', keep: found.a.text === PERU ? 'a' : 'b', wording: PERU },
      });
      await eventually(() => {
        expect(textBlocks(canada.doc).some((b) => b.text === CANADA)).toBe(false);
        expect(
          textBlocks(canada.doc).some((b) => /co-sponsored by (Peru and Canada|Canada and Peru)/.test(b.text)),
        ).toBe(true);
      });
    } finally {
      peru.provider.destroy();
      canada.provider.destroy();
    }
  });
});

describe('a server without machine translation (TRANSLATION=off)', () => {
  const t = useCollabServer({ COLLAB_OVERLAP_DEBOUNCE_MS: '200', TRANSLATION: 'off' });
  let plan: BuiltPlan;
  let people: Record<'peru' | 'canada' | 'mexico', BuiltMember>;
  let sections: Record<'peru' | 'canada' | 'mexico', BuiltSection>;

  beforeAll(async () => {
    ({ plan, people, sections } = await buildCoordinators(t.db));
  });

  it('still finds overlaps within a language, not across, and says why and how to install translation', async () => {
    const peru = openProvider(t.server.url, sections.peru.room, people.peru.cookie);
    const canada = openProvider(t.server.url, sections.canada.room, people.canada.cookie);
    const mexico = openProvider(t.server.url, sections.mexico.room, people.mexico.cookie);
    try {
      await Promise.all([waitForSync(peru.provider), waitForSync(canada.provider), waitForSync(mexico.provider)]);
      appendParagraph(peru.doc, PERU);
      appendParagraph(canada.doc, CANADA);
      appendParagraph(mexico.doc, MEXICO);
      const listed = await eventually(async () => {
        const list = await listPlanOverlaps(t.db, { userId: plan.chair.id, planId: plan.id });
        expect(list.overlaps.find(involves(MEXICO))?.status).toBe('open');
        return list;
      }, 20_000);
      expect(listed.overlaps.filter(involves(CANADA))).toEqual([]);
      expect(listed.translation).toMatchObject({
        available: false,
        cause: 'off',
        install: expect.stringContaining('apt-get install apertium'),
      });
      const section = await listSectionOverlaps(t.db, { userId: people.canada.id, sectionId: sections.canada.id });
      expect(section.translation).toMatchObject({ available: false, cause: 'off' });
    } finally {
      peru.provider.destroy();
      canada.provider.destroy();
      mexico.provider.destroy();
    }
  });
});
