import pino from 'pino';
import { config } from './env';

let root: pino.Logger | undefined;

/** Structured logger for one category (collab, db, auth, http). Never pass document text or secrets. */
export function logger(category: string): pino.Logger {
  root ??= pino({ level: config().LOG_LEVEL, base: { pid: process.pid } });
  return root.child({ category });
}
