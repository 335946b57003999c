import { getDb } from '../../../../../db';
import { listComments } from '../../../../../lib/discussion/list-comments';
import { postComment } from '../../../../../lib/discussion/post-comment';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { commentInput } from '../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    return { comments: await listComments(await getDb(), { userId, sectionId }) };
  });
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const userId = await requireApiUserId();
      const sectionId = sectionIdParam((await ctx.params).sectionId);
      const { body, quote, replyTo, mentions } = await parseBody(req, commentInput, 'message');
      return postComment(await getDb(), { userId, sectionId, body, quote, replyTo, mentions });
    },
    { status: 201 },
  );
}
