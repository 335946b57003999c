import type { TextLanguage } from '../shared/text-languages';
import { APERTIUM_PACKAGES } from './apertium-setup';
import type { TranslationStatus, Translator } from './translator';

const KEY = Symbol.for('concordia.translator');

type Holder = { [KEY]?: Translator | null };

/**
 * The process's translator (Apertium, cached in Postgres), set by the server at start. Shared through
 * globalThis because Next bundles its own copy of this module and the pipelines must run once per process.
 */
export function setSharedTranslator(translator: Translator | null): void {
  (globalThis as Holder)[KEY] = translator;
}

/** The process's translator; null where none was set up (a script, a test without a server). */
export function sharedTranslator(): Translator | null {
  return (globalThis as Holder)[KEY] ?? null;
}

/**
 * Whether machine translation runs on this server, for the pages that say so. `cause`: `off` when the
 * setting turned it off, `missing` when Apertium or a language pair is not installed; `install` is the
 * command that installs what it needs.
 */
export type TranslationAvailability =
  | { readonly available: true }
  | { readonly available: false; readonly cause: 'off' | 'missing'; readonly reason: string; readonly install: string };

/** The directions the app needs: every language into Spanish (the pivot) and back out of it. */
const NEEDED: readonly [TextLanguage, TextLanguage][] = [
  ['en', 'es'],
  ['pt', 'es'],
  ['fr', 'es'],
  ['es', 'en'],
  ['es', 'pt'],
  ['es', 'fr'],
];

export async function translationAvailability(
  translator: Translator | null = sharedTranslator(),
): Promise<TranslationAvailability> {
  const install = `apt-get install ${APERTIUM_PACKAGES}`;
  if (!translator)
    return {
      available: false,
      cause: 'missing',
      reason: 'Machine translation is not set up in this process.',
      install,
    };
  for (const [from, to] of NEEDED) {
    const status: TranslationStatus = await translator.status(from, to);
    if (!status.available) return { available: false, cause: status.cause, reason: status.reason, install };
  }
  return { available: true };
}
