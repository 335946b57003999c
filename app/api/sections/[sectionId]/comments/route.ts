import { getDb } from '../../../../../db';
import { appError } from '../../../../../lib/i18n/error-text';
import { listComments } from '../../../../../lib/discussion/list-comments';
import { postComment } from '../../../../../lib/discussion/post-comment';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { commentChannel, commentInput } from '../../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ sectionId: string }> };

export function GET(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    // ?channel=delegations|observers: one channel's messages; without it, both.
    const asked = commentChannel.optional().safeParse(new URL(req.url).searchParams.get('channel') ?? undefined);
    if (!asked.success)
      throw appError('invalid', 'invalidQuery', { detail: asked.error.issues[0]?.message ?? 'invalid' });
    return { comments: await listComments(await getDb(), { userId, sectionId, channel: asked.data }) };
  });
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(
    async () => {
      const userId = await requireApiUserId();
      const sectionId = sectionIdParam((await ctx.params).sectionId);
      const { body, quote, replyTo, mentions, channel } = await parseBody(req, commentInput);
      return postComment(await getDb(), { userId, sectionId, body, quote, replyTo, mentions, channel });
    },
    { status: 201 },
  );
}
