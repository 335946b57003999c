import type { IssuedReset } from '../../lib/auth/issue-password-reset';
import { config } from '../../lib/env';
import { requestOrigin } from '../../lib/http/request-origin';

/** What the administrator sees after making a reset link: the link to pass on, for whom, and whether it was emailed. */
export function passwordResetLink(req: Request, reset: IssuedReset) {
  const url = new URL(`/password-reset/${reset.token}`, requestOrigin(req.headers, config().NEXTAUTH_URL)).toString();
  return {
    url,
    email: reset.email,
    name: reset.name,
    emailed: reset.emailed,
    expiresAt: reset.expiresAt.toISOString(),
  };
}
