import { describe, expect, it } from 'vitest';
import { markMoves, type MovedPlace } from '../../lib/versions/find-moves';

const section = (number: number, added: string[], removed: string[]) => ({
  sectionId: `s${number}`,
  number,
  title: `Section ${number}`,
  added: added.map((text): { text: string; moved?: MovedPlace } => ({ text })),
  removed: removed.map((text): { text: string; moved?: MovedPlace } => ({ text })),
});

describe('moved passages between two versions', () => {
  it('pairs a removed passage with its words added elsewhere, a word changed on the way', () => {
    const sections = [
      section(1, [], ['States shall exchange police curricula every year.']),
      section(2, ['States should exchange police curricula every year.'], []),
    ];
    markMoves(sections);
    expect(sections[0]!.removed[0]!.moved).toEqual({ sectionId: 's2', number: 2, title: 'Section 2', partly: false });
    expect(sections[1]!.added[0]!.moved).toEqual({ sectionId: 's1', number: 1, title: 'Section 1', partly: false });
  });

  it('leaves passages that share common words in another order, and short ones, as they are', () => {
    const sections = [
      section(1, [], ['the police of the region and the states', 'of the region']),
      section(2, ['the states and the region of the police', 'of the region'], []),
    ];
    markMoves(sections);
    expect(sections.flatMap((s) => [...s.added, ...s.removed]).filter((p) => p.moved)).toEqual([]);
  });

  it('pairs each passage once, the closest match first', () => {
    const sections = [
      section(1, [], ['Each state names a national focal point for victims.']),
      section(2, ['Each state names a national focal point for victims.'], []),
      section(3, ['Each state names a focal point for victims.'], []),
    ];
    markMoves(sections);
    expect(sections[0]!.removed[0]!.moved?.sectionId).toBe('s2');
    expect(sections[2]!.added[0]!.moved).toBeUndefined();
  });
});
