import { config } from '../../lib/env';
import { requestOrigin } from '../../lib/http/request-origin';
import type { AppointResult } from '../../lib/plans/appoint-member';

/**
 * What the chair sees after an appointment: the member, or the one-time link to pass on, and whether
 * it also went out by email.
 */
export async function invitationLink(req: Request, result: AppointResult) {
  if (result.kind === 'member') return result;
  const url = new URL(`/invitations/${result.token}`, requestOrigin(req.headers, config().NEXTAUTH_URL)).toString();
  return { kind: 'invitation' as const, url, emailed: result.emailed, expiresAt: result.expiresAt.toISOString() };
}
