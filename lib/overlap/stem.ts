import { groupBy } from './group-by';
import type { Language } from './language';

type Rule = readonly [suffix: string, replacement: string];

/** Rules by the last letter of their suffix, so that a word is tried only against those that can match. */
type Rules = ReadonlyMap<string, readonly Rule[]>;

function parseRule(entry: string): Rule {
  const [suffix = '', replacement = ''] = entry.split('>');
  return [suffix, replacement];
}

/** Strip the suffix; "ies" → "y" and the like are written "ies>y". An ending mapped to itself is protected. */
function rules(list: string): Rules {
  const parsed = list
    .split(/\s+/)
    .filter(Boolean)
    .map(parseRule)
    // Longest first, so that "ations" wins over "s".
    .sort((x, y) => y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1));
  return groupBy(parsed, ([suffix]) => suffix.at(-1) ?? '');
}

/*
 * Light stemmers: inflection (plural, gender, infinitive, participle) and the commonest nominalisations,
 * so that "train / training / trained", "capacitar / capacitación / capacitado" and "formation /
 * former" meet. They deliberately stop there: aggressive stemming merges unrelated policy terms.
 */
const RULES: Readonly<Record<Language, Rules>> = {
  en: rules(`
    izations ization ize ized izes izing ations ation ators ator ated ates ating ate ments ment
    alities ality ities ity ness ions ion ings ing ives ive ies>y ied>y ed es ly al s e
    ss>ss us>us is>is`),
  es: rules(`
    amientos imientos amiento imiento aciones iciones uciones acion icion ucion adoras adores adora
    ador ancias ancia encias encia idades idad mente ativos ativas ativo ativa ivos ivas ivo iva ables
    ibles able ible istas ista ados adas ado ada idos idas ido ida ales al iles il aran eran iran ar er
    ir es os as s o a e`),
  pt: rules(`
    amentos imentos amento imento acoes icoes ucoes acao icao ucao adoras adores adora ador ancias
    ancia encias encia idades idade mente ativos ativas ativo ativa ivos ivas ivo iva aveis iveis avel
    ivel ados adas ado ada idos idas ido ida ais al ar er ir es os as s o a e`),
  fr: rules(`
    issements issement ations ation itions ition ements ement ments ment ites ite euses euse eurs eur
    trices trice teurs teur ives ive ifs if ieres iere iers ier aux ales ale al ees ee es er ir ez e s`),
};

/** Shorter stems than this are left alone: they are too ambiguous once stripped. */
const MIN_STEM = 3;
/** Two passes reach "annually → annual → annu" without peeling words down to their roots. */
const PASSES = 2;

function stripOnce(word: string, language: Language): string {
  for (const [suffix, replacement] of RULES[language].get(word.at(-1) ?? '') ?? []) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      return word.slice(0, -suffix.length) + replacement;
    }
  }
  return word;
}

/**
 * English doubles a final consonant before -ed/-ing ("referred", "planning"); undo it, except for
 * the letters that end words doubled ("staff", "fill", "pass").
 */
function undouble(stem: string): string {
  const last = stem.at(-1);
  return last && last === stem.at(-2) && !'aeioufslz'.includes(last) ? stem.slice(0, -1) : stem;
}

export function stem(word: string, language: Language): string {
  let current = word;
  for (let pass = 0; pass < PASSES; pass++) {
    const next = stripOnce(current, language);
    if (next === current) break;
    current = next;
  }
  return language === 'en' && /(ed|ings?)$/.test(word) ? undouble(current) : current;
}
