import { config } from '../../lib/env';
import type { AppointResult } from '../../lib/plans/appoint-member';

/** The site's public origin: NEXTAUTH_URL when configured, else the Host the browser used. */
function siteOrigin(req: Request): string {
  const configured = config().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? new URL(req.url).host;
  const proto = req.headers.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

/** What the chair sees after an appointment: the member, or the one-time link to pass on. */
export function invitationLink(req: Request, result: AppointResult) {
  if (result.kind === 'member') return result;
  const url = new URL(`/invitations/${result.token}`, siteOrigin(req));
  return { kind: 'invitation' as const, url: url.toString(), expiresAt: result.expiresAt.toISOString() };
}
