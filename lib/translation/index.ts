export { DIRECT_PAIRS, route, type Pair } from './apertium-modes';
export { APERTIUM_PACKAGES } from './apertium-setup';
export { postgresStore } from './postgres-store';
export { textHash, type TranslationStore } from './translation-cache';
export { createTranslator, type TranslationStatus, type Translator, type TranslatorOptions } from './translator';
export {
  setSharedTranslator,
  sharedTranslator,
  translationAvailability,
  type TranslationAvailability,
} from './shared-translator';
