import { readdirSync, readFileSync } from 'node:fs';
import type { TextLanguage } from '../lib/shared/text-languages';
import type { Translator } from '../lib/translation';
import { prng, type PlanSize } from './plan-text';

/**
 * Languages of the sections in turn: about as many delegations draft in Spanish as in the three other
 * languages together, then English, then Portuguese and French.
 */
const LANGUAGE_CYCLE: readonly TextLanguage[] = ['es', 'en', 'es', 'pt', 'es', 'en', 'fr', 'es'];

/** Paragraphs copied into another section (translated when its language differs), with a sentence added. */
const PLANTED_PER_SECTION = 40 / 35;
const SEED = 20_251_207;

export type MultilingualSection = { id: string; lang: TextLanguage; paragraphs: string[] };

type Corpus = { skeletons: string[]; words: string[] };

/**
 * The real paragraphs of the evaluation plans in each language give the shape of the bench's
 * paragraphs; their words, and those of every other paragraph translated into the language, the
 * vocabulary (about 2,500 words a language with Apertium, 700 to 1,900 without). Template sentences
 * would not do: a few hundred words shared by every paragraph make most pairs look alike to a detector
 * that compares proposals by their words, which no plan a delegation writes does.
 */
async function corpus(translator: Translator | null): Promise<Record<TextLanguage, Corpus>> {
  const dir = new URL('../tests/fixtures/overlap-eval/', import.meta.url);
  const found: Record<TextLanguage, Corpus> = {
    es: { skeletons: [], words: [] },
    en: { skeletons: [], words: [] },
    pt: { skeletons: [], words: [] },
    fr: { skeletons: [], words: [] },
  };
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const plan = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
      sections: { lang: TextLanguage; paragraphs: { text: string }[] }[];
    };
    for (const section of plan.sections)
      for (const { text } of section.paragraphs) found[section.lang].skeletons.push(text);
  }
  const languages = Object.keys(found) as TextLanguage[];
  for (const language of languages) {
    const texts = [...found[language].skeletons];
    if (translator)
      for (const from of languages)
        if (from !== language) texts.push(...(await translator.translate(found[from].skeletons, from, language)));
    found[language].words = [
      ...new Set(texts.flatMap((text) => text.match(/\p{L}{3,}/gu) ?? []).map((word) => word.toLowerCase())),
    ].sort();
  }
  return found;
}

/** A new paragraph in the language: a real one's shape, each word of three letters or more replaced by another. */
function paragraph(random: () => number, { skeletons, words }: Corpus): string {
  const skeleton = skeletons[Math.floor(random() * skeletons.length)]!;
  return skeleton.replace(/\p{L}{3,}/gu, () => words[Math.floor(random() * words.length)]!);
}

/**
 * The same plan on every run, in the delegations' four languages: sections of `size.words` words in
 * paragraphs of 25–40 words, and paragraphs of one section copied into another (machine-translated by
 * `translator` when the languages differ, or copied as they are without one) as overlaps to find.
 */
export async function multilingualPlan(size: PlanSize, translator: Translator | null): Promise<MultilingualSection[]> {
  const random = prng(SEED);
  const texts = await corpus(translator);
  const sections: MultilingualSection[] = Array.from({ length: size.sections }, (_, i) => {
    const lang = LANGUAGE_CYCLE[i % LANGUAGE_CYCLE.length]!;
    const paragraphs: string[] = [];
    for (let written = 0; written < size.words;) {
      const text = paragraph(random, texts[lang]);
      paragraphs.push(text);
      written += text.split(/\s+/).length;
    }
    return { id: `s${String(i + 1).padStart(2, '0')}`, lang, paragraphs };
  });
  if (sections.length < 2) return sections;
  for (let i = 0; i < Math.round(size.sections * PLANTED_PER_SECTION); i++) {
    const from = sections[Math.floor(random() * sections.length)]!;
    const to = sections.filter((s) => s !== from)[Math.floor(random() * (sections.length - 1))]!;
    const copied = from.paragraphs[Math.floor(random() * from.paragraphs.length)]!;
    const translated =
      from.lang === to.lang || !translator ? copied : (await translator.translate([copied], from.lang, to.lang))[0]!;
    const added = paragraph(random, texts[to.lang]).split(/(?<=\.)\s/)[0]!;
    to.paragraphs.push(`${translated} ${added}`);
  }
  return sections;
}

/** Words a plan's preparation sends through Apertium: each paragraph into Spanish and into English, via Spanish. */
export function wordsThroughApertium(plan: readonly MultilingualSection[]): number {
  const steps: Record<TextLanguage, number> = { es: 1, en: 1, pt: 2, fr: 2 };
  return plan.reduce(
    (sum, section) => sum + steps[section.lang] * section.paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0),
    0,
  );
}
