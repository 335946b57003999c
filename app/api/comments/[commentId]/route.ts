import { getDb } from '../../../../db';
import { editComment } from '../../../../lib/discussion/edit-comment';
import { withdrawComment } from '../../../../lib/discussion/withdraw-comment';
import { commentIdParam } from '../../../../lib/shared/ids';
import { commentEdit } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';
import { requireApiUserId } from '../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ commentId: string }> };

/** Its author changes a message's wording. */
export function PATCH(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const commentId = commentIdParam((await ctx.params).commentId);
    const { body } = await parseBody(req, commentEdit, 'message');
    return editComment(await getDb(), { userId, commentId, body });
  });
}

/** Its author, or the chair, withdraws a message. */
export function DELETE(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const commentId = commentIdParam((await ctx.params).commentId);
    return withdrawComment(await getDb(), { userId, commentId });
  });
}
