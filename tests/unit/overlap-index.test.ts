import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOverlaps, OverlapIndex, type PlanSection } from '../../lib/overlap';
import { extractFeatures } from '../../lib/overlap/features';
import { similarity } from '../../lib/overlap/similarity';

/** Real policy paragraphs, several of which overlap one another: the texts of the labelled pairs. */
const texts: readonly string[] = [
  ...new Set(
    (JSON.parse(readFileSync(new URL('../fixtures/overlap/pairs.json', import.meta.url), 'utf8')) as { a: string; b: string }[]).flatMap(({ a, b }) => [a, b]),
  ),
];

/** A small deterministic generator (a 32-bit linear congruential one is enough to shuffle test data). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomPlan(seed: number, sectionCount = 8, paragraphsPerSection = 12): PlanSection[] {
  const next = random(seed);
  const pick = () => texts[Math.floor(next() * texts.length)] ?? '';
  return Array.from({ length: sectionCount }, (_, i) => ({
    id: `s${i}`,
    paragraphs: Array.from({ length: paragraphsPerSection }, () => (next() < 0.2 ? `${pick()} ${pick()}` : pick())),
  }));
}

function indexOf(sections: readonly PlanSection[]): OverlapIndex {
  const index = new OverlapIndex();
  for (const section of sections) index.setSection(section.id, section.paragraphs);
  return index;
}

describe('OverlapIndex', () => {
  const sections = randomPlan(42);
  const full = findOverlaps({ sections });

  it('works on a plan that has overlaps to find', () => {
    expect(full.length).toBeGreaterThan(10);
  });

  it.each([0.3, 0.55, 0.8])('finds at threshold %s every pair that comparing all pairs finds', (threshold) => {
    const paragraphs = sections.flatMap((section) =>
      section.paragraphs.map((text, paragraph) => ({ id: section.id, paragraph, features: extractFeatures(text) })),
    );
    const expected = paragraphs.flatMap((x, i) =>
      paragraphs.slice(i + 1).flatMap((y) => {
        const score = x.features && y.features && x.id !== y.id ? similarity(x.features, y.features).score : 0;
        return score >= threshold ? [`${x.id}/${x.paragraph} ${y.id}/${y.paragraph}`] : [];
      }),
    );
    const found = findOverlaps({ sections }, { threshold }).map(({ a, b }) => `${a.section}/${a.paragraph} ${b.section}/${b.paragraph}`);
    expect(found.sort()).toEqual(expected.sort());
  });

  it('gives the same overlaps whatever the order in which sections are set', () => {
    expect(indexOf([...sections].reverse()).overlaps()).toEqual(full);
    expect(indexOf([...sections].sort((x, y) => (x.paragraphs[0] ?? '').localeCompare(y.paragraphs[0] ?? ''))).overlaps()).toEqual(full);
  });

  it('re-analyses a changed section to the same result as a full analysis', () => {
    const index = indexOf(sections);
    const current = new Map(sections.map((section) => [section.id, section.paragraphs]));
    const donor = randomPlan(7, 1, 30)[0]?.paragraphs ?? [];
    const edits: [string, readonly string[]][] = [
      ['s3', [...(current.get('s5') ?? []).slice(0, 4), ...donor.slice(0, 6)]],
      ['s5', (current.get('s5') ?? []).slice(2)],
      ['s0', [...(current.get('s0') ?? []), (current.get('s1') ?? [])[0] ?? '', 'A new heading']],
      ['s3', []],
      ['s9', donor],
      ['s3', sections[3]?.paragraphs ?? []],
    ];
    for (const [id, paragraphs] of edits) {
      index.setSection(id, paragraphs);
      current.set(id, paragraphs);
      const expected = findOverlaps({ sections: [...current].map(([sectionId, p]) => ({ id: sectionId, paragraphs: p })) });
      expect(index.overlaps()).toEqual(expected);
    }
  });

  it('follows paragraph edits (typed, inserted, deleted, moved, repeated) to the result of a full analysis', () => {
    const next = random(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const index = indexOf(sections);
    const current = new Map(sections.map((section) => [section.id, [...section.paragraphs]]));
    for (let edit = 0; edit < 300; edit++) {
      const id = pick([...current.keys()]);
      const paragraphs = current.get(id)!;
      const at = Math.floor(next() * (paragraphs.length + 1));
      const kind = pick(['type', 'insert', 'delete', 'move', 'repeat'] as const);
      if (kind === 'type' && paragraphs[at]) paragraphs[at] += pick([' and', ' regional', ' training.', 'x']);
      if (kind === 'insert') paragraphs.splice(at, 0, pick(texts));
      if (kind === 'delete') paragraphs.splice(at, 1);
      if (kind === 'move') paragraphs.splice(Math.floor(next() * paragraphs.length), 0, ...paragraphs.splice(at, 1));
      if (kind === 'repeat' && paragraphs.length) paragraphs.splice(at, 0, pick(paragraphs));
      index.setSection(id, paragraphs);
      const expected = findOverlaps({ sections: [...current].map(([sectionId, p]) => ({ id: sectionId, paragraphs: p })) });
      expect(index.overlaps(), `after edit ${edit} (${kind} in ${id})`).toEqual(expected);
    }
  });

  it('forgets the overlaps of a removed section, and finds them again when it comes back', () => {
    const index = indexOf(sections);
    const removed = sections[2];
    if (!removed) throw new Error('test plan too small');
    index.removeSection(removed.id);
    const without = full.filter(({ a, b }) => a.section !== removed.id && b.section !== removed.id);
    expect(without.length).toBeLessThan(full.length);
    expect(index.overlaps()).toEqual(without);
    index.setSection(removed.id, removed.paragraphs);
    expect(index.overlaps()).toEqual(full);
  });

  it('setting a section to the same text again changes nothing', () => {
    const index = indexOf(sections);
    for (const section of sections) index.setSection(section.id, section.paragraphs);
    expect(index.overlaps()).toEqual(full);
  });
});
