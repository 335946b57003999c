import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findOverlaps,
  OverlapIndex,
  type PlanSection,
  type PreparedParagraph,
  type PreparedSection,
} from '../../lib/overlap';
import { pairScore } from '../../lib/overlap/pair-score';
import { paragraphTerms, READINGS } from '../../lib/overlap/paragraph-terms';
import { evidencePrior, termWeight } from '../../lib/overlap/term-weight';
import { loadEvalPlans } from '../helpers/overlap-eval';

/**
 * Real policy paragraphs, several of which overlap one another: the near-copies of the first labelled
 * set, and the paraphrases of the evaluation plans in four languages.
 */
const texts: readonly string[] = [
  ...new Set([
    ...(
      JSON.parse(readFileSync(new URL('../fixtures/overlap/pairs.json', import.meta.url), 'utf8')) as {
        a: string;
        b: string;
      }[]
    ).flatMap(({ a, b }) => [a, b]),
    ...loadEvalPlans().flatMap((plan) => plan.sections.flatMap((section) => section.paragraphs.map((p) => p.text))),
  ]),
];

/**
 * Every pair of a plan scored from scratch: terms counted over the whole plan, weights, then each
 * pair's score — what the index must equal however it got there.
 */
function compareAllPairs(sections: readonly PreparedSection[], threshold: number): string[] {
  const paragraphs = sections.flatMap((section) =>
    section.paragraphs.flatMap((paragraph, index) => {
      const terms = typeof paragraph === 'string' ? null : paragraphTerms(paragraph);
      return terms ? [{ id: section.id, index, terms }] : [];
    }),
  );
  const counts = new Map<string, number>();
  for (const { terms } of paragraphs)
    for (const term of terms.terms) counts.set(term.key, (counts.get(term.key) ?? 0) + 1);
  const weight = (key: string, generic: boolean) => termWeight(counts.get(key)!, paragraphs.length, generic);
  const totals = paragraphs.map(({ terms }) => {
    const sums = new Int32Array(READINGS);
    for (const term of terms.terms) sums[term.reading]! += weight(term.key, term.generic);
    return sums;
  });
  const found: string[] = [];
  paragraphs.forEach((x, i) =>
    paragraphs.slice(i + 1).forEach((y, k) => {
      const j = i + 1 + k;
      if (x.id === y.id) return;
      const shared = new Int32Array(READINGS);
      const keys = new Set(y.terms.terms.map((term) => term.key));
      for (const term of x.terms.terms) if (keys.has(term.key)) shared[term.reading]! += weight(term.key, term.generic);
      const combined = new Int32Array([...totals[i]!, ...totals[j]!]);
      const score =
        pairScore(x.terms, y.terms, {
          shared,
          sharedAt: 0,
          totals: combined,
          aAt: 0,
          bAt: READINGS,
          prior: evidencePrior(paragraphs.length),
        })?.score ?? 0;
      if (score >= threshold) found.push(`${x.id}/${x.index} ${y.id}/${y.index}`);
    }),
  );
  return found;
}

/** Paragraphs as the analysis prepares them, each with a "translation" (another text of the pool) in a second reading. */
function withTranslations(sections: readonly PlanSection[]): PreparedSection[] {
  return sections.map((section) => ({
    id: section.id,
    paragraphs: section.paragraphs.map((text, i): PreparedParagraph => {
      const other = texts[(text.length * 7 + i) % texts.length]!;
      return { text, language: 'es', translations: { en: other } };
    }),
  }));
}

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

  it.each([0.3, 0.5, 0.8])(
    'finds at threshold %s every pair that scoring all pairs from scratch finds, in every reading',
    (threshold) => {
      const prepared = withTranslations(sections);
      const found = findOverlaps({ sections: prepared }, { threshold }).map(
        ({ a, b }) => `${a.section}/${a.paragraph} ${b.section}/${b.paragraph}`,
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found.sort()).toEqual(compareAllPairs(prepared, threshold).sort());
    },
  );

  it('gives the same overlaps whatever the order in which sections are set', () => {
    expect(indexOf([...sections].reverse()).overlaps()).toEqual(full);
    expect(
      indexOf([...sections].sort((x, y) => (x.paragraphs[0] ?? '').localeCompare(y.paragraphs[0] ?? ''))).overlaps(),
    ).toEqual(full);
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
      const expected = findOverlaps({
        sections: [...current].map(([sectionId, p]) => ({ id: sectionId, paragraphs: p })),
      });
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
      const expected = findOverlaps({
        sections: [...current].map(([sectionId, p]) => ({ id: sectionId, paragraphs: p })),
      });
      expect(index.overlaps(), `after edit ${edit} (${kind} in ${id})`).toEqual(expected);
    }
  });

  it('forgets the overlaps of a removed section, and finds them again when it comes back', () => {
    const index = indexOf(sections);
    const removed = sections[2];
    if (!removed) throw new Error('test plan too small');
    index.removeSection(removed.id);
    const without = findOverlaps({ sections: sections.filter((section) => section !== removed) });
    expect(without.some(({ a, b }) => a.section === removed.id || b.section === removed.id)).toBe(false);
    expect(index.overlaps()).toEqual(without);
    index.setSection(removed.id, removed.paragraphs);
    expect(index.overlaps()).toEqual(full);
  });

  it('equals a full analysis while the plan grows past the sizes at which every weight changes', () => {
    // Paragraph counts of 76 and 108 are where the weight scale (twice log2 of the count, rounded) steps.
    const prepared = withTranslations(randomPlan(5, 4, 30));
    const index = new OverlapIndex();
    const current = prepared.map((section) => ({
      id: section.id,
      paragraphs: [] as PreparedSection['paragraphs'][number][],
    }));
    for (let step = 0; step < 120; step++) {
      const section = current[step % current.length]!;
      section.paragraphs.push(prepared[step % prepared.length]!.paragraphs[Math.floor(step / prepared.length)]!);
      index.setSection(section.id, section.paragraphs);
      if (step % 3 === 0 || (step > 70 && step < 115))
        expect(index.overlaps(), `at ${step + 1} paragraphs`).toEqual(findOverlaps({ sections: current }));
    }
    expect(index.overlaps().length).toBeGreaterThan(0);
  });

  it('setting a section to the same text again changes nothing', () => {
    const index = indexOf(sections);
    for (const section of sections) index.setSection(section.id, section.paragraphs);
    expect(index.overlaps()).toEqual(full);
  });
});
