import { AppError } from '../errors';
import { groupBy } from './group-by';
import { paragraphTerms, prepared, READINGS, type ParagraphTerms } from './paragraph-terms';
import { diceForScore, pairScore } from './pair-score';
import { compareRefs, sortOverlaps } from './sort-overlaps';
import { evidencePrior, termWeight, weightScale } from './term-weight';
import type { Overlap, OverlapKind, OverlapOptions, ParagraphRef, PreparedParagraph } from './types';

/** Chosen on the tuning part of tests/fixtures/overlap-eval; see OverlapOptions.threshold. */
export const DEFAULT_THRESHOLD = 0.5;

/** An indexed paragraph; `slot` is its place in the postings and the per-paragraph arrays. */
type Entry = {
  readonly slot: number;
  ref: ParagraphRef;
  /** The paragraph's identity: its text, language and translations; an equal identity is the same entry. */
  readonly identity: string;
  readonly terms: ParagraphTerms;
  readonly termIds: readonly number[];
};

type Found = { readonly score: number; readonly kind: OverlapKind };

const round = (score: number): number => Math.round(score * 1000) / 1000;

const identityOf = (p: PreparedParagraph): string =>
  `${p.language}\u0000${p.text}\u0000${Object.entries(p.translations ?? {})
    .filter(([language]) => language !== p.language)
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([language, text]) => `${language}\u0001${text}`)
    .join('\u0000')}`;

/**
 * Overlaps of a plan kept up to date section by section. Terms are weighed by how rare they are in the
 * plan (IDF), so that words every proposal of the plan uses count little; the weight of a term changes
 * only when its paragraph count crosses a power of √2 (see term-weight.ts). Setting a section compares
 * its new and changed paragraphs with the others through an inverted index, and compares again only the
 * paragraphs holding a term whose weight changed — a handful, usually — so the result always equals a
 * full analysis of the current text, whatever the history of edits.
 */
