import { getDb } from '../../../db';
import { issuePasswordReset } from '../../../lib/auth/issue-password-reset';
import { issuePasswordResetInput } from '../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../_server/json-route';
import { passwordResetLink } from '../../_server/password-reset-link';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

/** An administrator makes a one-time link for an account to choose a new password. */
export function POST(req: Request) {
  return jsonRoute(
    async () => {
      const actorId = await requireApiUserId();
      const input = await parseBody(req, issuePasswordResetInput, 'passwordReset');
      return passwordResetLink(req, await issuePasswordReset(await getDb(), { actorId, email: input.email }));
    },
    { status: 201 },
  );
}
