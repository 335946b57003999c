import { AppError } from '../errors';
import { z } from './zod';

const uuid = z.string().uuid();

/** An id from a URL; anything that is not a UUID cannot name a record, so it is "not found". */
function idParam(what: string): (value: string) => string {
  return (value) => {
    if (!uuid.safeParse(value).success) throw new AppError('not_found', `No such ${what}`);
    return value;
  };
}

export const planIdParam = idParam('plan');
export const sectionIdParam = idParam('section');
export const userIdParam = idParam('member');
export const versionIdParam = idParam('version');
export const overlapIdParam = idParam('overlap');
export const commentIdParam = idParam('message');
