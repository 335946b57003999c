import { appError, type ServerErrorKey } from '../i18n/error-text';
import { z } from './zod';

const uuid = z.string().uuid();

/** An id from a URL; anything that is not a UUID cannot name a record, so it is "not found". */
function idParam(key: ServerErrorKey): (value: string) => string {
  return (value) => {
    if (!uuid.safeParse(value).success) throw appError('not_found', key);
    return value;
  };
}

export const planIdParam = idParam('noSuchPlan');
export const sectionIdParam = idParam('noSuchSection');
export const userIdParam = idParam('memberNotFound');
export const versionIdParam = idParam('noSuchVersion');
export const overlapIdParam = idParam('overlapNotFound');
export const commentIdParam = idParam('messageNotFound');
export const amendmentIdParam = idParam('amendmentNotFound');
export const spanIdParam = idParam('spanNotFound');
export const invitationIdParam = idParam('noSuchInvitation');
