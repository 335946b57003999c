import { PIVOT_LANGUAGE, type TextLanguage } from '../shared/text-languages';

/** A direction Apertium translates directly, e.g. "en-es". */
export type Pair = `${TextLanguage}-${TextLanguage}`;

export type PairMode = {
  /** The mode file Apertium's data package installs (`apertium -l` lists them). */
  readonly mode: string;
  /** The Debian package that installs it, for the message that says how to add it. */
  readonly debianPackage: string;
};

/*
 * Apertium translates these directions directly, each through Spanish; the others go through Spanish
 * in two steps. Portuguese output is Brazil's, the Portuguese-speaking member state.
 */
const DIRECT: Partial<Record<Pair, PairMode>> = {
  'en-es': { mode: 'eng-spa', debianPackage: 'apertium-eng-spa' },
  'es-en': { mode: 'spa-eng', debianPackage: 'apertium-eng-spa' },
  'pt-es': { mode: 'pt-es', debianPackage: 'apertium-es-pt' },
  'es-pt': { mode: 'es-pt_BR', debianPackage: 'apertium-es-pt' },
  'fr-es': { mode: 'fr-es', debianPackage: 'apertium-fr-es' },
  'es-fr': { mode: 'es-fr', debianPackage: 'apertium-fr-es' },
};

export const DIRECT_PAIRS = Object.keys(DIRECT) as Pair[];

export function pairMode(pair: Pair): PairMode | undefined {
  return DIRECT[pair];
}

/** The direct steps from one language to another: none, one, or two through the pivot. */
export function route(from: TextLanguage, to: TextLanguage): Pair[] {
  if (from === to) return [];
  const direct: Pair = `${from}-${to}`;
  if (DIRECT[direct]) return [direct];
  return [`${from}-${PIVOT_LANGUAGE}`, `${PIVOT_LANGUAGE}-${to}`];
}
