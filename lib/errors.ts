export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

/**
 * What to tell a person, in their language: a message key (`ServerErrors.*`, `FieldErrors.*`) and its
 * arguments, and the form field it belongs next to. `lib/i18n/error-text.ts` puts it in words.
 */
/** A value of a sentence: as is, or another message (a field's label) put in the same language. */
export type ErrorTextValue = string | number | { key: string };
export type ErrorText = { key: string; values?: Record<string, ErrorTextValue>; field?: string };

/**
 * A failure the caller can act on; routes translate the code to an HTTP status in one place. `message`
 * is English, for logs and callers outside a request; `text`, when given, is what a person reads.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly text?: ErrorText,
    /** What the caller can do instead, sent with the message (e.g. the versions to compare when an undo is refused). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  too_large: 413,
  /** A body in a format the route does not take (a JSON route sent text/plain, as an HTML form can). */
  unsupported_media_type: 415,
  /** More requests than a user may make in a while (machine translation, which costs the server CPU). */
  rate_limited: 429,
  /** A capability this installation lacks (e.g. no browser to print PDFs); the message says how to add it. */
  unavailable: 501,
};
