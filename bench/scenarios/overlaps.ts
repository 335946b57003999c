import { translationConfig } from '../../lib/env';
import { OverlapThread } from '../../lib/consolidation/overlap-thread';
import pino from 'pino';
import { findOverlaps, OverlapIndex, preparePlan, type Overlap, type PreparedSection } from '../../lib/overlap';
import type { TextLanguage } from '../../lib/shared/text-languages';
import { createTranslator } from '../../lib/translation';
import { multilingualPlan, wordsThroughApertium, type MultilingualSection } from '../multilingual-plan';
import { planWords } from '../plan-text';
import { median, round } from '../stats';
import { waitForQuiet, type Context } from './context';

/** Wall-clock and CPU milliseconds of one analysis; CPU time says more when other processes share the cores. */
export type Timing = { wallMs: number; cpuMs: number };
export type ThreadTiming = { wallMs: number; loopBlockedMs: number };

export type OverlapsResult = {
  sections: number;
  sectionsByLanguage: Partial<Record<TextLanguage, number>>;
  paragraphs: number;
  words: number;
  distinctWords: number;
  /** Overlaps a full analysis finds in the plan, planted copies and translations among them. */
  overlaps: number;
  /** Of those, between sections of different languages. */
  crossLanguageOverlaps: number;
  /** Why paragraphs of different languages were not compared (no Apertium); null when they were. */
  translationOff: string | null;
  /** The first analysis, as a server that has never translated the plan does it: cold pipelines, empty caches. */
  first: {
    wallMs: number;
    /** Every paragraph translated into Spanish and English (the others' words twice, through Spanish). */
    translationWallMs: number;
    comparisonWallMs: number;
    wordsTranslated: number;
    /** Words through Apertium per second of translation; null without translation. */
    wordsPerSecond: number | null;
  };
  /** Full analyses with the translations in memory (a restarted server reads them from Postgres). */
  full: Timing[];
  /**
   * One paragraph of one section edited (a new sentence each run, so it is translated each time): the
   * section prepared again — the other paragraphs' translations come from memory — and re-compared.
   */
  incremental: Timing[];
  /**
   * A plenary: one paragraph of every section edited since the last analysis (the server analyses at most
   * every few seconds while people type), each translated, then all re-compared.
   */
  plenary: Timing[];
  /** The index, after the edits, reports exactly what a full analysis of the edited plan reports. */
  incrementalMatchesFull: boolean;
  /**
   * The same on the server's overlap thread (lib/consolidation/overlap-thread.ts), as the server runs it:
   * the first analysis from cold, then one paragraph changed; `loopBlockedMs`, the longest this event
   * loop went without running a 5 ms timer meanwhile (what every collaboration room would wait).
   */
  thread: { first: ThreadTiming; incremental: ThreadTiming[]; matchesInProcess: boolean };
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
 * Concordia only: overlap detection (lib/overlap) on a plan in the four languages, analysed as the app
 * analyses it, machine translation included: a first analysis from cold, full analyses with translations
 * cached, and the re-analysis after one paragraph of one section, or of every section, was edited. It
 * runs in the bench's own process, with Apertium's pipelines as its children: a computation, no server.
 */
export async function runOverlaps(context: Context): Promise<OverlapsResult> {
  const { plan: size, overlaps: options } = context.options;
  const config = translationConfig();
  const setup = createTranslator({ config });
  const status = await setup.status('fr', 'pt');
  let plan: MultilingualSection[];
  try {
    plan = await multilingualPlan(size, status.available ? setup : null);
  } finally {
    setup.close();
  }
  const translator = createTranslator({ config });
  try {
    const words = planWords(plan);
    await waitForQuiet(context);
    context.log(`overlaps: ${size.sections} sections × ${size.words} words in four languages, ${options.runs} runs`);
    const start = performance.now();
    const prepared = await preparePlan({ sections: plan }, translator);
    const translated = performance.now();
    const found = findOverlaps(prepared);
    const end = performance.now();
    const full = Array.from({ length: options.runs }, () => time(() => findOverlaps(prepared)));

    const index = new OverlapIndex();
    index.setSections(prepared.sections);
    const current = new Map<string, PreparedSection>(prepared.sections.map((s) => [s.id, s]));
    const edit = async (sections: readonly MultilingualSection[], run: number) => {
      const edited = sections.map((s) => ({
        id: s.id,
        lang: s.lang,
        paragraphs: withOneParagraphEdited(s.paragraphs, run),
      }));
      const { sections: changed } = await preparePlan({ sections: edited }, translator);
      index.setSections(changed);
      for (const section of changed) current.set(section.id, section);
      return index.overlaps();
    };
    // A coordinator typing in a Portuguese section (or the first one), then every delegation at once.
    const typist = plan.find((s) => s.lang === 'pt') ?? plan[0]!;
    const incremental: Timing[] = [];
    for (let run = 0; run < options.runs; run++) incremental.push(await timeAsync(() => edit([typist], run)));
    const plenary: Timing[] = [];
    for (let run = 0; run < options.runs; run++) plenary.push(await timeAsync(() => edit(plan, options.runs + run)));

    const thread = await onThread(plan, found, options.runs);
    const language = new Map(plan.map((s) => [s.id, s.lang]));
    const wordsTranslated = status.available ? wordsThroughApertium(plan) : 0;
    const m = (timings: Timing[], field: keyof Timing) => round(median(timings.map((t) => t[field])));
    return {
      sections: plan.length,
      sectionsByLanguage: plan.reduce<Partial<Record<TextLanguage, number>>>(
        (n, s) => ({ ...n, [s.lang]: (n[s.lang] ?? 0) + 1 }),
        {},
      ),
      paragraphs: plan.reduce((n, s) => n + s.paragraphs.length, 0),
      words: words.length,
      distinctWords: new Set(words).size,
      overlaps: found.length,
      crossLanguageOverlaps: found.filter((o) => language.get(o.a.section) !== language.get(o.b.section)).length,
      translationOff: prepared.crossLanguage.available ? null : prepared.crossLanguage.reason,
      first: {
        wallMs: round(end - start),
        translationWallMs: round(translated - start),
        comparisonWallMs: round(end - translated),
        wordsTranslated,
        wordsPerSecond: wordsTranslated ? Math.round(wordsTranslated / ((translated - start) / 1000)) : null,
      },
      full,
      incremental,
      plenary,
      incrementalMatchesFull:
        JSON.stringify(index.overlaps()) === JSON.stringify(findOverlaps({ sections: [...current.values()] })),
      thread,
      summary: {
        fullWallMs: m(full, 'wallMs'),
        fullCpuMs: m(full, 'cpuMs'),
        incrementalWallMs: m(incremental, 'wallMs'),
        incrementalCpuMs: m(incremental, 'cpuMs'),
        plenaryWallMs: m(plenary, 'wallMs'),
        plenaryCpuMs: m(plenary, 'cpuMs'),
      },
    };
  } finally {
    translator.close();
  }
}

/**
 * The paragraphs with the fourth (or the last, in a short section) ending in a sentence of the section's
 * own, another each run: new text, which the analysis must translate.
 */
function withOneParagraphEdited(paragraphs: readonly string[], run: number): readonly string[] {
  const at = Math.min(3, paragraphs.length - 1);
  const donor = paragraphs[(at + 1 + run) % paragraphs.length]!.split(/(?<=\.)\s/)[0]!;
  return paragraphs.map((text, i) => (i === at ? `${text} ${donor}` : text));
}

/** The first analysis and incremental ones on an overlap thread of its own, with cold caches and pipelines. */
async function onThread(
  plan: readonly MultilingualSection[],
  found: readonly Overlap[],
  runs: number,
): Promise<OverlapsResult['thread']> {
  const thread = new OverlapThread({ config: translationConfig(), log: pino({ level: 'warn' }) });
  const sections = (edited: number | null) =>
    new Map(plan.map((s) => [s.id, edited === null ? s.paragraphs : withOneParagraphEdited(s.paragraphs, edited)]));
  try {
    const { result, timing: first } = await loopWatched(() => thread.currentOverlaps('bench', sections(null)));
    const incremental: ThreadTiming[] = [];
    // The typist's section only: every other section as before.
    const typist = plan.find((s) => s.lang === 'pt') ?? plan[0]!;
    for (let run = 0; run < runs; run++) {
      const edited = sections(null);
      edited.set(typist.id, withOneParagraphEdited(typist.paragraphs, 100 + run));
      incremental.push((await loopWatched(() => thread.currentOverlaps('bench', edited))).timing);
    }
    return { first, incremental, matchesInProcess: JSON.stringify(result.overlaps) === JSON.stringify(found) };
  } finally {
    await thread.close();
  }
}

async function loopWatched<T>(run: () => Promise<T>): Promise<{ result: T; timing: ThreadTiming }> {
  let last = performance.now();
  let longest = 0;
  const ticks = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  try {
    const result = await run();
    const wallMs = round(performance.now() - start);
    // A block at the very end shows only when the timer next runs.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { result, timing: { wallMs, loopBlockedMs: round(longest, 1) } };
  } finally {
    clearInterval(ticks);
  }
}

function time(run: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: round(performance.now() - start, 2), cpuMs: round((used.user + used.system) / 1000, 2) };
}

async function timeAsync(run: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: round(performance.now() - start, 2), cpuMs: round((used.user + used.system) / 1000, 2) };
}
