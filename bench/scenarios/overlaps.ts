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
  /**
   * A plenary: one paragraph of every section edited since the last analysis (the server analyses at most
   * every few seconds while people type), then back, in turn.
   */
  plenary: Timing[];
  /** The index, after the edits, reports exactly what a full analysis of the edited plan reports. */
  incrementalMatchesFull: boolean;
  summary: {
    fullWallMs: number;
    fullCpuMs: number;
    incrementalWallMs: number;
    incrementalCpuMs: number;
    plenaryWallMs: number;
    plenaryCpuMs: number;
  };
};

/**
 * Concordia only: overlap detection (lib/overlap) on the synthetic plan, a full analysis and the
 * re-analysis after one section, or every section, was edited. It runs in the bench's own process: a computation, no server.
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
  const edited = new Map(plan.map((s) => [s.id, withOneParagraphEdited(s.paragraphs)]));
  const changed = plan[Math.floor(plan.length / 2)]!;
  const incremental = Array.from({ length: options.runs }, (_, run) =>
    time(() => {
      index.setSection(changed.id, run % 2 === 0 ? edited.get(changed.id)! : changed.paragraphs);
      return index.overlaps();
    }),
  );
  // Every delegation typing: each section has one paragraph changed.
  const plenary = Array.from({ length: options.runs }, (_, run) =>
    time(() => {
      for (const s of plan) index.setSection(s.id, run % 2 === 0 ? edited.get(s.id)! : s.paragraphs);
      return index.overlaps();
    }),
  );
  for (const s of plan) index.setSection(s.id, edited.get(s.id)!);
  const editedPlan: PlanSection[] = plan.map((s) => ({ id: s.id, paragraphs: edited.get(s.id)! }));
  const m = (timings: Timing[], field: keyof Timing) => round(median(timings.map((t) => t[field])));
  return {
    sections: plan.length,
    paragraphs: plan.reduce((n, s) => n + s.paragraphs.length, 0),
    words: words.length,
    distinctWords: new Set(words).size,
    overlaps: found.length,
    full,
    incremental,
    plenary,
    incrementalMatchesFull: JSON.stringify(index.overlaps()) === JSON.stringify(findOverlaps({ sections: editedPlan })),
    summary: {
      fullWallMs: m(full, 'wallMs'),
      fullCpuMs: m(full, 'cpuMs'),
      incrementalWallMs: m(incremental, 'wallMs'),
      incrementalCpuMs: m(incremental, 'cpuMs'),
      plenaryWallMs: m(plenary, 'wallMs'),
      plenaryCpuMs: m(plenary, 'cpuMs'),
    },
  };
}

/** The paragraphs with a sentence added to the fourth (or the last, in a short section). */
function withOneParagraphEdited(paragraphs: readonly string[]): readonly string[] {
  const at = Math.min(3, paragraphs.length - 1);
  return paragraphs.map((text, i) => (i === at ? `${text} ${sentence(prng(7))}` : text));
}

function time(run: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: round(performance.now() - start, 2), cpuMs: round((used.user + used.system) / 1000, 2) };
}
