import { getDb } from '../../../../db';
import { changePassword } from '../../../../lib/auth/change-password';
import { changePasswordInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiSession } from '../../../_server/session';

export const dynamic = 'force-dynamic';

/** The signed-in user's own password; the session that changes it stays signed in, every other one ends. */
export function POST(req: Request) {
  return jsonRoute(async () => {
    const { userId, sessionId } = await requireApiSession();
    const input = await parseBody(req, changePasswordInput, 'password');
    return changePassword(await getDb(), { userId, sessionId, ...input });
  });
}
