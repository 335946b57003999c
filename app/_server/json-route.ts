import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, httpStatus } from '../../lib/errors';
import { logger } from '../../lib/log';

const isJson = (contentType: string | null) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** Runs a route body and translates AppError codes to statuses in one place; never leaks a stack. */
export async function jsonRoute(body: () => Promise<unknown>, options: { status?: number } = {}): Promise<NextResponse> {
  try {
    const result = await body();
    return result === undefined ? new NextResponse(null, { status: 204 }) : NextResponse.json(result, { status: options.status ?? 200 });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: httpStatus[error.code] });
    logger('http').error({ err: error }, 'route failed');
    return NextResponse.json({ error: 'Internal error' }, { status: 500 });
  }
}

/**
 * The request's JSON body checked against a schema; a 400 names the first offending field. Only a body
 * declared application/json is read: an HTML form can send JSON-shaped text/plain from any page, while
 * a cross-origin fetch of application/json needs a CORS preflight, which this site never grants.
 */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (!isJson(req.headers.get('content-type'))) throw new AppError('unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json.');
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError('invalid', 'body: not valid JSON');
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'body';
    throw new AppError('invalid', `${field}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
