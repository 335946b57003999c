import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { DEFAULT_THRESHOLD, findOverlaps, type PlanSection } from '../../lib/overlap';

const training =
  'Train police officers in human rights, the proportional use of force and the de-escalation of conflicts.';
const cameras =
  'Equip police patrols with body-worn cameras and set rules for the storage of and access to the recordings.';
const registry =
  'Create a single national registry of firearms, ammunition and explosives, interoperable with neighbouring countries.';
const prisons =
  'Reduce prison overcrowding by expanding alternatives to pretrial detention, such as electronic monitoring.';

const plan = (...sections: PlanSection[]) => ({ sections });

describe('findOverlaps', () => {
  it('finds a copy in another section, whatever the case, accents and punctuation', () => {
    const found = findOverlaps(
      plan(
        { id: 'peru', paragraphs: [prisons, training] },
        { id: 'chile', paragraphs: [training.toUpperCase().replace(/,/g, ';'), registry] },
      ),
    );
    expect(found).toEqual([
      { a: { section: 'chile', paragraph: 0 }, b: { section: 'peru', paragraph: 1 }, score: 1, kind: 'copy' },
    ]);
  });

  it('finds one paragraph contained in a longer one', () => {
    const longer = `${registry} The registry will also record every transfer of ownership, and customs will consult it at each border crossing.`;
    const [found] = findOverlaps(plan({ id: 's1', paragraphs: [registry] }, { id: 's2', paragraphs: [longer] }));
    expect(found?.kind).toBe('containment');
    expect(found?.score).toBeGreaterThan(DEFAULT_THRESHOLD + 0.2);
  });

  it('does not take a short item for the same proposal when its words are only scattered through a long paragraph of the plan', () => {
    // Within a plan on citizen security, where police, training and human rights recur and weigh little.
    const pairs = JSON.parse(readFileSync(new URL('../fixtures/overlap/pairs.json', import.meta.url), 'utf8')) as {
      lang: string;
      a: string;
      b: string;
    }[];
    const context = pairs
      .filter((pair) => pair.lang === 'en')
      .map((pair, i) => ({ id: `c${i}`, paragraphs: [pair.a] }));
    const item = 'Train police officers in human rights.';
    const scattered =
      'Human rights organizations will monitor prisons, while the police will receive new vehicles; officers who train recruits will be evaluated every year, and the ministry will publish statistics on complaints.';
    const found = findOverlaps({
      sections: [...context, { id: 's1', paragraphs: [item] }, { id: 's2', paragraphs: [scattered] }],
    });
    expect(found.filter(({ a, b }) => a.section === 's1' && b.section === 's2')).toEqual([]);
  });

  it('does not match proposals on the same topic that propose different actions', () => {
    expect(findOverlaps(plan({ id: 's1', paragraphs: [training] }, { id: 's2', paragraphs: [cameras] }))).toEqual([]);
  });

  it('never compares paragraphs of the same section', () => {
    expect(findOverlaps(plan({ id: 's1', paragraphs: [training, training, cameras] }))).toEqual([]);
    const found = findOverlaps(
      plan({ id: 's1', paragraphs: [training, training] }, { id: 's2', paragraphs: [training] }),
    );
    expect(found.map(({ a, b }) => [a, b])).toEqual([
      [
        { section: 's1', paragraph: 0 },
        { section: 's2', paragraph: 0 },
      ],
      [
        { section: 's1', paragraph: 1 },
        { section: 's2', paragraph: 0 },
      ],
    ]);
  });

  it('compares paragraphs given as text within their own language only, and across languages through their translations', () => {
    const spanish =
      'Crear un registro nacional único de armas de fuego, municiones y explosivos, interoperable con los países vecinos.';
    expect(findOverlaps(plan({ id: 's1', paragraphs: [registry] }, { id: 's2', paragraphs: [spanish] }))).toEqual([]);
    // The translations Apertium gives (lib/translation), attached as analysePlan attaches them.
    const translated = findOverlaps({
      sections: [
        {
          id: 's1',
          paragraphs: [
            {
              text: registry,
              language: 'en',
              translations: {
                es: 'Crear un registro nacional solo de armas de fuego, munición y explosivos, interoperable con países vecinos.',
              },
            },
          ],
        },
        {
          id: 's2',
          paragraphs: [
            {
              text: spanish,
              language: 'es',
              translations: {
                en: 'Create a national register unique of firearms, ammunitions and explosive, interoperable with the neighbouring countries.',
              },
            },
          ],
        },
      ],
    });
    expect(translated).toEqual([
      {
        a: { section: 's1', paragraph: 0 },
        b: { section: 's2', paragraph: 0 },
        score: expect.any(Number),
        kind: 'paraphrase',
      },
    ]);
  });

  it('numbers paragraphs as given, counting those too short to compare', () => {
    const [found] = findOverlaps(
      plan({ id: 's1', paragraphs: ['Firearms', '', registry] }, { id: 's2', paragraphs: [registry] }),
    );
    expect(found?.a).toEqual({ section: 's1', paragraph: 2 });
  });

  it('sorts by score, then by paragraph, and gives the same answer whatever the order of sections', () => {
    const edited = training.replace('the de-escalation of conflicts', 'conflict mediation');
    const sections: PlanSection[] = [
      { id: 'b', paragraphs: [edited, registry] },
      { id: 'a', paragraphs: [training, prisons] },
      { id: 'c', paragraphs: [training, registry] },
    ];
    const found = findOverlaps({ sections });
    expect(found.map((overlap) => overlap.score)).toEqual(
      [...found.map((overlap) => overlap.score)].sort((x, y) => y - x),
    );
    expect(found.map(({ a, b }) => `${a.section}${a.paragraph}-${b.section}${b.paragraph}`)).toEqual([
      'a0-c0',
      'b1-c1',
      'a0-b0',
      'b0-c0',
    ]);
    expect(findOverlaps({ sections: [...sections].reverse() })).toEqual(found);
    expect(findOverlaps({ sections })).toEqual(found);
  });

  it('reports fewer pairs under a higher threshold', () => {
    const sections = [
      { id: 's1', paragraphs: [training] },
      { id: 's2', paragraphs: [training.replace('the de-escalation of conflicts', 'conflict mediation')] },
    ];
    expect(findOverlaps({ sections }, { threshold: 0.5 })).toHaveLength(1);
    expect(findOverlaps({ sections }, { threshold: 0.95 })).toHaveLength(0);
  });

  it('refuses a threshold outside (0, 1] and duplicated section ids', () => {
    for (const threshold of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => findOverlaps(plan(), { threshold })).toThrow(AppError);
    }
    expect(() => findOverlaps(plan({ id: 's1', paragraphs: [] }, { id: 's1', paragraphs: [] }))).toThrow(
      /appears twice/,
    );
  });
});
