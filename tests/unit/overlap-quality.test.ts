import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findOverlaps } from '../../lib/overlap';

/*
 * Hand-written pairs of proposals in the style of a citizen-security plan of action, labelled by
 * whether a chair would treat them as the same proposal. Positives: copies, small edits, paraphrases,
 * reordered clauses, containment. Negatives: same topic but a different action, and unrelated pairs.
 */
const pairSchema = z.object({
  id: z.string(),
  lang: z.enum(['en', 'es', 'pt', 'fr']),
  overlap: z.boolean(),
  kind: z.enum(['copy', 'edit', 'paraphrase', 'reordered', 'containment', 'different-action', 'unrelated']),
  a: z.string().min(1),
  b: z.string().min(1),
});
const pairs = z.array(pairSchema).parse(JSON.parse(readFileSync(new URL('../fixtures/overlap/pairs.json', import.meta.url), 'utf8')));

const detected = (a: string, b: string) =>
  findOverlaps({ sections: [{ id: 'a', paragraphs: [a] }, { id: 'b', paragraphs: [b] }] }).length > 0;

describe('overlap detection on the labelled pairs', () => {
  it('has a labelled set large and varied enough to mean something', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(120);
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
    expect(new Set(pairs.map((pair) => pair.lang))).toEqual(new Set(['en', 'es', 'pt', 'fr']));
    expect(pairs.filter((pair) => pair.kind === 'different-action').length).toBeGreaterThanOrEqual(40);
  });

  it('reaches precision ≥ 0.9 and recall ≥ 0.85', () => {
    const results = pairs.map((pair) => ({ ...pair, found: detected(pair.a, pair.b) }));
    const truePositives = results.filter((r) => r.found && r.overlap).length;
    const falsePositives = results.filter((r) => r.found && !r.overlap);
    const misses = results.filter((r) => !r.found && r.overlap);
    const precision = truePositives / (truePositives + falsePositives.length);
    const recall = truePositives / (truePositives + misses.length);
    console.log(
      `overlap quality: ${pairs.length} pairs, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        ` (false positives: ${falsePositives.map((r) => r.id).join(' ') || 'none'}; misses: ${misses.map((r) => r.id).join(' ') || 'none'})`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
