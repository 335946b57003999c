import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { appError } from '../i18n/error-text';
import { detectParagraphLanguage } from '../overlap';
import { authorize } from '../permissions/authorize-action';
import type { ReadInRequest, ReadInResponse } from '../shared/read-in';
import { sectionRoom } from '../shared/rooms';
import type { TextLanguage } from '../shared/text-languages';
import type { Translator } from '../translation';
import { documentTarget } from '../versions/document-target';

/**
 * Requests one user may make in a minute: a page following live edits asks about once a second while
 * someone types; more is a script using the server as a free translator. Per process, in memory.
 */
const perUser = new RateLimiterMemory({ keyPrefix: 'read-in', points: 120, duration: 60 });

/**
 * A section's paragraphs machine-translated for one reader ("Read in …"): never stored as the
 * section's text nor exported; translations come from the translator's caches or Apertium. Whoever
 * may read the plan may ask; the request is bounded by readInSchema and rate-limited per user.
 */
export async function translateSectionText(
  db: Db,
  options: { userId: string; sectionId: string; request: ReadInRequest; translator: Translator | null },
): Promise<ReadInResponse> {
  const target = await documentTarget(db, sectionRoom(options.sectionId));
  if (!target.section) throw appError('not_found', 'sectionNotFound');
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'plan.read' } });
  try {
    await perUser.consume(options.userId);
  } catch (error) {
    if (error instanceof RateLimiterRes)
      throw appError('rate_limited', 'tooManyTranslations', { seconds: Math.ceil(error.msBeforeNext / 1000) });
    throw error;
  }
  const { into, paragraphs } = options.request;
  const languages = paragraphs.map((text) => detectParagraphLanguage(text));
  const translations: (string | null)[] = paragraphs.map(() => null);
  const byLanguage = new Map<TextLanguage, number[]>();
  languages.forEach((language, i) => {
    if (language !== into && paragraphs[i]!.trim()) byLanguage.set(language, [...(byLanguage.get(language) ?? []), i]);
  });
  for (const [from, indexes] of byLanguage) {
    const status = options.translator
      ? await options.translator.status(from, into)
      : { available: false as const, cause: 'missing' as const };
    if (!status.available) throw appError('unavailable', 'translationUnavailable', { cause: status.cause });
    const out = await options.translator!.translate(
      indexes.map((i) => paragraphs[i]!),
      from,
      into,
    );
    indexes.forEach((i, k) => (translations[i] = out[k]!));
  }
  return { into, paragraphs: languages.map((language, i) => ({ language, translation: translations[i]! })) };
}
