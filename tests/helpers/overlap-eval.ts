import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Overlap } from '../../lib/overlap';
import { TEXT_LANGUAGES, type TextLanguage } from '../../lib/shared/text-languages';

/*
 * The labelled plans of tests/fixtures/overlap-eval: sections as delegations write them, each paragraph
 * one proposal with its topic, and paragraphs of different sections that carry the same `proposal`
 * key are the overlaps a chair would want found. Every other pair found is a false positive; pairs of
 * the same topic with different proposals are the hard negatives, counted apart.
 */
const paragraphSchema = z.object({ text: z.string().min(1), topic: z.string(), proposal: z.string().optional() });
const planSchema = z.object({
  title: z.string(),
  split: z.enum(['tune', 'held-out']),
  sections: z.array(
    z.object({ id: z.string(), state: z.string(), lang: z.enum(TEXT_LANGUAGES), paragraphs: z.array(paragraphSchema) }),
  ),
});

export type EvalPlan = z.infer<typeof planSchema> & { name: string };

const EVAL_DIR = new URL('../fixtures/overlap-eval/', import.meta.url);
/**
 * Plans written after the method was chosen, never looked at while tuning it: a check that the
 * figures on the held-out part of the set were not reached by tuning to it.
 */
export const FRESH_DIR = new URL('../fixtures/overlap-fresh/', import.meta.url);

export function loadEvalPlans(dir: URL = EVAL_DIR): EvalPlan[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      ...planSchema.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8'))),
    }));
}

type Ref = { section: string; paragraph: number };
const key = (a: Ref, b: Ref) => [`${a.section}:${a.paragraph}`, `${b.section}:${b.paragraph}`].sort().join('|');

/** A paragraph's language: its section's, except in sections that mix languages, where the text shows it. */
function languageOf(plan: EvalPlan, ref: Ref): TextLanguage {
  const section = plan.sections.find((s) => s.id === ref.section)!;
  const text = section.paragraphs[ref.paragraph]!.text;
  // The one mixed section of the set (Canada's, in drugs-cyber) mixes English and French.
  if (section.lang === 'en' && /\b(les|des|du|d'un|qui|sont)\b/.test(text)) return 'fr';
  return section.lang;
}

const pairName = (x: TextLanguage, y: TextLanguage) => [x, y].sort().join('-');

export type Tally = {
  truePositives: number;
  falsePositives: number;
  positives: number;
  hardNegatives: number;
  hardNegativesFound: number;
};
export type EvalResult = {
  /** By language pair ("en-es", "es-es", ...), and "same", "cross" and "all". */
  tallies: Map<string, Tally>;
  falsePositives: string[];
  misses: string[];
};

const emptyTally = (): Tally => ({
  truePositives: 0,
  falsePositives: 0,
  positives: 0,
  hardNegatives: 0,
  hardNegativesFound: 0,
});

/** Scores what a detector found in each plan against the labels. */
export function scorePlans(plans: readonly EvalPlan[], found: ReadonlyMap<string, readonly Overlap[]>): EvalResult {
  const tallies = new Map<string, Tally>();
  const add = (names: string[], field: keyof Tally) => {
    for (const name of names) {
      const tally = tallies.get(name) ?? emptyTally();
      tally[field]++;
      tallies.set(name, tally);
    }
  };
  const falsePositives: string[] = [];
  const misses: string[] = [];
  for (const plan of plans) {
    const refs = plan.sections.flatMap((s) =>
      s.paragraphs.map((p, paragraph) => ({ ref: { section: s.id, paragraph }, p })),
    );
    const groups = (a: Ref, b: Ref) => {
      const [x, y] = [languageOf(plan, a), languageOf(plan, b)];
      return [pairName(x, y), x === y ? 'same' : 'cross', 'all'];
    };
    const positives = new Set<string>();
    const hardNegatives = new Set<string>();
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        const [a, b] = [refs[i]!, refs[j]!];
        if (a.ref.section === b.ref.section) continue;
        if (a.p.proposal && a.p.proposal === b.p.proposal) {
          positives.add(key(a.ref, b.ref));
          add(groups(a.ref, b.ref), 'positives');
        } else if (a.p.topic === b.p.topic) {
          hardNegatives.add(key(a.ref, b.ref));
          add(groups(a.ref, b.ref), 'hardNegatives');
        }
      }
    }
    const foundKeys = new Set<string>();
    for (const overlap of found.get(plan.name) ?? []) {
      const k = key(overlap.a, overlap.b);
      foundKeys.add(k);
      if (positives.has(k)) {
        add(groups(overlap.a, overlap.b), 'truePositives');
      } else {
        add(groups(overlap.a, overlap.b), 'falsePositives');
        if (hardNegatives.has(k)) add(groups(overlap.a, overlap.b), 'hardNegativesFound');
        falsePositives.push(`${plan.name} ${k} ${overlap.score}`);
      }
    }
    for (const k of positives) if (!foundKeys.has(k)) misses.push(`${plan.name} ${k}`);
  }
  return { tallies, falsePositives, misses };
}

export const precision = (t: Tally) =>
  t.truePositives + t.falsePositives === 0 ? 1 : t.truePositives / (t.truePositives + t.falsePositives);
export const recall = (t: Tally) => (t.positives === 0 ? 1 : t.truePositives / t.positives);

/** One line per language pair and for the totals: precision, recall, counts. */
export function formatTallies(tallies: ReadonlyMap<string, Tally>): string {
  const order = [...tallies.keys()].filter((k) => k.includes('-')).sort();
  return [...order, 'same', 'cross', 'all']
    .filter((name) => tallies.has(name))
    .map((name) => {
      const t = tallies.get(name)!;
      return `${name.padEnd(6)} precision ${precision(t).toFixed(3)} recall ${recall(t).toFixed(3)} (${t.truePositives}/${t.positives} found, ${t.falsePositives} false, ${t.hardNegativesFound}/${t.hardNegatives} hard negatives found)`;
    })
    .join('\n');
}
