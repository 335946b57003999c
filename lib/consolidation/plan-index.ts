import { OverlapIndex, type Overlap } from '../overlap';

type Indexed = { index: OverlapIndex; paragraphs: Map<string, readonly string[]> };

const KEY = Symbol.for('concordia.overlapIndexes');

/**
 * Overlaps of a plan's current text, re-analysing only the sections whose paragraphs changed since
 * the last call: a large plan is compared in full once, then section by section as people type.
 * The index gives the same result as a full analysis (see OverlapIndex).
 */
export function currentOverlaps(planId: string, sections: ReadonlyMap<string, readonly string[]>): Overlap[] {
  const holder = globalThis as { [KEY]?: Map<string, Indexed> };
  const indexes: Map<string, Indexed> = (holder[KEY] ??= new Map());
  let indexed = indexes.get(planId);
  if (!indexed) {
    indexed = { index: new OverlapIndex(), paragraphs: new Map() };
    indexes.set(planId, indexed);
  }
  for (const id of indexed.paragraphs.keys()) {
    if (sections.has(id)) continue;
    indexed.index.removeSection(id);
    indexed.paragraphs.delete(id);
  }
  const changed = [...sections].filter(([id, paragraphs]) => {
    const before = indexed.paragraphs.get(id);
    return !before || before.length !== paragraphs.length || before.some((p, i) => p !== paragraphs[i]);
  });
  // All at once: the terms they bring are weighed together and each paragraph compared once.
  indexed.index.setSections(changed.map(([id, paragraphs]) => ({ id, paragraphs })));
  for (const [id, paragraphs] of changed) indexed.paragraphs.set(id, paragraphs);
  return indexed.index.overlaps();
}
