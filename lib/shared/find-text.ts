export type Found = { from: number; to: number };

/**
 * Text folded for finding, as readers of the OAS languages expect: case and accents ignored ("policia"
 * finds "Policía"), with the position in the original text of each folded character (null: the same).
 */
function fold(text: string): { folded: string; origin: number[] | null } {
  // Plain ASCII folds to its lower case, position for position: no map needed (most English text).
  if (!/[^\p{ASCII}]/u.test(text)) return { folded: text.toLowerCase(), origin: null };
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let k = 0; k < plain.length; k++) origin.push(at);
    folded += plain;
    at += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** The same folding in one pass, without positions: most paragraphs do not hold the words, and this says so fast. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Where `query` occurs in `text`, as ranges of the original text, ignoring case and accents. */
export function findAll(text: string, query: string): Found[] {
  const wanted = fold(query.trim()).folded;
  if (!wanted || !plain(text).includes(wanted)) return [];
  const { folded, origin } = fold(text);
  const found: Found[] = [];
  for (let at = folded.indexOf(wanted); at !== -1; at = folded.indexOf(wanted, at + wanted.length)) {
    found.push(origin ? { from: origin[at]!, to: origin[at + wanted.length]! } : { from: at, to: at + wanted.length });
  }
  return found;
}