export class OverlapIndex {
  private readonly threshold: number;
  private readonly sections = new Map<string, readonly Entry[]>();
  private readonly termIds = new Map<string, number>();
  /** Per term id: its reading (index), whether it is generic vocabulary, and how many paragraphs hold it. */
  private readonly termReading: number[] = [];
  private readonly termGeneric: boolean[] = [];
  private readonly termCount: number[] = [];
  /** For each term id, the slots of the indexed paragraphs that contain it. */
  private readonly postings: number[][] = [];
  private readonly entries: (Entry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Paragraphs counted in the term weights. */
  private paragraphCount = 0;
  /** Overlaps by slot, both ways. */
  private readonly found = new Map<number, Map<number, Found>>();
  /** Shared weight per reading and slot while one paragraph is matched; all zeros in between. */
  private shared = new Int32Array(0);
  /** Slots already in the list of those touched while one paragraph is matched. */
  private marks = new Uint8Array(0);
  /** Each slot's total weight per reading. */
  private totals = new Int32Array(0);
  /** Each slot's readings (bit mask) and section (a number per section id), at hand in the hot loop. */
  private slotReadings = new Uint8Array(0);
  private slotSection = new Int32Array(0);
  private readonly sectionNumbers = new Map<string, number>();
  /** Each slot's text as a number: equal numbers are copies, which score 1 whatever their translations. */
  private slotCopy = new Int32Array(0);
  /** Per text held: its number and how many paragraphs hold it (forgotten at zero, so edits do not pile up). */
  private readonly copyNumbers = new Map<string, { number: number; held: number }>();
  private nextCopy = 0;
  /** Below this mean Dice no pair can reach the threshold. */
  private readonly diceFloor: number;

  constructor(options: OverlapOptions = {}) {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (!(threshold > 0 && threshold <= 1))
      throw new AppError('invalid', `threshold must be in (0, 1], got ${threshold}`);
    this.threshold = threshold;
    // A hair under the exact inverse, so that rounding never drops a pair the full score would keep.
    this.diceFloor = diceForScore(threshold) * (1 - 1e-9);
  }

  /**
   * Adds a section or replaces its paragraphs. Paragraphs whose text (and translations) are unchanged
   * keep their entries and overlaps; new and changed ones are compared with the other sections.
   */
  setSection(id: string, paragraphs: readonly (string | PreparedParagraph)[]): void {
    this.setSections([{ id, paragraphs }]);
  }

  /**
   * Sets several sections at once: their paragraphs are counted into the weights together and compared
   * once, where setting them one by one would re-weigh and compare again whatever each one shifts.
   * A full analysis, or a server's first, sets every section this way.
   */
  setSections(sections: readonly { id: string; paragraphs: readonly (string | PreparedParagraph)[] }[]): void {
    if (new Set(sections.map((section) => section.id)).size !== sections.length)
      throw new AppError('invalid', 'A section is set twice at once');
    const removed: Entry[] = [];
    const added: Entry[] = [];
    for (const { id, paragraphs } of sections) {
      const incoming = paragraphs.map((paragraph) => prepared(paragraph));
      const unused = groupBy(this.sections.get(id) ?? [], (entry) => entry.identity);
      const identities = incoming.map(identityOf);
      // In order, so that repeated paragraphs pair up with their old entries one by one.
      const reused = identities.map((identity) => unused.get(identity)?.shift());
      removed.push(...[...unused.values()].flat());
      const entries = incoming.flatMap((paragraph, index) => {
        const ref = { section: id, paragraph: index };
        const old = reused[index];
        if (old) {
          old.ref = ref;
          return [old];
        }
        const terms = paragraphTerms(paragraph);
        if (!terms) return [];
        const entry = this.createEntry(ref, identities[index]!, terms);
        added.push(entry);
        return [entry];
      });
      if (entries.length) this.sections.set(id, entries);
      else this.sections.delete(id);
    }
    this.update(removed, added);
  }

  removeSection(id: string): void {
    const entries = this.sections.get(id);
    if (!entries) return;
    this.sections.delete(id);
    this.update(entries, []);
  }

  /** Every overlap of the plan, by score (highest first), then by paragraph. */
  overlaps(): Overlap[] {
    const all: Overlap[] = [];
    for (const [slot, partners] of this.found) {
      const x = this.entries[slot]!;
      for (const [other, { score, kind }] of partners) {
        if (other < slot) continue;
        const y = this.entries[other]!;
        const [a, b] = compareRefs(x.ref, y.ref) < 0 ? [x.ref, y.ref] : [y.ref, x.ref];
        all.push({ a, b, score: round(score), kind });
      }
    }
    return sortOverlaps(all);
  }

  /**
   * Takes out the removed paragraphs and brings in the added ones. Terms whose paragraph count changes
   * may change weight; every indexed paragraph holding one of those is matched again, as are the added.
   */
  private update(removed: readonly Entry[], added: readonly Entry[]): void {
    const scaleBefore = weightScale(this.paragraphCount);
    const touched = new Set<number>();
    const weightsBefore = new Map<number, number>();
    const note = (entry: Entry) => {
      for (const id of entry.termIds) {
        if (!weightsBefore.has(id)) weightsBefore.set(id, this.weight(id));
        touched.add(id);
      }
    };
    for (const entry of removed) note(entry);
    for (const entry of added) note(entry);
    for (const entry of removed) this.release(entry);
    for (const entry of added) for (const id of entry.termIds) this.termCount[id]!++;
    this.paragraphCount += added.length - removed.length;

    let again: Entry[];
    if (weightScale(this.paragraphCount) !== scaleBefore) {
      // Every weight moved: compare everything again, as a full analysis does.
      const fresh = new Set(added);
      again = [...this.sections.values()].flat().filter((entry) => !fresh.has(entry));
    } else {
      const slots = new Set<number>();
      for (const id of touched) {
        if (this.weight(id) === weightsBefore.get(id)) continue;
        for (const slot of this.postings[id]!) slots.add(slot);
      }
      again = [...slots].map((slot) => this.entries[slot]!);
    }
    for (const entry of again) this.unindex(entry);
    // In slot order, so that the same plan is matched in the same order; new paragraphs last.
    const queue = [...again.sort((x, y) => x.slot - y.slot), ...added];
    for (const entry of queue) {
      this.computeTotals(entry);
      this.match(entry);
      this.index(entry);
    }
  }

  private weight(id: number): number {
    return termWeight(this.termCount[id]!, this.paragraphCount, this.termGeneric[id]!);
  }

  private createEntry(ref: ParagraphRef, identity: string, terms: ParagraphTerms): Entry {
    const termIds = terms.terms.map((term) => {
      let id = this.termIds.get(term.key);
      if (id === undefined) {
        id = this.postings.push([]) - 1;
        this.termIds.set(term.key, id);
        this.termReading.push(term.reading);
        this.termGeneric.push(term.generic);
        this.termCount.push(0);
      }
      return id;
    });
    const slot = this.freeSlots.pop() ?? this.entries.push(undefined) - 1;
    const entry = { slot, ref, identity, terms, termIds };
    this.entries[slot] = entry;
    if (this.totals.length < this.entries.length * READINGS) {
      const size = this.entries.length * 2 * READINGS;
      const totals = new Int32Array(size);
      totals.set(this.totals);
      this.totals = totals;
      this.shared = new Int32Array(size);
      this.marks = new Uint8Array(size / READINGS);
      const readings = new Uint8Array(size / READINGS);
      readings.set(this.slotReadings);
      this.slotReadings = readings;
      const sections = new Int32Array(size / READINGS);
      sections.set(this.slotSection);
      this.slotSection = sections;
      const copies = new Int32Array(size / READINGS);
      copies.set(this.slotCopy);
      this.slotCopy = copies;
    }
    let copy = this.copyNumbers.get(terms.copyText);
    if (!copy) this.copyNumbers.set(terms.copyText, (copy = { number: this.nextCopy++, held: 0 }));
    copy.held++;
    this.slotCopy[slot] = copy.number;
    this.slotReadings[slot] = terms.readings;
    let section = this.sectionNumbers.get(ref.section);
    if (section === undefined) this.sectionNumbers.set(ref.section, (section = this.sectionNumbers.size));
    this.slotSection[slot] = section;
    return entry;
  }

  private computeTotals(entry: Entry): void {
    const base = entry.slot * READINGS;
    this.totals.fill(0, base, base + READINGS);
    for (const id of entry.termIds) this.totals[base + this.termReading[id]!]! += this.weight(id);
  }

  private index(entry: Entry): void {
    for (const id of entry.termIds) this.postings[id]!.push(entry.slot);
  }

  private unindex(entry: Entry): void {
    for (const id of entry.termIds) {
      const slots = this.postings[id]!;
      slots.splice(slots.indexOf(entry.slot), 1);
    }
    this.forget(entry.slot);
  }

  /** Removes a paragraph for good: out of the postings, the counts and its overlaps. */
  private release(entry: Entry): void {
    this.unindex(entry);
    const copy = this.copyNumbers.get(entry.terms.copyText)!;
    if (--copy.held === 0) this.copyNumbers.delete(entry.terms.copyText);
    for (const id of entry.termIds) this.termCount[id]!--;
    this.entries[entry.slot] = undefined;
    this.freeSlots.push(entry.slot);
  }

  private forget(slot: number): void {
    for (const other of this.found.get(slot)?.keys() ?? []) this.found.get(other)?.delete(slot);
    this.found.delete(slot);
  }

  /** Overlaps of one paragraph with the indexed ones; only those sharing a term are weighed. */
  private match(entry: Entry): void {
    const { shared, marks, postings, termReading, totals, slotReadings, slotSection, slotCopy } = this;
    const touched: number[] = [];
    // The hot loop of a full analysis: plain indexed loops over arrays of numbers.
    for (const id of entry.termIds) {
      const weight = this.weight(id);
      const reading = termReading[id]!;
      const slots = postings[id]!;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (marks[slot] === 0) {
          marks[slot] = 1;
          touched.push(slot);
        }
        shared[slot * READINGS + reading]! += weight;
      }
    }
    const aAt = entry.slot * READINGS;
    const mine = entry.terms.readings;
    const section = slotSection[entry.slot]!;
    const copy = slotCopy[entry.slot]!;
    const prior = evidencePrior(this.paragraphCount);
    for (const slot of touched) {
      const sharedAt = slot * READINGS;
      marks[slot] = 0;
      // A section's paragraphs are not compared with each other (those kept stay indexed while it changes).
      if (slotSection[slot] === section) {
        shared.fill(0, sharedAt, sharedAt + READINGS);
        continue;
      }
      // The mean Dice bounds the score from above: most pairs stop at this cheap test.
      const common = mine & slotReadings[slot]!;
      let dice = 0;
      let count = 0;
      for (let reading = 0; reading < READINGS; reading++) {
        if ((common & (1 << reading)) === 0) continue;
        dice += (2 * shared[sharedAt + reading]!) / (totals[aAt + reading]! + totals[sharedAt + reading]! + prior);
        count++;
      }
      if ((count > 0 && dice / count >= this.diceFloor) || slotCopy[slot] === copy) {
        const result = pairScore(entry.terms, this.entries[slot]!.terms, {
          shared,
          sharedAt,
          totals,
          aAt,
          bAt: sharedAt,
          prior,
        });
        if (result && result.score >= this.threshold) this.record(entry.slot, slot, result);
      }
      shared.fill(0, sharedAt, sharedAt + READINGS);
    }
  }

  private record(x: number, y: number, found: Found): void {
    for (const [from, to] of [
      [x, y],
      [y, x],
    ] as const) {
      let partners = this.found.get(from);
      if (!partners) this.found.set(from, (partners = new Map()));
      partners.set(to, found);
    }
  }
}
