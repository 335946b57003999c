import { findOverlaps, OverlapIndex, type PlanSection } from '../../lib/overlap';
import { planWords, prng, sentence, syntheticPlan } from '../plan-text';
import { median, round } from '../stats';
import { waitForQuiet, type Context } from './context';

/** Wall-clock and CPU milliseconds of one analysis; CPU time says more when other processes share the cores. */
export type Timing = { wallMs: number; cpuMs: number };

export type OverlapsResult = {
  sections: number;
  paragraphs: number;
  words: number;
  distinctWords: number;
  /** Overlaps a full analysis finds in the plan, planted copies among them. */
  overlaps: number;
  full: Timing[];
  /** One paragraph of one section edited, then back, in turn: the index re-analyses that section only. */
  incremental: Timing[];
  /** The index, after the edit, reports exactly what a full analysis of the edited plan reports. */
  incrementalMatchesFull: boolean;
  summary: { fullWallMs: number; fullCpuMs: number; incrementalWallMs: number; incrementalCpuMs: number };
};

/**
 * Concordia only: overlap detection (lib/overlap) on the synthetic plan, a full analysis and the
 * re-analysis of one edited section. It runs in the bench's own process: a computation, no server.
 */
export async function runOverlaps(context: Context): Promise<OverlapsResult> {
  const { plan: size, overlaps: options } = context.options;
  const plan = syntheticPlan(size);
  const words = planWords(plan);
  await waitForQuiet(context);
  context.log(`overlaps: ${size.sections} sections × ${size.words} words, ${options.runs} runs`);
  const found = findOverlaps({ sections: plan });
  const full = Array.from({ length: options.runs }, () => time(() => findOverlaps({ sections: plan })));

  // A coordinator typing: one paragraph of one section changes, back and forth.
  const index = new OverlapIndex();
  for (const s of plan) index.setSection(s.id, s.paragraphs);
  const changed = plan[Math.floor(plan.length / 2)]!;
  const editedAt = Math.min(3, changed.paragraphs.length - 1);
  const edited = changed.paragraphs.map((text, i) => (i === editedAt ? `${text} ${sentence(prng(7))}` : text));
  const incremental = Array.from({ length: options.runs }, (_, run) =>
    time(() => {
      index.setSection(changed.id, run % 2 === 0 ? edited : changed.paragraphs);
      return index.overlaps();
    }),
  );
  index.setSection(changed.id, edited);
  const editedPlan: PlanSection[] = plan.map((s) => (s === changed ? { id: s.id, paragraphs: edited } : s));
  const m = (timings: Timing[], field: keyof Timing) => round(median(timings.map((t) => t[field])));
  return {
    sections: plan.length,
    paragraphs: plan.reduce((n, s) => n + s.paragraphs.length, 0),
    words: words.length,
    distinctWords: new Set(words).size,
    overlaps: found.length,
    full,
    incremental,
    incrementalMatchesFull: JSON.stringify(index.overlaps()) === JSON.stringify(findOverlaps({ sections: editedPlan })),
    summary: { fullWallMs: m(full, 'wallMs'), fullCpuMs: m(full, 'cpuMs'), incrementalWallMs: m(incremental, 'wallMs'), incrementalCpuMs: m(incremental, 'cpuMs') },
  };
}

function time(run: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: round(performance.now() - start, 2), cpuMs: round((used.user + used.system) / 1000, 2) };
}
