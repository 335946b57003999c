/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * Lower-case word tokens without accents or punctuation. Accents are dropped rather than kept because
 * drafts typed on keyboards without them ("capacitacion", "policia") must match the accented text.
 * Apostrophes split words, so French elisions ("l'homme") give the article and the noun.
 */
export function normalize(text: string): string[] {
  const lower = text.toLowerCase();
  // Most English paragraphs are plain ASCII and need no decomposition.
  const folded = /[\u0080-\uffff]/.test(lower)
    ? lower
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter)
    : lower;
  return folded.match(/[a-z0-9]+/g) ?? [];
}
