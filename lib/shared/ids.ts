import { z } from 'zod';
import { AppError } from '../errors';

const uuid = z.string().uuid();

/** A plan id from a URL; anything that is not a UUID cannot name a plan, so it is "not found". */
export function planIdParam(value: string): string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found', 'No such plan');
  return value;
}

export function sectionIdParam(value: string): string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found', 'No such section');
  return value;
}

export function userIdParam(value: string): string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found', 'No such member');
  return value;
}
