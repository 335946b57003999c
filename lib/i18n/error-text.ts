import { AppError, type ErrorCode, type ErrorText } from '../errors';
import type { Locale } from './locales';
import type { Messages } from './messages';
import { translator } from './translator';

/** A sentence of the `ServerErrors` namespace, as messages/en.json names it. */
export type ServerErrorKey = keyof Messages['ServerErrors'];

/**
 * An error a person reads in their language: `ServerErrors.<key>`, its English kept as the message for logs.
 * `details`: what the caller can do instead, sent along with the words (see AppError).
 */
export function appError(
  code: ErrorCode,
  key: ServerErrorKey,
  values?: ErrorText['values'],
  details?: AppError['details'],
): AppError {
  return withText(code, { key: `ServerErrors.${key}`, values }, details);
}

/** An error about one form field, shown next to it: `FieldErrors.<form>.<field>.<reason>`. */
export function fieldError(field: string, key: string, values?: ErrorText['values']): AppError {
  return withText('invalid', { key: `FieldErrors.${key}`, values, field });
}

function withText(code: ErrorCode, text: ErrorText, details?: AppError['details']): AppError {
  return new AppError(code, render(text, 'en'), text, details);
}

/** What a person is told of `error` in `locale`: its message key in words, else its English message. */
export function errorText(error: AppError, locale: Locale): string {
  return error.text ? render(error.text, locale) : error.message;
}

/** Whether a message exists under `key`: field errors are looked up by the form, field and reason of a check. */
export function hasMessage(key: string): boolean {
  return translator('en').has(key as never);
}

function render(text: ErrorText, locale: Locale): string {
  // Keys are built from a form, field and reason; hasMessage() is asked before one is made.
  const t = translator(locale);
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? t(value.key as never) : value,
    ]),
  );
  return t(text.key as never, values as never);
}
