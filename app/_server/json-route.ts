import { NextResponse } from 'next/server';
import { AppError, httpStatus } from '../../lib/errors';
import { logger } from '../../lib/log';

/** Runs a route body and translates AppError codes to statuses in one place; never leaks a stack. */
export async function jsonRoute(body: () => Promise<unknown>): Promise<NextResponse> {
  try {
    return NextResponse.json(await body());
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: httpStatus[error.code] });
    logger('http').error({ err: error }, 'route failed');
    return NextResponse.json({ error: 'Internal error' }, { status: 500 });
  }
}
