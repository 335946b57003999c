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
  return checkInput(schema, raw, form);
}

/** A request's input (its body, or its query as an object) checked against a schema; as parseBody. */
export async function checkInput<S extends z.ZodType>(schema: S, raw: unknown, form?: string): Promise<z.infer<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  // Zod's own words for a failed check (when the form has no sentence of its own) in the reader's
  // language: checked again with them, so that input that passes never looks up the reader's language.
  const again = schema.safeParse(raw, { error: CHECK_WORDS[await localeOfRequest()] });
  throw invalidField((again.error ?? result.error).issues[0], form);
}

const CHECK_WORDS: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  es: z.locales.es().localeError,
  pt: z.locales.pt().localeError,
  fr: z.locales.fr().localeError,
};

/**
 * Why a check failed, as message keys name it: `empty` (nothing written), `tooShort`, `tooLong`,
 * `invalid`, or the `reason` a schema's own check gives in its params.
 */
function reasonOf(issue: z.core.$ZodIssue): string {
  const own = issue.code === 'custom' && (issue.params as { reason?: unknown } | undefined)?.reason;
  if (typeof own === 'string') return own;
  if (issue.code === 'too_small') return Number(issue.minimum) <= 1 ? 'empty' : 'tooShort';
  if (issue.code === 'too_big') return 'tooLong';
  return 'invalid';
}

/**
 * The first failed check as a sentence for the field it concerns: the form's own sentence for it
 * (`FieldErrors.<form>.<field>.<reason>`: "Give the plan a title."), else one naming the field by its
 * label (`FieldErrors.any.<reason>` with `FieldNames.<field>`), else the field's name and zod's words.
 */
function invalidField(issue: z.core.$ZodIssue | undefined, form: string | undefined): AppError {
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  if (issue) {
    const reason = reasonOf(issue);
    const values = limitsOf(issue);
    const own = form && `${form}.${field}.${reason}`;
    if (own && hasMessage(`FieldErrors.${own}`)) return fieldError(field, own, values);
    if (hasMessage(`FieldNames.${field}`) && hasMessage(`FieldErrors.any.${reason}`))
      return fieldError(field, `any.${reason}`, { ...values, field: { key: `FieldNames.${field}` } });
  }
  const generic = appError('invalid', 'invalidField', { field, detail: issue?.message ?? 'invalid' });
  return new AppError('invalid', `${field}: ${issue?.message ?? 'invalid'}`, { ...generic.text!, field });
}

/** The bounds a failed size check names, for sentences such as "Keep it to {max} characters or fewer." */
function limitsOf(issue: z.core.$ZodIssue): Record<string, number> {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  // A schema's own check names its bound in its params, beside its reason.
  const own = issue.code === 'custom' ? (issue.params as { max?: unknown } | undefined) : undefined;
  return typeof own?.max === 'number' ? { max: own.max } : {};
}
