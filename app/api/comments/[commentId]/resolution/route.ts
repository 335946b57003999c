import { getDb } from '../../../../../db';
import { resolveThread } from '../../../../../lib/discussion/resolve-thread';
import { commentIdParam } from '../../../../../lib/shared/ids';
import { threadResolution } from '../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ commentId: string }> };

/** Resolves (`{ resolved: true }`) or reopens the thread the message is in. */
export function PUT(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const commentId = commentIdParam((await ctx.params).commentId);
    const { resolved } = await parseBody(req, threadResolution);
    return resolveThread(await getDb(), { userId, commentId, resolved });
  });
}
