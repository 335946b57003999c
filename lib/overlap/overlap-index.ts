import { AppError } from '../errors';
import { extractFeatures, type ParagraphFeatures } from './features';
import { groupBy } from './group-by';
import { similarity } from './similarity';
import { compareRefs, sortOverlaps } from './sort-overlaps';
import type { Overlap, OverlapOptions, ParagraphRef } from './types';

/** Chosen on the labelled pairs of tests/fixtures/overlap; see OverlapOptions.threshold. */
export const DEFAULT_THRESHOLD = 0.55;

/** An indexed paragraph; `slot` is its place in the postings and the per-paragraph arrays. */
type Entry = {
  readonly slot: number;
  readonly ref: ParagraphRef;
  readonly text: string;
  readonly features: ParagraphFeatures;
  readonly termIds: readonly number[];
};

const round = (score: number): number => Math.round(score * 1000) / 1000;

/**
 * Overlaps of a plan kept up to date section by section. Setting a section compares it with the
 * others through an inverted index from terms to paragraphs, so an edit re-analyses one section rather
 * than the plan. A pair's score depends on its two paragraphs only and the candidate search is exact
 * (every pair that shares a term gets its shared weight summed), so the result equals a full analysis
 * of the current text whatever the history of edits.
 */
export class OverlapIndex {
  private readonly threshold: number;
  private readonly sections = new Map<string, readonly Entry[]>();
  /** Overlaps between two sections, stored under both ids; the list is shared. */
  private readonly pairs = new Map<string, Map<string, readonly Overlap[]>>();
  private readonly termIds = new Map<string, number>();
  private readonly termWeights: number[] = [];
  /** For each term id, the slots of the indexed paragraphs that contain it. */
  private readonly postings: number[][] = [];
  private readonly entries: (Entry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Shared weight per slot while one paragraph is matched; all zeros in between. */
  private accumulator = new Int32Array(0);
  /** Each slot's total weight, at hand for the cheap first test of every candidate. */
  private slotWeights = new Int32Array(0);

  constructor(options: OverlapOptions = {}) {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (!(threshold > 0 && threshold <= 1)) throw new AppError('invalid', `threshold must be in (0, 1], got ${threshold}`);
    this.threshold = threshold;
  }

  /**
   * Adds a section or replaces its text. Paragraphs whose text is unchanged keep their entries and their
   * overlaps (a pair's score depends on its two texts only); the new and changed ones are compared with
   * the other sections. A delegation typing changes one paragraph at a time, so in a plenary where every
   * section changed since the last analysis, each costs one paragraph's comparison, not its whole text's.
   */
  setSection(id: string, paragraphs: readonly string[]): void {
    const unused = groupBy(this.sections.get(id) ?? [], (entry) => entry.text);
    // In order, so that repeated texts pair up with their old entries one by one.
    const reused = paragraphs.map((text) => unused.get(text)?.shift());
    for (const entries of unused.values()) for (const entry of entries) this.unindex(entry);
    const moved = new Map<number, number>();
    const added: Entry[] = [];
    const entries = paragraphs.flatMap((text, paragraph) => {
      const ref = { section: id, paragraph };
      const old = reused[paragraph];
      if (old) {
        moved.set(old.ref.paragraph, paragraph);
        const entry = { ...old, ref };
        this.entries[old.slot] = entry;
        return [entry];
      }
      const features = extractFeatures(text);
      if (!features) return [];
      const entry = this.createEntry(ref, text, features);
      added.push(entry);
      return [entry];
    });
    // Matched before any is indexed, so new paragraphs of one section are never compared with each other.
    const found = added.flatMap((entry) => this.match(entry));
    for (const entry of added) this.index(entry);
    this.sections.set(id, entries);
    this.updatePairs(id, moved, found);
  }

  /** The section's overlaps: those of paragraphs kept (renumbered), and those just found. */
  private updatePairs(id: string, moved: ReadonlyMap<number, number>, found: readonly Overlap[]): void {
    const renumber = (ref: ParagraphRef): ParagraphRef => (ref.section === id ? { section: id, paragraph: moved.get(ref.paragraph)! } : ref);
    const byOther = new Map<string, Overlap[]>();
    for (const [other, list] of this.pairs.get(id) ?? []) {
      const kept = list.filter((overlap) => moved.has((overlap.a.section === id ? overlap.a : overlap.b).paragraph));
      byOther.set(other, kept.map((overlap) => ({ ...overlap, a: renumber(overlap.a), b: renumber(overlap.b) })));
    }
    for (const overlap of found) {
      const other = (overlap.a.section === id ? overlap.b : overlap.a).section;
      const list = byOther.get(other);
      if (list) list.push(overlap);
      else byOther.set(other, [overlap]);
    }
    const mine = new Map<string, readonly Overlap[]>();
    for (const [other, list] of byOther) {
      if (!list.length) {
        this.pairs.get(other)?.delete(id);
        continue;
      }
      mine.set(other, list);
      this.pairs.get(other)?.set(id, list);
    }
    this.pairs.set(id, mine);
  }

  removeSection(id: string): void {
    const entries = this.sections.get(id);
    if (!entries) return;
    for (const entry of entries) this.unindex(entry);
    for (const other of this.pairs.get(id)?.keys() ?? []) this.pairs.get(other)?.delete(id);
    this.pairs.delete(id);
    this.sections.delete(id);
  }

  /** Every overlap of the plan, by score (highest first), then by paragraph. */
  overlaps(): Overlap[] {
    const all: Overlap[] = [];
    for (const [id, byOther] of this.pairs) {
      for (const [other, list] of byOther) if (id < other) all.push(...list);
    }
    return sortOverlaps(all);
  }

  private createEntry(ref: ParagraphRef, text: string, features: ParagraphFeatures): Entry {
    const termIds = [...features.terms].map(([term, weight]) => this.termId(term, weight));
    const slot = this.freeSlots.pop() ?? this.entries.push(undefined) - 1;
    return { slot, ref, text, features, termIds };
  }

  private termId(term: string, weight: number): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.push([]) - 1;
      this.termIds.set(term, id);
      this.termWeights.push(weight);
    }
    return id;
  }

  private index(entry: Entry): void {
    if (this.slotWeights.length < this.entries.length) {
      const size = this.entries.length * 2;
      this.accumulator = new Int32Array(size);
      this.slotWeights = Int32Array.from({ length: size }, (_, slot) => this.slotWeights[slot] ?? 0);
    }
    this.entries[entry.slot] = entry;
    this.slotWeights[entry.slot] = entry.features.weight;
    for (const id of entry.termIds) this.postings[id]?.push(entry.slot);
  }

  private unindex(entry: Entry): void {
    for (const id of entry.termIds) {
      const slots = this.postings[id];
      slots?.splice(slots.indexOf(entry.slot), 1);
    }
    this.entries[entry.slot] = undefined;
    this.freeSlots.push(entry.slot);
  }

  /** Overlaps of one new paragraph with the indexed ones; only those sharing a term are weighed. */
  private match(entry: Entry): Overlap[] {
    const { accumulator, postings, termWeights, slotWeights, threshold } = this;
    const { weight } = entry.features;
    const touched: number[] = [];
    // The hot loop of a full analysis: plain indexed loops over arrays of numbers.
    for (const id of entry.termIds) {
      const termWeight = termWeights[id] ?? 0;
      const slots = postings[id] ?? [];
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] ?? 0;
        const sum = accumulator[slot] ?? 0;
        if (sum === 0) touched.push(slot);
        accumulator[slot] = sum + termWeight;
      }
    }
    const found: Overlap[] = [];
    for (const slot of touched) {
      const shared = accumulator[slot] ?? 0;
      accumulator[slot] = 0;
      // The score never exceeds shared / smaller weight, which costs nothing to test.
      if (shared < threshold * Math.min(weight, slotWeights[slot] ?? 0)) continue;
      const other = this.entries[slot];
      // A section's paragraphs are not compared with each other (those kept stay indexed while it changes).
      if (!other || other.ref.section === entry.ref.section) continue;
      const overlap = this.compare(entry, other, shared);
      if (overlap) found.push(overlap);
    }
    return found;
  }

  private compare(entry: Entry, other: Entry, shared: number): Overlap | null {
    const { score, kind } = similarity(entry.features, other.features, shared);
    if (score < this.threshold) return null;
    const [a, b] = compareRefs(entry.ref, other.ref) < 0 ? [entry.ref, other.ref] : [other.ref, entry.ref];
    return { a, b, score: round(score), kind };
  }
}
