export type ErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'too_large' | 'unsupported_media_type' | 'unavailable';

/** A failure the caller can act on; routes translate the code to an HTTP status in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
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
  /** A capability this installation lacks (e.g. no browser to print PDFs); the message says how to add it. */
  unavailable: 501,
};
