import { AppError } from '../errors';
import { appError } from '../i18n/error-text';
import { z } from './zod';

const uuid = z.string().uuid();

/** An id from a URL; anything that is not a UUID cannot name a record, so it is "not found". */
function idParam(what: string, key?: 'noSuchPlan' | 'noSuchSection' | 'noSuchVersion'): (value: string) => string {
  return (value) => {
    if (!uuid.safeParse(value).success)
      throw key ? appError('not_found', key) : new AppError('not_found', `No such ${what}`);
    return value;
  };
}

export const planIdParam = idParam('plan', 'noSuchPlan');
export const sectionIdParam = idParam('section', 'noSuchSection');
export const userIdParam = idParam('member');
export const versionIdParam = idParam('version', 'noSuchVersion');
export const overlapIdParam = idParam('overlap');
export const commentIdParam = idParam('message');
export const amendmentIdParam = idParam('amendment');
