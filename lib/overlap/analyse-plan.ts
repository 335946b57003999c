import type { TextLanguage } from '../shared/text-languages';
import type { Translator } from '../translation';
import { checkSectionIds, sectionParagraphs } from './find-overlaps';
import { OverlapIndex } from './overlap-index';
import { paragraphTerms } from './paragraph-terms';
import type { Overlap, OverlapOptions, PlanText, PreparedParagraph, PreparedSection } from './types';

/**
 * The languages every paragraph is also read in: Spanish, the hub of the translation pairs, and
 * English. Two readings find more paraphrases than one at the same precision (on the tuning plans, a
 * word the translation renders differently in one often meets in the other).
 */
export const COMPARISON_LANGUAGES: readonly TextLanguage[] = ['es', 'en'];

/**
 * Whether paragraphs of different languages were compared, and if not, why (a sentence for the user);
 * `failed`: translation is installed but failed this time (a stalled pipeline), so trying again may work.
 */
export type CrossLanguage =
  { readonly available: true } | { readonly available: false; readonly reason: string; readonly failed?: true };

export type PreparedPlan = { readonly sections: PreparedSection[]; readonly crossLanguage: CrossLanguage };

/**
 * Settles each paragraph's language and attaches its translations into the comparison languages, in
 * one batch per direction (the translator caches them, so a plan prepared again costs a lookup per
 * paragraph). Without a translator, or for a direction it lacks, paragraphs go without, and the reason
 * is reported: same-language overlaps are found all the same.
 */
export async function preparePlan(plan: PlanText, translator: Translator | null): Promise<PreparedPlan> {
  const sections = plan.sections.map((section) => ({
    id: section.id,
    lang: section.lang,
    paragraphs: sectionParagraphs(section),
  }));
  const byDirection = new Map<
    string,
    { from: TextLanguage; to: TextLanguage; items: { paragraph: PreparedParagraph; at: [number, number] }[] }
  >();
  sections.forEach((section, s) =>
    section.paragraphs.forEach((paragraph, p) => {
      // Headings and other short paragraphs are never compared: nothing to translate.
      if (!isProposal(paragraph)) return;
      for (const to of COMPARISON_LANGUAGES) {
        if (to === paragraph.language) continue;
        const key = `${paragraph.language}-${to}`;
        const direction = byDirection.get(key) ?? { from: paragraph.language, to, items: [] };
        direction.items.push({ paragraph, at: [s, p] });
        byDirection.set(key, direction);
      }
    }),
  );
  const translations = sections.map((section) =>
    section.paragraphs.map((): Partial<Record<TextLanguage, string>> => ({})),
  );
  let crossLanguage: CrossLanguage = { available: true };
  for (const { from, to, items } of byDirection.values()) {
    const missing = await translateInto(translator, from, to, items, translations);
    if (missing && crossLanguage.available) crossLanguage = { available: false, ...missing };
  }
  return {
    crossLanguage,
    sections: sections.map((section, s) => ({
      ...section,
      paragraphs: section.paragraphs.map((paragraph, p) => ({ ...paragraph, translations: translations[s]![p]! })),
    })),
  };
}

/** Whether a paragraph is long enough to compare, remembered by text (a pure memo, emptied past a bound). */
const MAX_REMEMBERED = 100_000;
const proposals = new Map<string, boolean>();

function isProposal(paragraph: PreparedParagraph): boolean {
  const key = `${paragraph.language}\u0000${paragraph.text}`;
  let found = proposals.get(key);
  if (found === undefined) {
    if (proposals.size >= MAX_REMEMBERED) proposals.clear();
    proposals.set(key, (found = paragraphTerms({ text: paragraph.text, language: paragraph.language }) !== null));
  }
  return found;
}

/** Translates one direction's paragraphs into `translations`; the reason when it could not, and whether it failed. */
async function translateInto(
  translator: Translator | null,
  from: TextLanguage,
  to: TextLanguage,
  items: readonly { paragraph: PreparedParagraph; at: [number, number] }[],
  translations: Partial<Record<TextLanguage, string>>[][],
): Promise<{ reason: string; failed?: true } | null> {
  if (!translator) return { reason: 'Machine translation is not set up for this analysis.' };
  const status = await translator.status(from, to);
  if (!status.available) return { reason: status.reason };
  try {
    const out = await translator.translate(
      items.map((item) => item.paragraph.text),
      from,
      to,
    );
    items.forEach(({ at: [s, p] }, i) => {
      translations[s]![p]![to] = out[i]!;
    });
    return null;
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error), failed: true };
  }
}

export type PlanAnalysis = { readonly overlaps: Overlap[]; readonly crossLanguage: CrossLanguage };

/**
 * The overlaps of a plan, across languages when translation is available: what the app stores and
 * what `scripts/find-overlaps.ts` prints. Translation runs in Apertium's processes, off this event loop.
 */
export async function analysePlan(
  plan: PlanText,
  options: OverlapOptions & { translator: Translator | null },
): Promise<PlanAnalysis> {
  checkSectionIds(plan.sections);
  const { sections, crossLanguage } = await preparePlan(plan, options.translator);
  const index = new OverlapIndex(options);
  index.setSections(sections);
  return { overlaps: index.overlaps(), crossLanguage };
}
