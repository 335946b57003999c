import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, httpStatus } from '../../lib/errors';
import { appError, errorText, fieldError, hasMessage } from '../../lib/i18n/error-text';
import { DEFAULT_LOCALE, type Locale } from '../../lib/i18n/locales';
import { logger } from '../../lib/log';
import { requestLocale } from './request-locale';

const isJson = (contentType: string | null) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * Runs a route body and translates AppError codes to statuses in one place; never leaks a stack. The
 * error is put in words in the requester's language (`locale`: the request's, by default), with the
 * form field it belongs next to when there is one: `{ error, field? }`.
 */
export async function jsonRoute(
  body: () => Promise<unknown>,
  options: { status?: number; locale?: () => Promise<Locale> } = {},
): Promise<NextResponse> {
  try {
    const result = await body();
    return result === undefined
      ? new NextResponse(null, { status: 204 })
      : NextResponse.json(result, { status: options.status ?? 200 });
  } catch (error) {
    const locale = await (options.locale ?? localeOfRequest)();
    if (error instanceof AppError) {
      const field = error.text?.field && { field: error.text.field };
      return NextResponse.json(
        { ...error.details, error: errorText(error, locale), ...field },
        { status: httpStatus[error.code] },
      );
    }
    logger('http').error({ err: error }, 'route failed');
    return NextResponse.json({ error: errorText(appError('invalid', 'internal'), locale) }, { status: 500 });
  }
}

/** The request's language; English where there is no request (a route body run by a script or test). */
async function localeOfRequest(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The request's JSON body checked against a schema; a 400 names the first offending field. Only a body
 * declared application/json is read: an HTML form can send JSON-shaped text/plain from any page, while
 * a cross-origin fetch of application/json needs a CORS preflight, which this site never grants.
 */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S, form?: string): Promise<z.infer<S>> {
  if (!isJson(req.headers.get('content-type'))) throw appError('unsupported_media_type', 'sendJson');
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw appError('invalid', 'sendJson');
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  // Zod's own words for a failed check (when the form has no sentence of its own) in the reader's
  // language: checked again with them, so that a body that passes never looks up the reader's language.
  const again = schema.safeParse(raw, { error: CHECK_WORDS[await localeOfRequest()] });
  throw invalidField((again.error ?? result.error).issues[0], form);
}

const CHECK_WORDS: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  es: z.locales.es().localeError,
  pt: z.locales.pt().localeError,
  fr: z.locales.fr().localeError,
};

const REASONS: Partial<Record<z.core.$ZodIssue['code'], string>> = {
  too_small: 'empty',
  too_big: 'tooLong',
  invalid_format: 'invalid',
  invalid_type: 'invalid',
};

/**
 * The first failed check as a sentence for the field it concerns: `FieldErrors.<form>.<field>.<reason>`
 * when the form has one ("Give the plan a title."), else the field's name and the check's own words.
 */
function invalidField(issue: z.core.$ZodIssue | undefined, form: string | undefined): AppError {
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  const key = form && issue && `${form}.${field}.${REASONS[issue.code] ?? issue.code}`;
  if (key && hasMessage(`FieldErrors.${key}`))
    return fieldError(field, key, issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined);
  const generic = appError('invalid', 'invalidField', { field, detail: issue?.message ?? 'invalid' });
  return new AppError('invalid', `${field}: ${issue?.message ?? 'invalid'}`, { ...generic.text!, field });
}
