import { OverlapIndex, preparePlan, type CrossLanguage, type Overlap } from '../overlap';
import type { Translator } from '../translation';

type Indexed = { index: OverlapIndex; paragraphs: Map<string, readonly string[]> };

const KEY = Symbol.for('concordia.overlapIndexes');

export type CurrentOverlaps = { overlaps: Overlap[]; crossLanguage: CrossLanguage };

/**
 * Overlaps of a plan's current text, re-analysing only the sections whose paragraphs changed since
 * the last call: a large plan is compared in full once, then section by section as people type.
 * Changed paragraphs get their language detected and their translations into the comparison
 * languages (Apertium's processes, one batch per direction, cached in Postgres), as analysePlan does,
 * so the result equals `analysePlan` on the same text. A section whose translation failed is prepared
 * again on the next call rather than kept untranslated.
 */
export async function currentOverlaps(
  planId: string,
  sections: ReadonlyMap<string, readonly string[]>,
  translator: Translator | null,
): Promise<CurrentOverlaps> {
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
  const prepared = await preparePlan({ sections: changed.map(([id, paragraphs]) => ({ id, paragraphs })) }, translator);
  // All at once: the terms they bring are weighed together and each paragraph compared once.
  indexed.index.setSections(prepared.sections);
  const failed = !prepared.crossLanguage.available && prepared.crossLanguage.failed;
  for (const [id, paragraphs] of changed) if (!failed) indexed.paragraphs.set(id, paragraphs);
  return { overlaps: indexed.index.overlaps(), crossLanguage: prepared.crossLanguage };
}
