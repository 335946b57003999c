import { config } from '../../lib/env';
import { requestOrigin } from '../../lib/http/request-origin';
import type { AppointResult } from '../../lib/plans/appoint-member';
import { deliverInvitation } from '../../lib/plans/deliver-invitation';

/**
 * What the chair sees after an appointment: the member, or the one-time link, handed to
 * deliverInvitation and shown to pass on unless it went out by email.
 */
export async function invitationLink(req: Request, result: AppointResult) {
  if (result.kind === 'member') return result;
  const url = new URL(`/invitations/${result.token}`, requestOrigin(req.headers, config().NEXTAUTH_URL)).toString();
  const { emailed } = await deliverInvitation({ email: result.email, url, expiresAt: result.expiresAt });
  return { kind: 'invitation' as const, url, emailed, expiresAt: result.expiresAt.toISOString() };
}
