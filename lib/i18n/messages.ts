import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import pt from '../../messages/pt.json';
import type { Locale } from './locales';

/** The interface's messages, shaped as the English file (the source every translation follows). */
export type Messages = typeof en;

/** Every language's messages; a missing key fails the typecheck here, and tests/unit/messages.test.ts says which. */
export const MESSAGES: Record<Locale, Messages> = { en, es, pt, fr };
